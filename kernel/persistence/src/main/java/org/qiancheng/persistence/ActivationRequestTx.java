package org.qiancheng.persistence;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;
import org.qiancheng.api.registry.ActivationRequest;

/**
 * Requests to activate a policy version, waiting for a second policy administrator, inside the
 * transaction of the {@link WorkflowTx} that gave them. The kernel checks who may do what.
 */
@ProviderType
public interface ActivationRequestTx {

    /** Stores a new PENDING request, made at the region's decision {@code sequence}. */
    ActivationRequest insert(String regionCode, String version, String reason, String requestedBy,
            Instant requestedAt, Instant expiresAt, long sequence);

    /** @return the request, or empty */
    Optional<ActivationRequest> find(long id);

    /**
     * @param status only of this status, or {@code null} for all
     * @return the requests, newest first
     */
    List<ActivationRequest> list(ActivationRequest.Status status);

    /**
     * Ends a PENDING request: confirmed, cancelled or expired. Only one decision ever applies, even
     * when two race: the row changes only while it is still PENDING.
     *
     * @param id the request
     * @param status CONFIRMED, CANCELLED or EXPIRED
     * @param by who decided
     * @param at when
     * @return the request as decided
     * @throws org.qiancheng.api.workflow.WorkflowException NOT_FOUND; CONFLICT (rule {@code status}) when it
     *     is no longer PENDING
     */
    ActivationRequest decide(long id, ActivationRequest.Status status, String by, Instant at);
}
