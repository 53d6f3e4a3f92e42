package org.qiancheng.api.model;

import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which clause of which source document a rule or a number comes from, written
 * {@code [XA-2025 §二(三)]}.
 *
 * @param document the document key, e.g. {@code XA-2025}
 * @param clause the clause, e.g. {@code §二(三)}
 */
public record Citation(String document, String clause) {

    private static final Pattern TEXT = Pattern.compile("\\[?\\s*([A-Za-z0-9][A-Za-z0-9._-]*)\\s+(\\S.*?)\\s*]?");

    /** Requires both parts. */
    public Citation {
        Objects.requireNonNull(document, "document");
        Objects.requireNonNull(clause, "clause");
        if (document.isBlank() || clause.isBlank()) {
            throw new IllegalArgumentException("a citation needs a document key and a clause");
        }
    }

    /**
     * Reads {@code "[XA-2025 §二(三)]"} or {@code "XA-2025 §二(三)"}.
     *
     * @param text the citation text
     * @return the citation
     * @throws IllegalArgumentException when the text has no document key followed by a clause
     */
    public static Citation parse(String text) {
        Matcher matcher = TEXT.matcher(text == null ? "" : text.trim());
        if (!matcher.matches()) {
            throw new IllegalArgumentException("not a citation: '" + text + "' (expected e.g. \"XA-2025 §二(三)\")");
        }
        return new Citation(matcher.group(1), matcher.group(2));
    }

    /** @return the citation as written in traces, e.g. {@code [XA-2025 §二(三)]} */
    @Override
    public String toString() {
        return "[" + document + " " + clause + "]";
    }
}
