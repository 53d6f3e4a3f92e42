package org.qiancheng.api.model;

import java.util.Objects;

/**
 * A text an operator reads, in Chinese and in English.
 *
 * @param zh the Chinese text, never blank
 * @param en the English text, never blank
 */
public record LocalizedText(String zh, String en) {

    /** Refuses a missing or blank text in either language. */
    public LocalizedText {
        requireText(zh, "zh");
        requireText(en, "en");
    }

    private static void requireText(String text, String language) {
        Objects.requireNonNull(text, language);
        if (text.isBlank()) {
            throw new IllegalArgumentException("the " + language + " text is blank");
        }
    }
}
