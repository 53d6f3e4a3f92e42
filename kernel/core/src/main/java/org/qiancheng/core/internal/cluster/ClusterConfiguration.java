package org.qiancheng.core.internal.cluster;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * This node's name and the timing of heartbeats and leases, in {@code etc/org.qiancheng.cluster.cfg}.
 * Every node on one database should use the same times.
 */
@ObjectClassDefinition(name = "Qiancheng nodes", description = "This node's id, heartbeats and leases")
public @interface ClusterConfiguration {

    /** PID of the configuration. */
    String PID = "org.qiancheng.cluster";

    @AttributeDefinition(description = "This node's id; blank: QC_NODE, else host name, HTTP port and a random"
            + " suffix (a new one at every start)")
    String node() default "";

    @AttributeDefinition(description = "Seconds between heartbeats (the node's row and its leases)", min = "1")
    int heartbeatSeconds() default 5;

    @AttributeDefinition(description = "Seconds a lease lives without a heartbeat; another node takes the work"
            + " over after that", min = "2")
    int leaseSeconds() default 30;

    @AttributeDefinition(description = "Seconds after its start before a node takes over work whose lease"
            + " expired, so that its deploy/ bundles are in force first", min = "0")
    int takeoverAfterStartSeconds() default 15;
}
