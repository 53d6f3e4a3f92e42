package org.qiancheng.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * The score per CPU-second of the benchmark's own thread: on this shared 2-core machine other
 * builds take the core away for part of each iteration, which lowers operations per second of
 * wall-clock time but not operations per second of CPU time the benchmark thread actually got.
 * Reports {@code ·cpu-share} (CPU time of the JMH worker threads ÷ wall time of the iteration)
 * and {@code ·per-cpu-s} (the score ÷ that share).
 */
public final class CpuTimeProfiler implements InternalProfiler {

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private Map<Long, Long> before = Map.of();
    private long started;

    @Override
    public String getDescription() {
        return "score per CPU-second of the JMH worker threads";
    }

    @Override
    public void beforeIteration(BenchmarkParams benchmark, IterationParams iteration) {
        before = workers();
        started = System.nanoTime();
    }

    @Override
    public Collection<? extends Result> afterIteration(BenchmarkParams benchmark, IterationParams iteration,
            IterationResult result) {
        long wall = System.nanoTime() - started;
        long cpu = 0;
        for (Map.Entry<Long, Long> worker : workers().entrySet()) {
            cpu += worker.getValue() - before.getOrDefault(worker.getKey(), 0L);
        }
        double share = wall > 0 ? (double) cpu / wall : 0;
        double score = result.getPrimaryResult().getScore();
        return List.of(new ScalarResult("·cpu-share", share, "", AggregationPolicy.AVG),
                new ScalarResult("·per-cpu-s", share > 0 ? score / share : 0, "ops/cpu-s", AggregationPolicy.AVG));
    }

    /** CPU nanoseconds so far of each JMH worker thread, by thread id. */
    private Map<Long, Long> workers() {
        Map<Long, Long> cpu = new HashMap<>();
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (thread.getName().contains("jmh-worker")) {
                long time = threads.getThreadCpuTime(thread.getId());
                if (time >= 0) {
                    cpu.put(thread.getId(), time);
                }
            }
        }
        return cpu;
    }
}
