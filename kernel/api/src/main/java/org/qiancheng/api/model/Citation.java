package org.qiancheng.api.model;

import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which clause of which source document a rule or a number comes from, written
 * {@code [CN-2025 §四(十二)]}.
 *
 * @param document the document key: upper-case letters and digits, parts joined by dashes, e.g.
 *     {@code CN-2025}
 * @param clause the clause, starting with {@code §}, e.g. {@code §二(三)}
 */
public record Citation(String document, String clause) {

    private static final Pattern DOCUMENT = Pattern.compile("[A-Z][A-Z0-9]*(-[A-Z0-9]+)*");
    private static final Pattern TEXT = Pattern.compile("\\[?\\s*(\\S+)\\s+(\\S.*?)\\s*]?");

    /** Requires a document key of the documented form and a clause starting with §. */
    public Citation {
        Objects.requireNonNull(document, "document");
        Objects.requireNonNull(clause, "clause");
        if (!DOCUMENT.matcher(document).matches()) {
            throw new IllegalArgumentException("document key '" + document
                    + "' must be upper-case letters and digits joined by dashes, e.g. CN-2025");
        }
        if (!clause.startsWith("§") || clause.isBlank()) {
            throw new IllegalArgumentException("clause '" + clause + "' must start with §, e.g. §二(三)");
        }
    }

    /**
     * Reads {@code "[CN-2025 §四(十二)]"} or {@code "CN-2025 §四(十二)"}.
     *
     * @param text the citation text
     * @return the citation
     * @throws IllegalArgumentException when the text has no document key followed by a clause
     */
    public static Citation parse(String text) {
        Citation known = text == null ? null : PARSED.get(text);
        if (known != null) {
            return known;
        }
        Citation parsed = read(text);
        if (PARSED.size() < 10_000) {
            PARSED.putIfAbsent(text, parsed);
        }
        return parsed;
    }

    /** Citations already read, by their text: a policy cites the same few clauses in every decision. */
    private static final java.util.Map<String, Citation> PARSED = new java.util.concurrent.ConcurrentHashMap<>();

    private static Citation read(String text) {
        Matcher matcher = TEXT.matcher(text == null ? "" : text.trim());
        if (!matcher.matches()) {
            throw new IllegalArgumentException("not a citation: '" + text + "' (expected e.g. \"CN-2025 §四(十二)\")");
        }
        try {
            return new Citation(matcher.group(1), matcher.group(2));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a citation: '" + text + "': " + e.getMessage(), e);
        }
    }

    /** @return the citation as written in traces, e.g. {@code [CN-2025 §四(十二)]} */
    @Override
    public String toString() {
        return "[" + document + " " + clause + "]";
    }
}
