package org.qiancheng.api.model;

import java.time.LocalDate;
import java.util.Objects;

/**
 * The days on which a policy version or a value is in force, both ends included.
 *
 * @param from the first day
 * @param to the last day, or {@code null} when open-ended
 */
public record EffectivePeriod(LocalDate from, LocalDate to) {

    /** Requires a start, and an end not before it. */
    public EffectivePeriod {
        Objects.requireNonNull(from, "from");
        if (to != null && to.isBefore(from)) {
            throw new IllegalArgumentException("period ends " + to + " before it starts " + from);
        }
    }

    /** @return whether the day lies in the period */
    public boolean covers(LocalDate day) {
        return !day.isBefore(from) && (to == null || !day.isAfter(to));
    }

    /** @return whether the two periods share at least one day */
    public boolean overlaps(EffectivePeriod other) {
        return (to == null || !other.from.isAfter(to)) && (other.to == null || !from.isAfter(other.to));
    }

    @Override
    public String toString() {
        return from + ".." + (to == null ? "" : to);
    }
}
