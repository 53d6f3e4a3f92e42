package org.qiancheng.engine.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.qiancheng.engine.Violation;

/**
 * Reads typed fields out of a parsed JSON object, recording a violation (with the field's full
 * path) for each missing or mistyped field instead of stopping at the first.
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
        if (value instanceof String text && !text.isBlank()) {
            return text.trim();
        }
        violation(name, "type:string", "must be a non-empty text");
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
        if (!(value instanceof BigDecimal number) || number.stripTrailingZeros().scale() > 0) {
            violation(name, "type:integer", "must be a whole number");
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

    public LocalDate date(String name, boolean required) {
        String text = text(name, required);
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            violation(name, "format:date", "must be a date YYYY-MM-DD, was '" + text + "'");
            return null;
        }
    }

    public <E extends Enum<E>> E enumeration(String name, Class<E> type, boolean required) {
        String text = text(name, required);
        if (text == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, text);
        } catch (IllegalArgumentException e) {
            violation(name, "enum:" + type.getSimpleName(), "must be one of " + names(type) + ", was '" + text + "'");
            return null;
        }
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
            Object element = list.get(i);
            try {
                result.add(Enum.valueOf(type, String.valueOf(element)));
            } catch (IllegalArgumentException e) {
                violations.add(new Violation(field(name) + "[" + i + "]", "enum:" + type.getSimpleName(),
                        "must be one of " + names(type) + ", was '" + element + "'"));
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

    private static <E extends Enum<E>> List<String> names(Class<E> type) {
        List<String> names = new ArrayList<>();
        for (E constant : type.getEnumConstants()) {
            names.add(constant.name());
        }
        return names;
    }
}
