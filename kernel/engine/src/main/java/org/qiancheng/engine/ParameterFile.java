package org.qiancheng.engine;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.TreeMap;
import org.qiancheng.api.model.Citation;
import org.qiancheng.api.model.LocalizedText;
import org.qiancheng.api.parameter.ParameterSpec;
import org.qiancheng.api.parameter.ParameterValue;

/**
 * One parameter file, {@code parameters/<name>.json}, read and checked against its spec. The
 * format is documented in {@code docs/parameters.md}:
 *
 * <pre>{
 *   "description": {"zh": "…", "en": "…"},
 *   "unit": "ratio",
 *   "reference": "CN-2025 §四(十二)",
 *   "sample": true,
 *   "note": "…",
 *   "values": {"2025-01-01": 0.20, "2026-01-01": 0.25}
 * }</pre>
 *
 * @param name the parameter's name
 * @param description what it is
 * @param unit its unit, e.g. {@code yuan}, {@code ratio}, {@code count}
 * @param reference the clause it rests on
 * @param sample whether the values are sample data to be replaced by the official table
 * @param values the values by start date
 */
public record ParameterFile(String name, LocalizedText description, String unit, Citation reference, boolean sample,
        NavigableMap<LocalDate, ParameterValue> values) {

    /** Requires every part. */
    public ParameterFile {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(reference, "reference");
        values = java.util.Collections.unmodifiableNavigableMap(new TreeMap<>(values));
    }

    /**
     * Reads a parsed file and checks it against the spec, adding every problem found to
     * {@code problems}.
     *
     * @return the file, or {@code null} when it has problems
     */
    static ParameterFile read(ParameterSpec spec, Object tree, List<String> problems) {
        String name = spec.name();
        int before = problems.size();
        if (!(tree instanceof Map<?, ?> file)) {
            problems.add(name + ": the file must hold a JSON object");
            return null;
        }
        LocalizedText description = description(name, file.get("description"), problems);
        String unit = text(name, "unit", file.get("unit"), problems);
        Citation reference = null;
        String referenceText = text(name, "reference", file.get("reference"), problems);
        if (referenceText != null) {
            try {
                reference = Citation.parse(referenceText);
            } catch (IllegalArgumentException e) {
                problems.add(name + ": reference " + e.getMessage());
            }
        }
        Object sample = file.containsKey("sample") ? file.get("sample") : Boolean.FALSE;
        if (!(sample instanceof Boolean)) {
            problems.add(name + ": sample must be true or false");
        }
        for (Object key : file.keySet()) {
            if (!List.of("description", "unit", "reference", "sample", "note", "values").contains(key)) {
                problems.add(name + ": unknown field \"" + key + "\"");
            }
        }
        NavigableMap<LocalDate, ParameterValue> values = values(spec, file.get("values"), reference, problems);
        if (problems.size() > before) {
            return null;
        }
        return new ParameterFile(name, description, unit, reference, (Boolean) sample, values);
    }

    static NavigableMap<LocalDate, ParameterValue> values(ParameterSpec spec, Object tree, Citation reference,
            List<String> problems) {
        NavigableMap<LocalDate, ParameterValue> values = new TreeMap<>();
        if (!(tree instanceof Map<?, ?> dated) || dated.isEmpty()) {
            problems.add(spec.name() + ": values must be an object of start date → value, with at least one value");
            return values;
        }
        for (Map.Entry<?, ?> entry : dated.entrySet()) {
            LocalDate from;
            try {
                from = LocalDate.parse((String) entry.getKey());
            } catch (DateTimeParseException e) {
                problems.add(spec.name() + ": \"" + entry.getKey() + "\" is not a start date (YYYY-MM-DD)");
                continue;
            }
            String path = spec.name() + "@" + from;
            if (ValueCheck.check(spec, path, entry.getValue(), reference, problems)) {
                values.put(from, new ParameterValue(path, entry.getValue()));
            }
        }
        return values;
    }

    private static LocalizedText description(String name, Object tree, List<String> problems) {
        if (tree instanceof Map<?, ?> map && map.get("zh") instanceof String zh && map.get("en") instanceof String en
                && !zh.isBlank() && !en.isBlank()) {
            return new LocalizedText(zh, en);
        }
        problems.add(name + ": description must be {\"zh\": \"…\", \"en\": \"…\"}");
        return null;
    }

    private static String text(String name, String field, Object tree, List<String> problems) {
        if (tree instanceof String text && !text.isBlank()) {
            return text;
        }
        problems.add(name + ": " + field + " must be a non-empty text");
        return null;
    }

    /** Shape and bounds of one dated value. */
    static final class ValueCheck {

        private ValueCheck() {
        }

        static boolean check(ParameterSpec spec, String path, Object value, Citation reference, List<String> problems) {
            int before = problems.size();
            boolean shapeOk = switch (spec.shape()) {
                case NUMBER -> value instanceof BigDecimal;
                // an empty table {} says "none" (no shortage occupation, no top-up); inside a table every
                // member needs numbers at its leaves
                case TABLE -> value instanceof Map<?, ?> table && (table.isEmpty() || numbersAtLeaves(value));
                case LIST -> value instanceof List<?>;
                case TEXT -> value instanceof String;
                case OBJECT -> value instanceof Map<?, ?>;
            };
            if (!shapeOk) {
                problems.add(path + ": expected " + describe(spec.shape()));
                return false;
            }
            if (containsNull(value)) {
                problems.add(path + ": null is not a value; leave the member out instead");
                return false;
            }
            bounds(spec, path, value, reference, problems);
            return problems.size() == before;
        }

        private static boolean containsNull(Object value) {
            if (value instanceof Map<?, ?> map) {
                return map.values().stream().anyMatch(v -> v == null || containsNull(v));
            }
            if (value instanceof List<?> list) {
                return list.stream().anyMatch(v -> v == null || containsNull(v));
            }
            return false;
        }

        private static boolean numbersAtLeaves(Object value) {
            if (value instanceof Map<?, ?> map) {
                return !map.isEmpty() && map.values().stream().allMatch(ValueCheck::numbersAtLeaves);
            }
            return value instanceof BigDecimal;
        }

        private static void bounds(ParameterSpec spec, String path, Object value, Citation reference,
                List<String> problems) {
            if (value instanceof Map<?, ?> map) {
                map.forEach((key, member) -> bounds(spec, path + "[" + key + "]", member, reference, problems));
            } else if (value instanceof List<?> list) {
                for (int i = 0; i < list.size(); i++) {
                    bounds(spec, path + "[" + i + "]", list.get(i), reference, problems);
                }
            } else if (value instanceof String text && !spec.allowed().isEmpty() && !spec.allowed().contains(text)) {
                problems.add(path + ": '" + text + "' is not one of " + new java.util.TreeSet<>(spec.allowed()));
            } else if (value instanceof BigDecimal number) {
                Citation source = spec.boundSource() != null ? spec.boundSource() : reference;
                String by = source == null ? "" : " set by " + source;
                if (spec.min() != null && number.compareTo(spec.min()) < 0) {
                    problems.add(path + ": " + number.toPlainString() + " is below the minimum "
                            + spec.min().toPlainString() + by);
                }
                if (spec.max() != null && number.compareTo(spec.max()) > 0) {
                    problems.add(path + ": " + number.toPlainString() + " is above the maximum "
                            + spec.max().toPlainString() + by);
                }
            }
        }

        private static String describe(ParameterSpec.Shape shape) {
            return switch (shape) {
                case NUMBER -> "a number";
                case TABLE -> "an object with numbers at its leaves";
                case LIST -> "a list";
                case TEXT -> "a text";
                case OBJECT -> "an object";
            };
        }
    }
}
