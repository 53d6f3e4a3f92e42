package org.qiancheng.api.system;

import java.util.Objects;

/**
 * The database as seen by a real query at the time of the check.
 *
 * @param status UP when the query succeeded
 * @param product the database product and version, or {@code null} when down
 * @param bootCount how many times this platform has started on this database (a kernel table's
 *     row count, read by the query)
 * @param latencyMillis how long the query took
 * @param error why the database is down, or {@code null} when up
 */
public record DatabaseHealth(HealthStatus status, String product, long bootCount, long latencyMillis, String error) {

    /** Requires a status. */
    public DatabaseHealth {
        Objects.requireNonNull(status, "status");
    }

    /**
     * A database that cannot be queried.
     *
     * @param error why
     * @return a DOWN health
     */
    public static DatabaseHealth down(String error) {
        return new DatabaseHealth(HealthStatus.DOWN, null, 0, 0, error);
    }
}
