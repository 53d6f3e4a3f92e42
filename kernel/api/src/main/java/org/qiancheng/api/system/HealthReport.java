package org.qiancheng.api.system;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * The state of the running platform at one instant.
 *
 * @param status UP when the framework is active and the database answers
 * @param frameworkState the OSGi framework's state, e.g. {@code ACTIVE}
 * @param bundles the number of bundles in each state, e.g. {@code ACTIVE → 52}
 * @param database the database as seen by a real query
 * @param uptime time since the platform's process started
 * @param checkedAt when this report was taken
 * @param node the node that took it and the leases it holds; {@code null} before the node is known
 * @since 1.0 ({@code node} 1.1)
 */
public record HealthReport(HealthStatus status, String frameworkState, Map<String, Integer> bundles,
        DatabaseHealth database, Duration uptime, Instant checkedAt, NodeHealth node) {

    /** Copies the bundle counts so the report stays immutable. */
    public HealthReport {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(database, "database");
        bundles = Map.copyOf(bundles);
    }

    /** A report without its node, as before 1.1. */
    public HealthReport(HealthStatus status, String frameworkState, Map<String, Integer> bundles,
            DatabaseHealth database, Duration uptime, Instant checkedAt) {
        this(status, frameworkState, bundles, database, uptime, checkedAt, null);
    }
}
