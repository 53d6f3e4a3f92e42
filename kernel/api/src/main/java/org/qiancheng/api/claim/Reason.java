package org.qiancheng.api.claim;

import java.util.Objects;
import org.qiancheng.api.model.Citation;
import org.qiancheng.api.model.Label;
import org.qiancheng.api.model.LocalizedText;

/**
 * One cited statement in a decision: why a trainee is (not) eligible, a note in the trace, or a
 * flag for review.
 *
 * <p>The text is either given or, as the engine's rules build it, kept as its {@code source} —
 * the rule's label template and the values of its placeholders — and written when
 * {@link #text()} is first read. Either way {@link #text()} is the text, and equality, hash code
 * and string form rest on it, not on how it is kept.
 *
 * @param rule the rule id, e.g. {@code JS1} (see the region's documentation)
 * @param text the statement in Chinese and English
 * @param citation the clause it rests on
 * @param source the text's template and arguments when the text is written on first read;
 *     {@code null} when the text is given (since 1.4)
 */
public record Reason(String rule, LocalizedText text, Citation citation, Label source) {

    /** Requires the rule, the citation and a text or its source. */
    public Reason {
        Objects.requireNonNull(rule, "rule");
        if (text == null && source == null) {
            throw new NullPointerException("text");
        }
        Objects.requireNonNull(citation, "citation");
    }

    /**
     * A statement given as text.
     *
     * @param rule the rule id
     * @param text the statement in Chinese and English
     * @param citation the clause it rests on
     */
    public Reason(String rule, LocalizedText text, Citation citation) {
        this(rule, Objects.requireNonNull(text, "text"), citation, null);
    }

    /** @return the statement in Chinese and English (written now when kept as its source) */
    @Override
    public LocalizedText text() {
        return text != null ? text : source.text();
    }

    @Override
    public boolean equals(Object other) {
        return other == this || other instanceof Reason reason && rule.equals(reason.rule)
                && citation.equals(reason.citation) && text().equals(reason.text());
    }

    @Override
    public int hashCode() {
        return Objects.hash(rule, text(), citation);
    }

    @Override
    public String toString() {
        return rule + " " + text().en() + " " + citation;
    }
}
