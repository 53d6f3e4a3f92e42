package org.qiancheng.api.claim;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import org.qiancheng.api.model.Money;

/**
 * A policy's answer for one claim: eligibility, the cited line items that make up the amount,
 * cited notes explaining the computation, flags that send the claim to review, and how much of
 * the amount may be paid in advance.
 *
 * @param eligibility whether the trainee may be subsidised, and why
 * @param lines the line items; empty when not eligible
 * @param notes cited explanations that carry no amount (e.g. "assessment share 0.20")
 * @param flags cited findings that send the claim to a reviewer (e.g. participation below 90%)
 * @param advanceShare the largest share of the amount that may be paid in advance, 0 to 1
 */
public record SubsidyDecision(Eligibility eligibility, List<LineItem> lines, List<Reason> notes, List<Reason> flags,
        BigDecimal advanceShare) {

    /** Checks that a refusal has no line items and that the advance share lies in 0..1. */
    public SubsidyDecision {
        Objects.requireNonNull(eligibility, "eligibility");
        lines = List.copyOf(lines);
        notes = List.copyOf(notes);
        flags = List.copyOf(flags);
        Objects.requireNonNull(advanceShare, "advanceShare");
        if (!eligibility.eligible() && !lines.isEmpty()) {
            throw new IllegalArgumentException("a refused claim has no line items");
        }
        if (advanceShare.signum() < 0 || advanceShare.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException("advanceShare must be between 0 and 1");
        }
    }

    /** @return a refusal: no amount, the given reasons */
    public static SubsidyDecision refused(Reason... reasons) {
        return new SubsidyDecision(Eligibility.refused(reasons), List.of(), List.of(), List.of(), BigDecimal.ZERO);
    }

    /**
     * @param refusal an eligibility that refuses
     * @return a decision with that refusal and no amount
     * @since 1.1
     */
    public static SubsidyDecision refused(Eligibility refusal) {
        if (refusal.eligible()) {
            throw new IllegalArgumentException("not a refusal: " + refusal);
        }
        return new SubsidyDecision(refusal, List.of(), List.of(), List.of(), BigDecimal.ZERO);
    }

    /**
     * An eligible decision with no advance share.
     *
     * @param lines the cited line items
     * @param notes cited explanations without an amount
     * @param flags cited findings for a reviewer
     * @return the decision
     * @since 1.2
     */
    public static SubsidyDecision granted(List<LineItem> lines, List<Reason> notes, List<Reason> flags) {
        return new SubsidyDecision(Eligibility.granted(), lines, notes, flags, BigDecimal.ZERO);
    }

    /**
     * What a city plugin returns when it adds nothing to its province's decision.
     *
     * @return an eligible decision without lines, notes or flags
     * @since 1.2
     */
    public static SubsidyDecision nothingAdded() {
        return granted(List.of(), List.of(), List.of());
    }

    /**
     * @param share the largest share of the amount that may be paid in advance, 0 to 1
     * @return this decision with that advance share
     * @since 1.2
     */
    public SubsidyDecision withAdvanceShare(BigDecimal share) {
        return new SubsidyDecision(eligibility, lines, notes, flags, share);
    }

    /** @return the sum of the line items, in yuan with two decimals */
    public BigDecimal amount() {
        return lines.stream().map(LineItem::amount).reduce(Money.ZERO, BigDecimal::add);
    }
}
