package org.qiancheng.api.registry;

import java.time.Duration;
import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Two-person activation of policy versions (四眼原则): a policy administrator requests the activation
 * with a reason, another confirms it within 24 hours, and only then is the version in force. Every
 * method acts for the current user (who needs the permission {@code policy.activate}) and only in
 * the user's regions: a region outside them is answered as if its version were not installed. Every
 * change enters the audit trail as entity {@code policy}. Rollback and pins stay one person's
 * decision ({@link PolicyRegistry}). Provided by the kernel.
 *
 * @since 1.4
 */
@ProviderType
public interface ActivationRequests {

    /** How long a request waits for its confirmation. */
    Duration VALIDITY = Duration.ofHours(24);

    /**
     * Requests the activation of a version, checked as an activation is (installed, valid, not
     * VALIDATING, not active already); nothing is stored when it is refused.
     *
     * @param regionCode GB/T 2260 code
     * @param version the version
     * @param reason why (may be {@code null})
     * @return the pending request
     * @throws org.qiancheng.api.security.AccessException as for any access; NOT_FOUND when the version
     *     is not installed or its region is outside the user's; INVALID when it is refused; CONFLICT
     *     when it is VALIDATING or another request for it is pending
     * @throws ActivationException when the version is active already
     */
    ActivationRequest request(String regionCode, String version, String reason);

    /**
     * {@link #request(String, String, String)} made at the region's decision sequence {@code expectedSequence}:
     * refused at once when the region has moved past it; the request keeps the sequence, and its
     * confirmation is refused when the region moves before it.
     *
     * @param expectedSequence the sequence the requester read; {@code null}: the region's as this node knows it
     * @throws StaleDecisionException when the region has moved past {@code expectedSequence}
     * @since 1.5
     */
    ActivationRequest request(String regionCode, String version, String reason, Long expectedSequence);

    /**
     * Confirms a pending request by another policy administrator: the version is activated at once,
     * with the confirmer as actor and a reason naming both.
     *
     * @param id the request
     * @return the stored activation
     * @throws org.qiancheng.api.security.AccessException NOT_FOUND for an unknown request or one
     *     outside the user's regions; FORBIDDEN {@code separation-of-duties} for the requester;
     *     CONFLICT {@code expired} when it is older than 24 hours (it is then EXPIRED), or when it is
     *     not pending
     * @throws ActivationException when the activation itself is refused
     * @throws StaleDecisionException (since 1.5) when the region has moved past the sequence the request was
     *     made at: another decision came first; the request stays PENDING
     */
    Activation confirm(long id);

    /**
     * Cancels a pending request (either administrator).
     *
     * @param id the request
     * @return the cancelled request
     * @throws org.qiancheng.api.security.AccessException NOT_FOUND; CONFLICT when it is not pending
     */
    ActivationRequest cancel(long id);

    /**
     * @param status only requests of this status, or {@code null} for all
     * @return the requests in the user's regions, newest first
     */
    List<ActivationRequest> list(ActivationRequest.Status status);
}
