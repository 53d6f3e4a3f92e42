package org.qiancheng.api.model;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A subsidy the trainee already received, handed to a policy so it can apply caps such as
 * "at most three a year" or "never twice for the same occupation and level".
 *
 * @param classStart start date of the class the subsidy was for
 * @param regionCode region whose policy granted it
 * @param occupationCode occupation of that class
 * @param level skill level of that class
 * @param amount yuan granted
 */
public record PriorSubsidy(LocalDate classStart, String regionCode, String occupationCode, SkillLevel level,
        BigDecimal amount) {

    /** Requires every field. */
    public PriorSubsidy {
        Objects.requireNonNull(classStart, "classStart");
        Objects.requireNonNull(regionCode, "regionCode");
        Objects.requireNonNull(occupationCode, "occupationCode");
        Objects.requireNonNull(level, "level");
        amount = Money.yuan(Objects.requireNonNull(amount, "amount"));
    }
}
