package org.qiancheng.api.workflow;

import java.math.BigDecimal;

/** How much of a claim's amount its disbursements have paid. */
public enum PaymentState {
    /** Nothing paid yet. */
    UNPAID,
    /** Part of the amount paid (an advance), some left to pay. */
    ADVANCED,
    /** The whole amount paid. */
    PAID;

    /**
     * @param amount yuan the claim decides
     * @param paid yuan its disbursements add up to
     * @return UNPAID when nothing is paid, PAID when the amount is reached, ADVANCED in between
     * @since 0.5
     */
    public static PaymentState of(BigDecimal amount, BigDecimal paid) {
        if (paid.signum() == 0) {
            return UNPAID;
        }
        return paid.compareTo(amount) >= 0 ? PAID : ADVANCED;
    }
}
