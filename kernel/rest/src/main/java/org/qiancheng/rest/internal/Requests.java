package org.qiancheng.rest.internal;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import org.qiancheng.api.model.RegionCodes;

/** Checks of path and query parameters, failing with a 422 that names the parameter and the rule. */
final class Requests {

    /** Default and bounds of list paging. */
    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 500;

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

    /** A region code, or {@code null} when the parameter is absent. */
    static String optionalRegionCode(String name, String value) {
        return value == null || value.isBlank() ? null : regionCode(name, value);
    }

    /** The leading digits of region codes (2 to 6, e.g. {@code 51} or {@code 510104}), or {@code null} when absent. */
    static String regionPrefix(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (!value.matches("[1-9][0-9]{1,5}")) {
            throw Problems.invalid(name, "gb2260-prefix",
                    "must be the first 2 to 6 digits of a GB/T 2260 region code, was '" + value + "'");
        }
        return value;
    }

    static int integer(String name, String value, int fallback, int min, int max) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        long number;
        try {
            number = Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw Problems.invalid(name, "format:integer", "must be a whole number, was '" + value + "'");
        }
        if (number < min) {
            throw Problems.invalid(name, "minimum:" + min, "must be at least " + min + ", was " + value);
        }
        if (number > max) {
            throw Problems.invalid(name, "maximum:" + max, "must be at most " + max + ", was " + value);
        }
        return (int) number;
    }

    /** {@code offset}: from 0, default 0. */
    static int offset(String value) {
        return integer("offset", value, 0, 0, Integer.MAX_VALUE);
    }

    /** {@code limit}: 1 to 500, default 50. */
    static int limit(String value) {
        return integer("limit", value, DEFAULT_LIMIT, 1, MAX_LIMIT);
    }

    /** A positive id, or {@code null} when absent. */
    static Long optionalId(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            long id = Long.parseLong(value.trim());
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw Problems.invalid(name, "format:id", "must be a positive whole number, was '" + value + "'");
    }

    /** {@code true} or {@code false}, or {@code null} when absent. */
    static Boolean optionalBoolean(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return switch (value) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw Problems.invalid(name, "enum:true|false", "must be true or false, was '" + value + "'");
        };
    }

    /** A constant of an enum, by its exact name, or {@code null} when absent. */
    static <E extends Enum<E>> E optionalEnum(String name, String value, Class<E> type) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            throw Problems.invalid(name, "enum:" + type.getSimpleName(), "must be one of "
                    + Arrays.toString(type.getEnumConstants()) + ", was '" + value + "'");
        }
    }

    /** The request body, which must be present. */
    static <T> T body(T body) {
        if (body == null) {
            throw Problems.invalid("body", "required", "a JSON body is required");
        }
        return body;
    }
}
