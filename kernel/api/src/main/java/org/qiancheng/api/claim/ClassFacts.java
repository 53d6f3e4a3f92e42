package org.qiancheng.api.claim;

import java.time.LocalDate;
import java.util.Objects;
import org.qiancheng.api.model.SkillLevel;
import org.qiancheng.api.model.TrainingKind;
import org.qiancheng.api.model.TrainingMode;

/**
 * A filed training class as a policy sees it.
 *
 * @param regionCode GB/T 2260 code of the region where the class is filed (a city or county may
 *     carry its own standards)
 * @param occupationCode the occupation trained, as in the catalogue, e.g. {@code 4-10-01-05}
 * @param level the skill level trained
 * @param mode how it is delivered
 * @param kind its organisational form
 * @param startDate first day of training; decides which policy version applies
 * @param endDate last day of training
 * @param hours hours of training
 */
public record ClassFacts(String regionCode, String occupationCode, SkillLevel level, TrainingMode mode,
        TrainingKind kind, LocalDate startDate, LocalDate endDate, int hours) {

    /** Requires every field, an end not before the start, and non-negative hours. */
    public ClassFacts {
        Objects.requireNonNull(regionCode, "regionCode");
        Objects.requireNonNull(occupationCode, "occupationCode");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(startDate, "startDate");
        Objects.requireNonNull(endDate, "endDate");
        if (endDate.isBefore(startDate)) {
            throw new IllegalArgumentException("endDate " + endDate + " is before startDate " + startDate);
        }
        if (hours < 0) {
            throw new IllegalArgumentException("hours must not be negative");
        }
    }
}
