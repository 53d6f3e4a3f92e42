package org.qiancheng.api.model;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A label template in Chinese and English with the values of its placeholders, whose text is
 * written when it is first read ({@link #text()}), not when it is made. A decision keeps its
 * lines' and reasons' labels this way (what rule, which values), so that deciding does not pay
 * for text that is only read when the decision is shown or stored — and a decision that is only
 * summed (a what-if comparison) never writes it at all.
 *
 * <p>Placeholders: {@code {name}} writes the value as it is given — a {@link BigDecimal} as its
 * plain text ({@code 1200}), a {@link LocalizedText} in the label's language, a collection as its
 * elements joined by {@code 、} in Chinese and {@code , } in English, anything else by
 * {@code toString()}; {@code {name:%}} a share as a percent with all its digits ({@code 0.2} →
 * {@code 20%}); {@code {name:%2}} a percent rounded HALF_UP to at most two decimals;
 * {@code {name:trim}} a number without trailing zeros. The arguments are checked against the
 * placeholders when the label is made; since the text is written later, the values must not
 * change afterwards (numbers, texts and unmodifiable lists, as policies pass them).
 *
 * <p>Equal when template and arguments are equal. Thread-safe: the text is written at most a few
 * times when threads race, always the same.
 *
 * @since 1.3
 */
public final class Label {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z][A-Za-z0-9_]*)(?::([^{}]*))?}");

    private final LocalizedText template;
    private final Map<String, ?> arguments;
    private final Template zh;
    private final Template en;
    /** The written text; racy single check, safe because a LocalizedText has only final fields. */
    private LocalizedText text;

    /**
     * @param template the label with placeholders, e.g. {@code 基础补贴({baseShare:%}×{standard})}
     * @param arguments placeholder name → value: exactly the template's placeholders (in both languages)
     * @throws IllegalArgumentException naming a missing or unused argument
     */
    public Label(LocalizedText template, Map<String, ?> arguments) {
        this.template = Objects.requireNonNull(template, "template");
        this.arguments = Map.copyOf(arguments);
        Template[] read = Template.of(template);
        this.zh = read[0];
        this.en = read[1];
        zh.check(this.arguments);
        if (en.names != zh.names) {
            en.check(this.arguments);
        }
        if (zh.placeholders.length == 0 && en.placeholders.length == 0) {
            text = template;
        }
    }

    /** @return the template, with its placeholders */
    public LocalizedText template() {
        return template;
    }

    /** @return placeholder name → value */
    public Map<String, ?> arguments() {
        return arguments;
    }

    /** @return the filled text in both languages, written on the first call */
    public LocalizedText text() {
        LocalizedText written = text;
        if (written == null) {
            written = new LocalizedText(zh.fill(arguments, true), en.fill(arguments, false));
            text = written;
        }
        return written;
    }

    @Override
    public boolean equals(Object other) {
        return other == this || other instanceof Label label && template.equals(label.template)
                && arguments.equals(label.arguments);
    }

    @Override
    public int hashCode() {
        return 31 * template.hashCode() + arguments.hashCode();
    }

    @Override
    public String toString() {
        return text().en();
    }

    /**
     * A template read once into literal text and placeholders, so that filling it matches no
     * pattern (labels are filled for every line of every decision that is shown or stored).
     */
    private record Template(String text, String[] literals, String[] placeholders, String[] formats, Set<String> names) {

        /**
         * Templates by their text, zh and en, read once: few (the labels of the installed bundles),
         * shared by every version using the same text. Where both languages have the same
         * placeholders, as a rule's labels must, the en template shares the zh one's set of names,
         * and arguments are checked once.
         */
        private static final Map<LocalizedText, Template[]> READ = new ConcurrentHashMap<>();

        static Template[] of(LocalizedText text) {
            Template[] read = READ.get(text);
            return read != null ? read : READ.computeIfAbsent(text, Template::read);
        }

        private static Template[] read(LocalizedText text) {
            Template zh = read(text.zh());
            Template en = read(text.en());
            if (en.names.equals(zh.names)) {
                en = new Template(en.text, en.literals, en.placeholders, en.formats, zh.names);
            }
            return new Template[] {zh, en};
        }

        private static Template read(String text) {
            List<String> literals = new ArrayList<>();
            List<String> names = new ArrayList<>();
            List<String> formats = new ArrayList<>();
            Matcher m = PLACEHOLDER.matcher(text);
            int at = 0;
            while (m.find()) {
                literals.add(text.substring(at, m.start()));
                names.add(m.group(1));
                formats.add(m.group(2));
                at = m.end();
            }
            literals.add(text.substring(at));
            return new Template(text, literals.toArray(String[]::new), names.toArray(String[]::new),
                    formats.toArray(String[]::new), Set.copyOf(new LinkedHashSet<>(names)));
        }

        /** Exactly the placeholders: as many arguments as names, and every name given. */
        void check(Map<String, ?> args) {
            boolean exact = args.size() == names.size();
            for (String name : placeholders) {
                if (!args.containsKey(name)) {
                    throw new IllegalArgumentException("no value for {" + name + "}");
                }
            }
            if (!exact) {
                for (String given : args.keySet()) {
                    if (!names.contains(given)) {
                        throw new IllegalArgumentException("the label has no {" + given + "} (placeholders: "
                                + new LinkedHashSet<>(List.of(placeholders)) + ")");
                    }
                }
            }
        }

        String fill(Map<String, ?> args, boolean zh) {
            if (placeholders.length == 0) {
                return text;
            }
            StringBuilder out = new StringBuilder(text.length() + 16 * placeholders.length).append(literals[0]);
            for (int i = 0; i < placeholders.length; i++) {
                format(out, args.get(placeholders[i]), formats[i], zh);
                out.append(literals[i + 1]);
            }
            return out.toString();
        }
    }

    private static void format(StringBuilder out, Object value, String format, boolean zh) {
        if (value instanceof Collection<?> values) {
            boolean first = true;
            for (Object element : values) {
                if (!first) {
                    out.append(zh ? "、" : ", ");
                }
                format(out, element, format, zh);
                first = false;
            }
            return;
        }
        if (value instanceof LocalizedText text) {
            out.append(zh ? text.zh() : text.en());
            return;
        }
        if (format == null) {
            out.append(value instanceof BigDecimal number ? number.toPlainString() : String.valueOf(value));
            return;
        }
        BigDecimal number = value instanceof BigDecimal d ? d : new BigDecimal(String.valueOf(value));
        out.append(switch (format) {
            case "%" -> number.movePointRight(2).stripTrailingZeros().toPlainString() + "%";
            case "%2" -> number.movePointRight(2).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString()
                    + "%";
            default -> number.stripTrailingZeros().toPlainString();
        });
    }
}
