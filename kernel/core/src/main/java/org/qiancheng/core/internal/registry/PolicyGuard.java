package org.qiancheng.core.internal.registry;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.qiancheng.api.claim.PolicyIdentity;
import org.qiancheng.engine.PolicyFailureException;

/**
 * Runs a region bundle's code with a time limit, on threads of its own: a version that hangs fails
 * the requests that reach it once the limit passes, and holds at most its limit of threads,
 * while every other region goes on answering. Calls beyond the threads wait in a queue (a burst is
 * not a fault); the time limit counts the wait. A thread cannot be stopped, only interrupted; a
 * version whose threads all hang fails its callers after the limit, and when even its queue is
 * full, at once.
 */
final class PolicyGuard {

    private final PolicyIdentity identity;
    private final GuardLimits limits;
    private final Duration limit;
    private final ThreadPoolExecutor threads;

    PolicyGuard(PolicyIdentity identity, GuardLimits limits) {
        this.identity = identity;
        this.limits = limits;
        this.limit = limits.callLimit();
        this.threads = new ThreadPoolExecutor(limits.threads(), limits.threads(), 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(limits.queue()), r -> {
                    Thread thread = new Thread(r, "qc-policy-" + identity.regionCode() + "-" + identity.version());
                    thread.setDaemon(true);
                    return thread;
                });
        threads.allowCoreThreadTimeOut(true);
    }

    <T> T call(String what, Supplier<T> work) {
        Future<T> result;
        try {
            result = threads.submit(work::get);
        } catch (RejectedExecutionException e) {
            throw new PolicyFailureException(name() + " is overwhelmed: " + limits.threads() + " calls running and "
                    + limits.queue() + " waiting (hanging?); " + what + " refused", e);
        }
        try {
            return result.get(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            result.cancel(true);
            throw new PolicyFailureException(name() + " did not answer " + what + " within " + limit.toMillis()
                    + " ms", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new PolicyFailureException(name() + " failed in " + what + ": " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            result.cancel(true);
            Thread.currentThread().interrupt();
            throw new PolicyFailureException("interrupted while " + name() + " was deciding " + what, e);
        }
    }

    /** Interrupts whatever is still running when the version leaves. */
    void close() {
        threads.shutdownNow();
    }

    private String name() {
        return "policy " + identity.regionCode() + " " + identity.version() + " (" + identity.bundleSymbolicName() + ")";
    }
}
