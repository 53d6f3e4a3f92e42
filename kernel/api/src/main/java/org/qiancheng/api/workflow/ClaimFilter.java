package org.qiancheng.api.workflow;

/**
 * Which claims a list, a summary or a batch review is about; a {@code null} component selects all.
 *
 * @param classId a class's id
 * @param status a status, e.g. {@link ClaimStatus#FLAGGED} for the claims awaiting a reasoned review
 * @param paymentState how much of the claims is paid
 * @param region a GB/T 2260 code: claims whose class is in that area ({@code 510000} the province,
 *     {@code 510100} the city, {@code 510104} the district), as a user's region scope is read
 * @since 0.7
 */
public record ClaimFilter(Long classId, ClaimStatus status, PaymentState paymentState, String region) {

    /** Every claim (within the caller's regions). */
    public static final ClaimFilter ALL = new ClaimFilter(null, null, null, null);
}
