package org.qiancheng.api.catalog;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * An occupation on the shortage list (急需紧缺职业目录) and the uplift it earns over the base
 * standard, e.g. 0.30 for +30% [CN-2025 §六(十七)].
 *
 * @param occupationCode the occupation
 * @param uplift the uplift as a share of the standard; 0 when the list carries none
 */
public record ShortageEntry(String occupationCode, BigDecimal uplift) {

    /** Requires both parts. */
    public ShortageEntry {
        Objects.requireNonNull(occupationCode, "occupationCode");
        Objects.requireNonNull(uplift, "uplift");
    }
}
