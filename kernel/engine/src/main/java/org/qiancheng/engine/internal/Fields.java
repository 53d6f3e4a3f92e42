package org.qiancheng.engine.internal;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.qiancheng.engine.Violation;

/**
 * Reads typed fields out of a parsed JSON object, recording a violation (with the field's full
 * path) for each missing or mistyped field instead of stopping at the first. Strict: a boolean is
 * only {@code true}/{@code false}, a whole number only a number without fraction, text never holds a
 * control character, an unpaired surrogate or U+FFFD, an enum is its exact name, a date exactly
 * {@code YYYY-MM-DD} in 1900–2100; no message quotes the value (it may be a resident ID).
 */
public final class Fields {

    private final String path;
    private final Map<?, ?> object;
    private final List<Violation> violations;
    private final boolean present;

    public Fields(String path, Object tree, List<Violation> violations, Collection<String> allowed) {
        this.path = path;
        this.violations = violations;
        this.present = tree instanceof Map<?, ?>;
        if (tree instanceof Map<?, ?> map) {
            this.object = map;
            for (Object key : map.keySet()) {
                if (!allowed.contains(key)) {
                    violations.add(new Violation(field(String.valueOf(key)), "unknown-field",
                            "unknown field; allowed: " + String.join(", ", allowed)));
                }
            }
        } else {
            this.object = Map.of();
            violations.add(new Violation(path.isEmpty() ? "$" : path, "type:object",
                    tree == null ? "required" : "must be a JSON object"));
        }
    }

    /** @return whether the object was there at all; when not, one violation already says so */
    public boolean present() {
        return present;
    }

