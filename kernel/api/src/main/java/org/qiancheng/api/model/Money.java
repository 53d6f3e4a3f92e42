package org.qiancheng.api.model;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Money is yuan as {@link BigDecimal} with two decimals (fen), rounded HALF_UP [K6]. Never a
 * floating-point type.
 */
public final class Money {

    /** Zero yuan, 0.00. */
    public static final BigDecimal ZERO = new BigDecimal("0.00");

    private Money() {
    }

    /**
     * Rounds an amount to the fen, HALF_UP.
     *
     * @param amount any amount in yuan
     * @return the amount with exactly two decimals
     */
    public static BigDecimal yuan(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP);
    }

    /**
     * Parses a decimal text as yuan.
     *
     * @param amount e.g. {@code "1200"} or {@code "1260.50"}
     * @return the amount with exactly two decimals
     */
    public static BigDecimal yuan(String amount) {
        return yuan(new BigDecimal(amount));
    }
}
