package org.qiancheng.api.workflow;

import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Subsidy claims (补贴申领): computed by the region's policy, reviewed, and paid (拨付) in
 * instalments; every claim answered carries its payment state, summed from its stored payments. Every method either succeeds and writes everything, or throws
 * {@link WorkflowException} and writes nothing. Provided by the kernel.
 */
@ProviderType
public interface Claims {

    /**
     * Computes and stores the claims of every enrolment of a class that has an outcome and no claim
     * yet, through the policy in force on the class's start date [K1, K5]. Repeating a request with
     * the same idempotency key answers the same claims and computes nothing.
     *
     * @param classId the class's id
     * @param idempotencyKey the client's key for this request, or {@code null}
     * @return the class's claims after the request
     * @throws WorkflowException NOT_FOUND for the class; INVALID naming {@code classId} and the rule
     *     ({@code K1}, or {@code policy-in-force})
     */
    List<Claim> computeClaims(long classId, String idempotencyKey);

    /**
     * @param id the claim's id
     * @return the claim with its decision and its payment state
     * @throws WorkflowException NOT_FOUND
     */
    Claim claim(long id);

    /**
     * Lists claims in id order.
     *
     * @param classId a class's id, or {@code null} for all
     * @param status a status, or {@code null} for all
     * @param paymentState a payment state, or {@code null} for all
     * @param offset index of the first item
     * @param limit page size, 1–500
     * @return one page, each claim with its payment state
     */
    Page<Claim> claims(Long classId, ClaimStatus status, PaymentState paymentState, int offset, int limit);

    /**
     * Approves or rejects a computed or flagged claim; a rejection, or approving a flagged claim,
     * needs a reason.
     *
     * @param claimId the claim's id
     * @param approve {@code true} to approve, {@code false} to reject
     * @param reason the reviewer's reason, or {@code null}
     * @param expectedVersion the version the caller read
     * @return the claim after review
     * @throws WorkflowException NOT_FOUND, INVALID naming {@code reason}, or CONFLICT when the claim
     *     is not reviewable or changed meanwhile
     */
    Claim review(long claimId, boolean approve, String reason, long expectedVersion);

    /**
     * Pays an instalment of a claim: an advance of the share the claim's decision allows (once,
     * before or after approval, never for a frozen or rejected claim), or the balance of an
     * approved claim (once). The total paid never exceeds the amount. Repeating a request with the
     * same idempotency key answers the same payment.
     *
     * @param claimId the claim's id
     * @param kind which instalment
     * @param idempotencyKey the client's key, or {@code null}
     * @return the payment
     * @throws WorkflowException NOT_FOUND, INVALID or CONFLICT naming the rule
     */
    Disbursement disburse(long claimId, InstalmentKind kind, String idempotencyKey);

    /**
     * @param claimId the claim's id
     * @return the payments of the claim, oldest first
     * @throws WorkflowException NOT_FOUND
     */
    List<Disbursement> disbursements(long claimId);
}
