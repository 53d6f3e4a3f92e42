package org.qiancheng.api.workflow;

import java.time.LocalDate;
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
    default Page<Claim> claims(Long classId, ClaimStatus status, PaymentState paymentState, int offset, int limit) {
        return claims(new ClaimFilter(classId, status, paymentState, null), offset, limit);
    }

    /**
     * Lists the claims a filter selects within the caller's regions, in id order.
     *
     * @param filter which claims
     * @param offset index of the first item
     * @param limit page size, 1–500
     * @return one page, each claim with its payment state
     * @throws WorkflowException INVALID naming {@code region} when it is not a GB/T 2260 code
     * @since 0.7
     */
    Page<Claim> claims(ClaimFilter filter, int offset, int limit);

    /**
     * Counts the claims a filter selects within the caller's regions and adds up their amounts.
     *
     * @param filter which claims
     * @return how many, for how much
     * @throws WorkflowException INVALID naming {@code region} when it is not a GB/T 2260 code
     * @since 0.7
     */
    ClaimSummary summarize(ClaimFilter filter);

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
     * Reviews each of the claims named, each in its own transaction and by the rules of
     * {@link #review}: a claim refused by them (not found or outside the caller's regions,
     * separation of duties, not reviewable, no reason where one is needed) is reported refused and
     * left as it was. A claim already in the status the decision leads to is reported unchanged, so
     * repeating a batch changes nothing.
     *
     * @param claimIds the claims, 1–500, each once
     * @param approve {@code true} to approve, {@code false} to reject
     * @param reason the reviewer's reason, or {@code null}
     * @return one result per claim, in the order given
     * @throws WorkflowException INVALID naming {@code ids} for none, a duplicate or more than 500
     * @since 0.7
     */
    BatchReview review(List<Long> claimIds, boolean approve, String reason);

    /**
     * Reviews every claim a filter selects within the caller's regions, as {@link #review(List, boolean, String)}
     * does, once the filter is found to select what the caller confirmed: otherwise nothing is
     * reviewed and the answer says what it selects now.
     *
     * @param filter which claims
     * @param expected how many claims for how much the caller confirmed
     * @param approve {@code true} to approve, {@code false} to reject
     * @param reason the reviewer's reason, or {@code null}
     * @return the results, in id order, or the current selection when it is not the one confirmed
     * @throws WorkflowException INVALID naming {@code filter} when it selects more than 5000 claims
     * @since 0.7
     */
    BatchReview review(ClaimFilter filter, ClaimSummary expected, boolean approve, String reason);

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

    /**
     * The payment list (拨付清单): payments made in a period within the caller's regions, by date then id.
     *
     * @param from the first day
     * @param to the last day, not before {@code from}, at most a year after it
     * @param region a GB/T 2260 code the claims' classes are in, or {@code null} for all the caller's
     * @return the payments
     * @throws WorkflowException INVALID naming {@code to} or {@code region}
     * @since 0.7
     */
    List<PaidInstalment> paymentList(LocalDate from, LocalDate to, String region);
}
