package org.qiancheng.bench;

import java.util.Collection;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs {@link DecisionBenchmark} for every shipped region version, deciding only and deciding with
 * every text written, and prints one line each, in decisions per second of wall-clock time and per
 * CPU-second of the benchmark thread ({@link CpuTimeProfiler}: on this shared 2-core machine other
 * builds take the core away for part of each iteration);
 * exits with 1 when a region measured nothing (a refused version, a decision not worth measuring,
 * a score of zero), so a stale or empty figure cannot be mistaken for a result.
 */
public final class DecisionsPerSecond {

    private DecisionsPerSecond() {
    }

    public static void main(String[] args) throws RunnerException {
        Options options = new OptionsBuilder().include(DecisionBenchmark.class.getSimpleName())
                .addProfiler(CpuTimeProfiler.class)
                .jvmArgsAppend("-Dqc.repo=" + System.getProperty("qc.repo", ".")).build();
        Collection<RunResult> results = new Runner(options).run();
        if (results.size() != 12) {
            System.err.println("expected 6 region versions × 2 benchmarks measured, got " + results.size());
            System.exit(1);
        }
        System.out.println();
        System.out.println("decisions per second on one core, with the full trace (wall clock; per CPU-second of the"
                + " benchmark thread; its share of a core):");
        boolean empty = false;
        for (RunResult result : results) {
            double score = result.getPrimaryResult().getScore();
            double error = result.getPrimaryResult().getScoreError();
            Result<?> perCpu = result.getSecondaryResults().get("·per-cpu-s");
            Result<?> share = result.getSecondaryResults().get("·cpu-share");
            empty |= !(score > 0) || perCpu == null || !(perCpu.getScore() > 0);
            System.out.printf("  %-20s %-42s %,12.0f ± %,.0f /s   %,12.0f ± %,.0f /CPU-s   %.2f%n",
                    result.getParams().getBenchmark().replaceAll(".*\\.", ""), result.getParams().getParam("region"),
                    score, error, perCpu == null ? 0 : perCpu.getScore(), perCpu == null ? 0 : perCpu.getScoreError(),
                    share == null ? 0 : share.getScore());
        }
        if (empty) {
            System.err.println("a region measured nothing");
            System.exit(1);
        }
    }
}
