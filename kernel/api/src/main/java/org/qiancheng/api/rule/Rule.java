package org.qiancheng.api.rule;

import java.math.BigDecimal;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.qiancheng.api.model.Citation;
import org.qiancheng.api.model.Label;
import org.qiancheng.api.model.LocalizedText;

/**
 * One rule of a policy, as its {@code rules.json} states it.
 *
 * @param id the rule id, e.g. {@code SC2.base}: letters and digits, parts joined by dots or dashes
 * @param name what the rule is, in Chinese and English
 * @param citation the clause it rests on; {@code null} when it cites a parameter file
 * @param citedParameter the parameter whose {@code reference} it cites; {@code null} when it has a citation
 * @param label the text of its lines and reasons, with placeholders such as {@code {standard}}
 *     or {@code {share:%}} (see {@link #label(Map)})
 * @since 1.0
 */
public record Rule(String id, LocalizedText name, Citation citation, String citedParameter, LocalizedText label) {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9]+([.-][A-Za-z0-9]+)*");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z][A-Za-z0-9_]*)(?::([^{}]*))?}");
    private static final Set<String> FORMATS = Set.of("%", "%2", "trim");

    /** Requires an id of the documented form, exactly one of citation and cited parameter, and well-formed labels. */
    public Rule {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(label, "label");
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("rule id '" + id + "' must be letters and digits joined by dots or dashes, e.g. SC2.base");
        }
        if ((citation == null) == (citedParameter == null)) {
            throw new IllegalArgumentException("rule " + id + " needs exactly one of a citation and a cited parameter");
        }
        Set<String> zh = placeholders(label.zh());
        Set<String> en = placeholders(label.en());
        if (!zh.equals(en)) {
            throw new IllegalArgumentException("the zh label uses " + zh + " but the en label uses " + en);
        }
    }

    /**
     * The placeholders of a label: {@code {name}}, or {@code {name:format}} with format {@code %}
     * (a share as a percent with all its digits: 0.2 → 20%), {@code %2} (a percent rounded HALF_UP to
     * at most two decimals: 0.8947368 → 89.47%) or {@code trim} (a number without trailing zeros).
     *
     * @param template a label
     * @return the placeholder names, in order of first use
     * @throws IllegalArgumentException naming a malformed placeholder, an unknown format or a stray brace
     */
    public static Set<String> placeholders(String template) {
        Set<String> names = new LinkedHashSet<>();
        Matcher m = PLACEHOLDER.matcher(template);
        int at = 0;
        while (m.find()) {
            stray(template, at, m.start());
            if (m.group(2) != null && !FORMATS.contains(m.group(2))) {
                throw new IllegalArgumentException("placeholder " + m.group() + " has an unknown format '" + m.group(2)
                        + "' (known: %, %2, trim)");
            }
            names.add(m.group(1));
            at = m.end();
        }
        stray(template, at, template.length());
        return names;
    }

    private static void stray(String template, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = template.charAt(i);
            if (c == '{' || c == '}') {
                throw new IllegalArgumentException("malformed placeholder at '" + template.substring(i, Math.min(to,
                        i + 12)) + "' in \"" + template + "\" (expected {name} or {name:format})");
            }
        }
    }

    /**
     * Fills the label. A value is written as it is given: a {@link BigDecimal} as its plain text
     * ({@code 1200}), a {@link LocalizedText} in the label's language, a collection as its elements
     * joined by {@code 、} in Chinese and {@code , } in English, anything else by {@code toString()}
     * (see {@link Label}).
     *
     * @param args placeholder name → value; exactly the label's placeholders
     * @return the filled text in both languages
     * @throws IllegalArgumentException naming a missing or unused argument
     */
    public LocalizedText label(Map<String, ?> args) {
        return filled(args).text();
    }

    /**
     * The label with its arguments, written when first read: what a decision keeps (the engine's
     * {@link Rules} build their lines and reasons with it).
     *
     * @param args placeholder name → value; exactly the label's placeholders
     * @return the label, checked against the arguments, not yet written
     * @throws IllegalArgumentException naming the rule and a missing or unused argument
     * @since 1.1
     */
    public Label filled(Map<String, ?> args) {
        try {
            return new Label(label, args);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("rule " + id + ": " + e.getMessage(), e);
        }
    }
}
