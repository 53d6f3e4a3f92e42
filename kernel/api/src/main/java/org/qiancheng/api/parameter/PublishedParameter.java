package org.qiancheng.api.parameter;

import java.time.LocalDate;
import java.util.Objects;
import org.qiancheng.api.model.Citation;
import org.qiancheng.api.model.LocalizedText;

/**
 * A parameter of a policy version as published to operators and auditors: its file's description,
 * unit and reference, and the value in force on a day (e.g. the subsidy standard table per
 * occupation and level, or the shortage uplifts).
 *
 * @param name the parameter's name, e.g. {@code subsidy/standard}
 * @param description what it is, in Chinese and English
 * @param unit its unit, e.g. {@code yuan} or {@code ratio}
 * @param reference the clause it rests on
 * @param sample whether its values are sample data an operator must replace with the official table
 * @param effectiveFrom the start date of the value in force
 * @param value the value in force on the day, in the file's own shape
 * @since 1.4
 */
public record PublishedParameter(String name, LocalizedText description, String unit, Citation reference,
        boolean sample, LocalDate effectiveFrom, ParameterValue value) {

    /** Requires every part. */
    public PublishedParameter {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(effectiveFrom, "effectiveFrom");
        Objects.requireNonNull(value, "value");
    }
}
