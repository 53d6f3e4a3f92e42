package org.qiancheng.api.claim;

import java.math.BigDecimal;
import java.util.Objects;
import org.qiancheng.api.model.Citation;
import org.qiancheng.api.model.LocalizedText;
import org.qiancheng.api.model.Money;

/**
 * One cited amount of a decision. A decision's amount is the sum of its line items; a
 * multiplicative rule ("150% of the standard") appears as the line that adds the difference.
 *
 * @param rule the rule id, e.g. {@code XA3}
 * @param label what the amount is, in Chinese and English
 * @param amount yuan, rounded HALF_UP to the fen on construction [K6]
 * @param citation the clause the amount rests on
 */
public record LineItem(String rule, LocalizedText label, BigDecimal amount, Citation citation) {

    /** Requires every part; rounds the amount to the fen. */
    public LineItem {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(citation, "citation");
        amount = Money.yuan(Objects.requireNonNull(amount, "amount"));
    }

    @Override
    public String toString() {
        return rule + " " + label.en() + " " + amount + " " + citation;
    }
}
