package org.qiancheng.core.internal.registry;

import java.time.Duration;

/**
 * What one policy version may hold: how long a call may take (waiting included), how many calls
 * run at once and how many may wait.
 */
record GuardLimits(Duration callLimit, int threads, int queue) {

    /** The defaults of {@link RegistryConfiguration}. */
    static final GuardLimits DEFAULT = new GuardLimits(Duration.ofSeconds(10), 16, 2_000);

    static GuardLimits of(RegistryConfiguration config) {
        return new GuardLimits(Duration.ofMillis(config.callLimitMillis()), config.threadsPerVersion(),
                config.queuePerVersion());
    }

    /** The defaults with another time limit, for tests of a hanging version. */
    GuardLimits withCallLimit(Duration limit) {
        return new GuardLimits(limit, threads, queue);
    }
}
