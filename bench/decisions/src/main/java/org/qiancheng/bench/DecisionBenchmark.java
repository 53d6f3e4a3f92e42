package org.qiancheng.bench;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.qiancheng.api.claim.Decision;
import org.qiancheng.api.claim.LineItem;
import org.qiancheng.api.claim.Reason;
import org.qiancheng.api.claim.SubsidyDecision;

/**
 * Decisions per second on one core: a region version decides one trainee's claim through the
 * engine exactly as a preview or a settlement does — the decision with its policy identity, every
 * cited line and every dated parameter read. One thread, so the score is per core.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@Fork(value = 1, jvmArgsAppend = {"-Xmx512m"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class DecisionBenchmark {

    /** The jar file names in target/regions, with the preview scenario of their region. */
    @Param({"region-national.jar:preview-national", "region-sichuan.jar:preview-sichuan",
            "region-sichuan-2021.jar:preview-sichuan", "region-sichuan-2025-2.jar:preview-sichuan",
            "region-xian.jar:preview-xian", "region-jiangsu.jar:preview-jiangsu"})
    public String region;

    private RegionUnderTest underTest;

    @Setup(Level.Trial)
    public void load() throws Exception {
        String[] parts = region.split(":");
        Path repo = Path.of(System.getProperty("qc.repo", "."));
        underTest = RegionUnderTest.load(repo.resolve("bench/decisions/target/regions").resolve(parts[0]),
                repo.resolve("docs/examples").resolve(parts[1] + ".json"));
    }

    @Benchmark
    public Decision decide() {
        return underTest.policy.decide(underTest.input);
    }

    /**
     * The same decision with every label and reason text written, as when it is shown or stored
     * (since claim API 1.4 a decision keeps its labels as template and arguments until read).
     */
    @Benchmark
    public void decideAndWriteTexts(Blackhole out) {
        Decision decision = underTest.policy.decide(underTest.input);
        SubsidyDecision result = decision.result();
        for (LineItem line : result.lines()) {
            out.consume(line.label());
        }
        for (Reason reason : result.eligibility().reasons()) {
            out.consume(reason.text());
        }
        for (Reason reason : result.notes()) {
            out.consume(reason.text());
        }
        for (Reason reason : result.flags()) {
            out.consume(reason.text());
        }
        out.consume(decision);
    }
}
