package org.qiancheng.api.workflow;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import org.qiancheng.api.claim.Decision;
import org.qiancheng.api.model.Money;

/**
 * A stored subsidy claim: the reproducible decision of the policy in force and its standing.
 *
 * @param id the kernel's id
 * @param classId the class
 * @param enrolmentId the enrolment
 * @param traineeId the trainee
 * @param status where it stands
 * @param amount yuan decided (0.00 when refused)
 * @param paymentState how much of the amount is paid: {@link PaymentState#of(BigDecimal, BigDecimal)}
 * @param paid yuan its disbursements add up to, 2 decimals
 * @param outstanding {@code amount − paid}, 2 decimals
 * @param decision the full decision: policy identity, inputs, cited lines, parameters read
 * @param findings the kernel's own findings that flag it for review (e.g. low attendance)
 * @param reviewNote the reviewer's reason, or {@code null}
 * @param topUpOf for a top-up (补差), the id of the claim it tops up, else {@code null}: a top-up's
 *     decision is the same policy version deciding again with the employment evidence that arrived
 *     after the original, and its amount is that decision's amount less the original's (since 0.8)
 * @param version optimistic-lock version
 */
public record Claim(long id, long classId, long enrolmentId, long traineeId, ClaimStatus status, BigDecimal amount,
        PaymentState paymentState, BigDecimal paid, BigDecimal outstanding, Decision decision, List<String> findings,
        String reviewNote, Long topUpOf, long version) {

    /**
     * Copies the findings and checks that the payment state, paid and outstanding agree with the amount.
     *
     * @throws IllegalArgumentException when they do not
     */
    public Claim {
        findings = List.copyOf(findings);
        if (paymentState != PaymentState.of(amount, paid) || outstanding.compareTo(amount.subtract(paid)) != 0) {
            throw new IllegalArgumentException("claim " + id + ": " + paymentState + ", paid " + paid
                    + " and outstanding " + outstanding + " do not agree with the amount " + amount);
        }
    }

    /**
     * An original claim (no top-up), as 0.5 to 0.7 built it.
     *
     * @param paid yuan its disbursements add up to
     * @param outstanding {@code amount − paid}
     * @since 0.5
     */
    public Claim(long id, long classId, long enrolmentId, long traineeId, ClaimStatus status, BigDecimal amount,
            PaymentState paymentState, BigDecimal paid, BigDecimal outstanding, Decision decision, List<String> findings,
            String reviewNote, long version) {
        this(id, classId, enrolmentId, traineeId, status, amount, paymentState, paid, outstanding, decision, findings,
                reviewNote, null, version);
    }

    /**
     * An original claim with its payment state derived from the amount and what is paid.
     *
     * @param paid yuan its disbursements add up to
     * @since 0.5
     */
    public Claim(long id, long classId, long enrolmentId, long traineeId, ClaimStatus status, BigDecimal amount,
            BigDecimal paid, Decision decision, List<String> findings, String reviewNote, long version) {
        this(id, classId, enrolmentId, traineeId, status, amount, paid, decision, findings, reviewNote, null, version);
    }

    /**
     * A claim, original or top-up, with its payment state derived from the amount and what is paid.
     *
     * @param paid yuan its disbursements add up to
     * @param topUpOf the claim it tops up, or {@code null}
     * @since 0.8
     */
    public Claim(long id, long classId, long enrolmentId, long traineeId, ClaimStatus status, BigDecimal amount,
            BigDecimal paid, Decision decision, List<String> findings, String reviewNote, Long topUpOf, long version) {
        this(id, classId, enrolmentId, traineeId, status, amount, PaymentState.of(amount, paid), Money.yuan(paid),
                Money.yuan(amount.subtract(paid)), decision, findings, reviewNote, topUpOf, version);
    }

    /** @return whether this claim tops up another (补差) */
    public boolean topUp() {
        return topUpOf != null;
    }

    /**
     * @param paidNow yuan paid in all after a payment
     * @return this claim with that paid
     * @since 0.5
     */
    public Claim withPaid(BigDecimal paidNow) {
        return new Claim(id, classId, enrolmentId, traineeId, status, amount, Objects.requireNonNull(paidNow),
                decision, findings, reviewNote, topUpOf, version);
    }
}
