package org.qiancheng.api.policy;

import java.time.LocalDate;
import java.util.Objects;
import org.qiancheng.api.model.LocalizedText;

/**
 * A notice a policy version implements; its key prefixes every citation of it.
 *
 * @param key the document key used in citations, e.g. {@code CN-2025}
 * @param title the document's title (the Chinese original and an English rendering)
 * @param issuer who issued it, e.g. 西安市人力资源和社会保障局 西安市财政局
 * @param issued the date on the notice
 * @param draft whether the text is a draft for comment (征求意见稿)
 */
public record SourceDocument(String key, LocalizedText title, String issuer, LocalDate issued, boolean draft) {

    /** Requires every part but the issue date. */
    public SourceDocument {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(issuer, "issuer");
    }
}
