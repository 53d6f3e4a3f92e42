package org.qiancheng.core.internal.registry;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * How long the registry waits and how much it lets one region bundle hold, configured in
 * {@code etc/org.qiancheng.registry.cfg}; the defaults are what the swap and isolation tests ran with.
 */
@ObjectClassDefinition(name = "Qiancheng policy registry",
        description = "Draining of removed versions and the limits on each version's calls")
@interface RegistryConfiguration {

    /** PID of the configuration. */
    String PID = "org.qiancheng.registry";

    @AttributeDefinition(description = "Seconds a removed version waits for requests still holding it", min = "0")
    int drainSeconds() default 30;

    @AttributeDefinition(description = "Milliseconds one call into a region bundle may take, waiting included",
            min = "1")
    long callLimitMillis() default 10_000;

    @AttributeDefinition(description = "Threads one policy version may occupy at once", min = "1")
    int threadsPerVersion() default 16;

    @AttributeDefinition(description = "Calls that may wait for a thread of one version", min = "1")
    int queuePerVersion() default 2_000;

    @AttributeDefinition(description = "Seconds between reads of the stored activation history "
            + "(decisions taken on other nodes)", min = "1")
    int historyRefreshSeconds() default 5;
}
