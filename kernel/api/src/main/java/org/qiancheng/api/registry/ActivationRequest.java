package org.qiancheng.api.registry;

import java.time.Instant;
import java.util.Objects;

/**
 * A request to put a policy version in force, waiting for a second policy administrator: activating
 * takes two (one requests with a reason, another confirms); a request not confirmed within 24 hours
 * expires.
 *
 * @param id the request's id
 * @param regionCode the region
 * @param version the version to activate
 * @param reason why, as the requester said
 * @param requestedBy the username of the requester
 * @param requestedAt when it was requested
 * @param expiresAt when it expires unless confirmed or cancelled
 * @param status where it stands
 * @param decidedBy who confirmed or cancelled it, or noticed it expired; {@code null} while pending
 * @param decidedAt when it was confirmed, cancelled or found expired; {@code null} while pending
 * @param sequence the region's decision sequence the request was made at ({@link Activation#sequence()} of the
 *     region's latest decision, 0 when it has none): the confirmation is refused (409) when the region has
 *     moved since; {@code null} for a request stored before 1.5, whose confirmation is checked against the
 *     region as the confirming node knows it
 * @since 1.4 ({@code sequence} 1.5)
 */
public record ActivationRequest(long id, String regionCode, String version, String reason, String requestedBy,
        Instant requestedAt, Instant expiresAt, Status status, String decidedBy, Instant decidedAt, Long sequence) {

    /** Where a request stands. */
    public enum Status {
        /** Waiting for another policy administrator to confirm it. */
        PENDING,
        /** Confirmed: the version was activated. */
        CONFIRMED,
        /** Cancelled by a policy administrator. */
        CANCELLED,
        /** Not confirmed within its time. */
        EXPIRED
    }

    /** Requires region, version, requester, times and status. */
    public ActivationRequest {
        Objects.requireNonNull(regionCode, "regionCode");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(requestedBy, "requestedBy");
        Objects.requireNonNull(requestedAt, "requestedAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(status, "status");
    }

    /** A request without the sequence it was made at, as before 1.5. */
    public ActivationRequest(long id, String regionCode, String version, String reason, String requestedBy,
            Instant requestedAt, Instant expiresAt, Status status, String decidedBy, Instant decidedAt) {
        this(id, regionCode, version, reason, requestedBy, requestedAt, expiresAt, status, decidedBy, decidedAt, null);
    }
}
