package org.qiancheng.api.claim;

import java.time.LocalDate;
import java.util.Objects;
import org.qiancheng.api.model.Citation;

/**
 * A dated parameter a decision read: which value (by its start date) and where it comes from.
 *
 * @param name the parameter, e.g. {@code subsidy/standard}
 * @param effectiveFrom the start date of the value that applied
 * @param reference the clause the parameter rests on
 */
public record ParameterUse(String name, LocalDate effectiveFrom, Citation reference) {

    /** Requires every part. */
    public ParameterUse {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(effectiveFrom, "effectiveFrom");
        Objects.requireNonNull(reference, "reference");
    }
}
