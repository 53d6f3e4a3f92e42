package org.qiancheng.bench;

import java.util.Collection;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs {@link DecisionBenchmark} for every shipped region version and prints one line each;
 * exits with 1 when a region measured nothing (a refused version, a decision not worth measuring,
 * a score of zero), so a stale or empty figure cannot be mistaken for a result.
 */
public final class DecisionsPerSecond {

    private DecisionsPerSecond() {
    }

    public static void main(String[] args) throws RunnerException {
        Options options = new OptionsBuilder().include(DecisionBenchmark.class.getSimpleName())
                .jvmArgsAppend("-Dqc.repo=" + System.getProperty("qc.repo", ".")).build();
        Collection<RunResult> results = new Runner(options).run();
        if (results.size() != 6) {
            System.err.println("expected 6 region versions measured, got " + results.size());
            System.exit(1);
        }
        System.out.println();
        System.out.println("decisions per second on one core, with the full trace:");
        boolean empty = false;
        for (RunResult result : results) {
            double score = result.getPrimaryResult().getScore();
            double error = result.getPrimaryResult().getScoreError();
            empty |= !(score > 0);
            System.out.printf("  %-45s %,12.0f ± %,.0f /s%n", result.getParams().getParam("region"), score, error);
        }
        if (empty) {
            System.err.println("a region measured nothing");
            System.exit(1);
        }
    }
}
