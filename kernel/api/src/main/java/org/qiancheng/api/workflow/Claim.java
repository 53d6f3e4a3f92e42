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
 * @param version optimistic-lock version
 */
public record Claim(long id, long classId, long enrolmentId, long traineeId, ClaimStatus status, BigDecimal amount,
        PaymentState paymentState, BigDecimal paid, BigDecimal outstanding, Decision decision, List<String> findings,
        String reviewNote, long version) {

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
     * A claim with its payment state derived from the amount and what is paid.
     *
     * @param paid yuan its disbursements add up to
     * @since 0.5
     */
    public Claim(long id, long classId, long enrolmentId, long traineeId, ClaimStatus status, BigDecimal amount,
            BigDecimal paid, Decision decision, List<String> findings, String reviewNote, long version) {
        this(id, classId, enrolmentId, traineeId, status, amount, PaymentState.of(amount, paid), Money.yuan(paid),
                Money.yuan(amount.subtract(paid)), decision, findings, reviewNote, version);
    }

    /**
     * @param paidNow yuan paid in all after a payment
     * @return this claim with that paid
     * @since 0.5
     */
    public Claim withPaid(BigDecimal paidNow) {
        return new Claim(id, classId, enrolmentId, traineeId, status, amount, Objects.requireNonNull(paidNow),
                decision, findings, reviewNote, version);
    }
}