    public String field(String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    public boolean has(String name) {
        return object.get(name) != null;
    }

    public Object raw(String name) {
        return object.get(name);
    }

    public void violation(String name, String rule, String message) {
        violations.add(new Violation(field(name), rule, message));
    }

    public String text(String name, boolean required) {
        Object value = object.get(name);
        if (value == null) {
            if (required) {
                violation(name, "required", "is required");
            }
            return null;
        }
        if (!(value instanceof String text) || text.isBlank()) {
            violation(name, "type:string", "must be a non-empty text");
            return null;
        }
        String broken = broken(text);
        if (broken != null) {
            violation(name, broken, BROKEN.get(broken));
            return null;
        }
        return text.trim();
    }

    /** The text exactly as sent (no trimming), or {@code null} after recording why it is not usable. */
    private String exact(String name, boolean required) {
        Object value = object.get(name);
        String text = text(name, required);
        return text == null ? null : (String) value;
    }

    private static final Map<String, String> BROKEN = Map.of(
            "text:control-character", "contains a control character (U+0000–U+001F, U+007F–U+009F)",
            "text:unpaired-surrogate", "contains an unpaired UTF-16 surrogate (U+D800–U+DFFF), which is no character",
            "text:replacement-character", "contains U+FFFD, the mark of text decoded from the wrong encoding");

    /** @return the rule a text breaks (a control character, an unpaired surrogate, U+FFFD), or {@code null} */
    static String broken(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return "text:unpaired-surrogate";
            } else if (Character.getType(c) == Character.CONTROL) {
                return "text:control-character";
            } else if (c == '\uFFFD') {
                return "text:replacement-character";
            }
        }
        return null;
    }

    public Integer integer(String name, boolean required, int minimum) {
        Object value = object.get(name);
        if (value == null) {
            if (required) {
                violation(name, "required", "is required");
            }
            return null;
        }
        if (!(value instanceof BigDecimal number) || number.scale() != 0) {
            violation(name, "type:integer", "must be a whole number, without fraction or exponent");
            return null;
        }
        if (number.compareTo(BigDecimal.valueOf(minimum)) < 0) {
            violation(name, "minimum:" + minimum, "must be at least " + minimum + ", was " + number.toPlainString());
            return null;
        }
        try {
            return number.intValueExact();
        } catch (ArithmeticException e) {
            violation(name, "type:integer", "is too large");
            return null;
        }
    }

    public BigDecimal decimal(String name, boolean required, BigDecimal minimum, BigDecimal maximum) {
        Object value = object.get(name);
        if (value == null) {
            if (required) {
                violation(name, "required", "is required");
            }
            return null;
        }
        if (!(value instanceof BigDecimal number)) {
            violation(name, "type:number", "must be a number");
            return null;
        }
        if (minimum != null && number.compareTo(minimum) < 0) {
            violation(name, "minimum:" + minimum.toPlainString(), "must be at least " + minimum.toPlainString());
            return null;
        }
        if (maximum != null && number.compareTo(maximum) > 0) {
            violation(name, "maximum:" + maximum.toPlainString(), "must be at most " + maximum.toPlainString());
            return null;
        }
        return number;
    }

    public Boolean flag(String name, boolean required) {
        Object value = object.get(name);
        if (value == null) {
            if (required) {
                violation(name, "required", "is required");
            }
            return null;
        }
        if (value instanceof Boolean flag) {
            return flag;
        }
        violation(name, "type:boolean", "must be true or false");
        return null;
    }

    /** A date written exactly {@code YYYY-MM-DD}, in the years 1900–2100. */
    public LocalDate date(String name, boolean required) {
        String text = exact(name, required);
        if (text == null) {
            return null;
        }
        try {
            if (isoDate(text)) {
                LocalDate date = LocalDate.of(digits(text, 0, 4), digits(text, 5, 7), digits(text, 8, 10));
                if (date.getYear() >= 1900 && date.getYear() <= 2100) {
                    return date;
                }
            }
        } catch (DateTimeException e) {
            // no such day (2025-02-30): reported below
        }
        violation(name, "format:date", "must be a date YYYY-MM-DD between 1900-01-01 and 2100-12-31");
        return null;
    }

    /**
     * Whether a text has the form {@code [0-9]{4}-[0-9]{2}-[0-9]{2}}, checked by hand: a scenario has
     * several dates, and a pattern (or the ISO formatter) for each costs more than the rest of its reading.
     */
    private static boolean isoDate(String text) {
        if (text.length() != 10) {
            return false;
        }
        for (int i = 0; i < 10; i++) {
            char c = text.charAt(i);
            if (i == 4 || i == 7 ? c != '-' : c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            value = value * 10 + (text.charAt(i) - '0');
        }
        return value;
    }

    public <E extends Enum<E>> E enumeration(String name, Class<E> type, boolean required) {
        String text = exact(name, required);
        if (text == null) {
            return null;
        }
        E constant = constant(type, text);
        if (constant == null) {
            violation(name, "enum:" + type.getSimpleName(), "must be one of " + names(type) + ", exactly as written");
        }
        return constant;
    }

    public <E extends Enum<E>> Set<E> enumerations(String name, Class<E> type) {
        Set<E> result = EnumSet.noneOf(type);
        Object value = object.get(name);
        if (value == null) {
            return result;
        }
        if (!(value instanceof List<?> list)) {
            violation(name, "type:array", "must be a list");
            return result;
        }
        for (int i = 0; i < list.size(); i++) {
            E constant = list.get(i) instanceof String text ? constant(type, text) : null;
            if (constant == null) {
                violations.add(new Violation(field(name) + "[" + i + "]", "enum:" + type.getSimpleName(),
                        "must be one of " + names(type) + ", exactly as written"));
            } else {
                result.add(constant);
            }
        }
        return result;
    }

    public List<?> list(String name) {
        Object value = object.get(name);
        if (value == null) {
            return List.of();
        }
        if (value instanceof List<?> list) {
            return list;
        }
        violation(name, "type:array", "must be a list");
        return List.of();
    }

    /** The constant named exactly {@code text}: no case folding, no trimming, no ordinal. */
    private static <E extends Enum<E>> E constant(Class<E> type, String text) {
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(text)) {
                return constant;
            }
        }
        return null;
    }

    private static <E extends Enum<E>> List<String> names(Class<E> type) {
        List<String> names = new ArrayList<>();
        for (E constant : type.getEnumConstants()) {
            names.add(constant.name());
        }
        return names;
    }
}
