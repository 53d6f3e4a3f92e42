package org.qiancheng.rest.internal;

import java.time.LocalDate;
import java.time.YearMonth;
import org.qiancheng.api.model.RegionCodes;

/**
 * Checks of path and query parameters, failing with a 422 that names the parameter and the rule in
 * both languages; a message never quotes the value (it may be a resident ID).
 */
final class Requests {

    /** Default and bounds of list paging. */
    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 500;

    private Requests() {
    }

    static String regionCode(String name, String value) {
        if (!RegionCodes.isValid(value)) {
            throw Problems.invalid(name, "gb2260", "must be a GB/T 2260 region code of six digits");
        }
        return value;
    }

    static LocalDate date(String name, String value, LocalDate fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        text(name, value);
        LocalDate date = Strict.date(value);
        if (date == null) {
            throw Problems.invalid(name, Strict.DATE_BROKEN);
        }
        return date;
    }

    /** A month {@code YYYY-MM} in 1900–2100, required. */
    static YearMonth month(String name, String value) {
        if (value == null || value.isEmpty()) {
            throw Problems.invalid(name, "required", "is required, as YYYY-MM", "为必填项，格式 YYYY-MM");
        }
        text(name, value);
        YearMonth month = Strict.month(value);
        if (month == null) {
            throw Problems.invalid(name, Strict.MONTH_BROKEN);
        }
        return month;
    }

    /** A parameter's text, refused when it holds a control character, an unpaired surrogate or U+FFFD. */
    static String text(String name, String value) {
        Strict.Broken broken = value == null ? null : Strict.text(value, false);
        if (broken != null) {
            throw Problems.invalid(name, broken);
        }
        return value;
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
                    "must be the first 2 to 6 digits of a GB/T 2260 region code");
        }
        return value;
    }

    static int integer(String name, String value, int fallback, int min, int max) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        long number;
        try {
            number = Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw Problems.invalid(name, "format:integer", "must be a whole number");
        }
        if (number < min) {
            throw Problems.invalid(name, "minimum:" + min, "must be at least " + min);
        }
        if (number > max) {
            throw Problems.invalid(name, "maximum:" + max, "must be at most " + max);
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
            long id = Long.parseLong(value);
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw Problems.invalid(name, "format:id", "must be a positive whole number");
    }

    /** A whole number of 0 or more (a decision sequence), or {@code null} when absent. */
    static Long optionalSequence(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            long sequence = Long.parseLong(value);
            if (sequence >= 0) {
                return sequence;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw Problems.invalid(name, "format:sequence", "must be a whole number of 0 or more");
    }

    /** {@code true} or {@code false}, or {@code null} when absent. */
    static Boolean optionalBoolean(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return switch (value) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw Problems.invalid(name, "enum:true|false", "must be true or false", "须为 true 或 false");
        };
    }

    /** A constant of an enum, by its exact name, or {@code null} when absent. */
    static <E extends Enum<E>> E optionalEnum(String name, String value, Class<E> type) {
        if (value == null || value.isBlank()) {
            return null;
        }
        E constant = Strict.constant(type, value);
        if (constant == null) {
            throw Problems.invalid(name, Strict.enumBroken(type));
        }
        return constant;
    }

    /** The request body, which must be present. */
    static <T> T body(T body) {
        if (body == null) {
            throw Problems.invalid("body", "required", "a JSON body is required", "缺少 JSON 请求体");
        }
        return body;
    }
}
