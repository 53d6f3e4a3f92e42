package org.qiancheng.api.claim;

import java.util.Objects;
import org.qiancheng.api.model.Citation;
import org.qiancheng.api.model.LocalizedText;

/**
 * One cited statement in a decision: why a trainee is (not) eligible, a note in the trace, or a
 * flag for review.
 *
 * @param rule the rule id, e.g. {@code JS1} (see the region's documentation)
 * @param text the statement in Chinese and English
 * @param citation the clause it rests on
 */
public record Reason(String rule, LocalizedText text, Citation citation) {

    /** Requires every part. */
    public Reason {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(citation, "citation");
    }

    @Override
    public String toString() {
        return rule + " " + text.en() + " " + citation;
    }
}
