package org.qiancheng.rest.internal;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.qiancheng.api.model.RegionCodes;

/** Checks of path and query parameters, failing with a 422 that names the parameter and the rule. */
final class Requests {

    private Requests() {
    }

    static String regionCode(String name, String value) {
        if (!RegionCodes.isValid(value)) {
            throw Problems.invalid(name, "gb2260", "must be a GB/T 2260 region code of six digits, was '" + value + "'");
        }
        return value;
    }

    static LocalDate date(String name, String value, LocalDate fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw Problems.invalid(name, "format:date", "must be a date YYYY-MM-DD, was '" + value + "'");
        }
    }
}
