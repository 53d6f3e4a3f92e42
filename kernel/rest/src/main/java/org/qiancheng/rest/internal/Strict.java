package org.qiancheng.rest.internal;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.regex.Pattern;

/**
 * The input rules every text, date, month and enum value meets, whether it comes from a JSON body
 * ({@link StrictJson}), a query or path parameter ({@link Requests}) or a CSV file ({@link Csv}).
 * A broken rule is a {@link Broken} in English and Chinese; the value itself is never quoted in
 * it, because it may be a resident ID.
 */
final class Strict {

    /** Earliest and latest year of any date or month the API takes. */
    static final int MIN_YEAR = 1900;
    static final int MAX_YEAR = 2100;

    private static final Pattern DATE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");
    private static final Pattern MONTH = Pattern.compile("[0-9]{4}-[0-9]{2}");

    private Strict() {
    }

    /** A broken rule: its id and what is wrong, in English and Chinese, without the value. */
    record Broken(String rule, String message, String messageZh) {
    }

    /**
     * @param multiLine whether line breaks and tabs are allowed (free text such as a reason)
     * @return the broken rule, or {@code null} when the text is clean: no control character (U+0000–U+001F,
     *     U+007F–U+009F), no unpaired surrogate, no U+FFFD (the mark of text decoded from the wrong encoding)
     */
    static Broken text(String value, boolean multiLine) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return new Broken("text:unpaired-surrogate", "contains an unpaired UTF-16 surrogate (U+D800–U+DFFF), "
                        + "which is no character", "含有不成对的 UTF-16 代理码元（U+D800–U+DFFF），不是有效字符");
            } else if (Character.getType(c) == Character.CONTROL && !(multiLine && (c == '\n' || c == '\r' || c == '\t'))) {
                return new Broken("text:control-character", "contains a control character (U+" + hex(c) + ")"
                        + (multiLine ? "; only line breaks and tabs are allowed" : ""),
                        "含有控制字符（U+" + hex(c) + "）" + (multiLine ? "；只允许换行和制表符" : ""));
            } else if (c == '\uFFFD') {
                return new Broken("text:replacement-character", "contains U+FFFD, the mark of text decoded from the "
                        + "wrong encoding", "含有替换字符 U+FFFD，说明文本在编码转换中已损坏");
            }
        }
        return null;
    }

    /** @return the date, or {@code null} when {@code value} is not {@code YYYY-MM-DD} in 1900–2100 */
    static LocalDate date(String value) {
        if (!DATE.matcher(value).matches()) {
            return null;
        }
        try {
            LocalDate date = LocalDate.parse(value);
            return date.getYear() >= MIN_YEAR && date.getYear() <= MAX_YEAR ? date : null;
        } catch (DateTimeException e) {
            return null;
        }
    }

    static final Broken DATE_BROKEN = new Broken("format:date",
            "must be a date YYYY-MM-DD between " + MIN_YEAR + "-01-01 and " + MAX_YEAR + "-12-31",
            "须为 YYYY-MM-DD 格式的日期，在 " + MIN_YEAR + "-01-01 至 " + MAX_YEAR + "-12-31 之间");

    /** @return the month, or {@code null} when {@code value} is not {@code YYYY-MM} in 1900–2100 */
    static YearMonth month(String value) {
        if (!MONTH.matcher(value).matches()) {
            return null;
        }
        try {
            YearMonth month = YearMonth.parse(value);
            return month.getYear() >= MIN_YEAR && month.getYear() <= MAX_YEAR ? month : null;
        } catch (DateTimeException e) {
            return null;
        }
    }

    static final Broken MONTH_BROKEN = new Broken("format:year-month",
            "must be a month YYYY-MM between " + MIN_YEAR + "-01 and " + MAX_YEAR + "-12",
            "须为 YYYY-MM 格式的月份，在 " + MIN_YEAR + "-01 至 " + MAX_YEAR + "-12 之间");

    /** @return the constant named exactly {@code value} (no case folding, no trimming, no ordinal), or {@code null} */
    static <E extends Enum<E>> E constant(Class<E> type, String value) {
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(value)) {
                return constant;
            }
        }
        return null;
    }

    static Broken enumBroken(Class<?> type) {
        String names = Arrays.toString(type.getEnumConstants());
        return new Broken("enum:" + type.getSimpleName(), "must be one of " + names + ", exactly as written",
                "须为以下取值之一（区分大小写，不加空格）：" + names);
    }

    private static String hex(char c) {
        return String.format("%04X", (int) c);
    }
}
