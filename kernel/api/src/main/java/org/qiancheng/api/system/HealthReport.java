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
 */
public record HealthReport(HealthStatus status, String frameworkState, Map<String, Integer> bundles,
        DatabaseHealth database, Duration uptime, Instant checkedAt) {

    /** Copies the bundle counts so the report stays immutable. */
    public HealthReport {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(database, "database");
        bundles = Map.copyOf(bundles);
    }
}
