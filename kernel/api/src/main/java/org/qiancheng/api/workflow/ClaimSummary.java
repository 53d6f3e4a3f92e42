package org.qiancheng.api.workflow;

import java.math.BigDecimal;
import java.util.Objects;
import org.qiancheng.api.model.Money;

/**
 * How many claims a filter selects and what their amounts add up to.
 *
 * @param count the number of claims
 * @param total yuan, 2 decimals (0.00 for none)
 * @since 0.7
 */
public record ClaimSummary(long count, BigDecimal total) {

    /** Scales the total to 2 decimals. */
    public ClaimSummary {
        total = Money.yuan(Objects.requireNonNull(total, "total"));
    }

    /**
     * @param other another summary
     * @return whether both count the same claims for the same yuan (2.5 and 2.50 alike)
     */
    public boolean agrees(ClaimSummary other) {
        return count == other.count && total.compareTo(other.total) == 0;
    }
}
