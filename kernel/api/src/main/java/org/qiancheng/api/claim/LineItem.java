package org.qiancheng.api.claim;

import java.math.BigDecimal;
import java.util.Objects;
import org.qiancheng.api.model.Citation;
import org.qiancheng.api.model.Label;
import org.qiancheng.api.model.LocalizedText;
import org.qiancheng.api.model.Money;

/**
 * One cited amount of a decision. A decision's amount is the sum of its line items; a
 * multiplicative rule ("150% of the standard") appears as the line that adds the difference.
 *
 * <p>The label is either given as text or, as the engine's rules build it, kept as its
 * {@code source} — the rule's label template and the values of its placeholders — and written
 * when {@link #label()} is first read (deciding does not pay for text nobody reads). Either way
 * {@link #label()} is the text, and equality, hash code and string form rest on it, not on how
 * it is kept.
 *
 * @param rule the rule id, e.g. {@code XA3}
 * @param label what the amount is, in Chinese and English
 * @param amount yuan, rounded HALF_UP to the fen on construction [K6]
 * @param citation the clause the amount rests on
 * @param source the label's template and arguments when the label is written on first read;
 *     {@code null} when the label is given as text (since 1.4)
 */
public record LineItem(String rule, LocalizedText label, BigDecimal amount, Citation citation, Label source) {

    /** Requires the rule, the amount, the citation and a label or its source; rounds the amount to the fen. */
    public LineItem {
        Objects.requireNonNull(rule, "rule");
        if (label == null && source == null) {
            throw new NullPointerException("label");
        }
        Objects.requireNonNull(citation, "citation");
        amount = Money.yuan(Objects.requireNonNull(amount, "amount"));
    }

    /**
     * A line with its label as text.
     *
     * @param rule the rule id
     * @param label what the amount is
     * @param amount yuan, rounded HALF_UP to the fen
     * @param citation the clause the amount rests on
     */
    public LineItem(String rule, LocalizedText label, BigDecimal amount, Citation citation) {
        this(rule, Objects.requireNonNull(label, "label"), amount, citation, null);
    }

    /** @return what the amount is, in Chinese and English (written now when kept as its source) */
    @Override
    public LocalizedText label() {
        return label != null ? label : source.text();
    }

    @Override
    public boolean equals(Object other) {
        return other == this || other instanceof LineItem line && rule.equals(line.rule)
                && amount.equals(line.amount) && citation.equals(line.citation) && label().equals(line.label());
    }

    @Override
    public int hashCode() {
        return Objects.hash(rule, label(), amount, citation);
    }

    @Override
    public String toString() {
        return rule + " " + label().en() + " " + amount + " " + citation;
    }
}
