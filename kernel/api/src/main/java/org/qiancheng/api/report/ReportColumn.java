package org.qiancheng.api.report;

import java.util.Objects;
import org.qiancheng.api.model.LocalizedText;

/**
 * A column of a report.
 *
 * @param key the column's key in JSON and the CSV header, e.g. {@code passRate}
 * @param label its heading
 */
public record ReportColumn(String key, LocalizedText label) {

    /** Requires both parts. */
    public ReportColumn {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(label, "label");
    }
}
