package org.qiancheng.api.report;

import java.util.Objects;
import org.qiancheng.api.model.Citation;
import org.qiancheng.api.model.LocalizedText;

/**
 * A report a region offers, e.g. the monthly dispatch (月调度).
 *
 * @param id the report's id in URLs, lower-case with dashes, e.g. {@code monthly-dispatch}
 * @param title its title
 * @param citation the clause that asks for it
 */
public record ReportDefinition(String id, LocalizedText title, Citation citation) {

    /** Requires every part and a URL-safe id. */
    public ReportDefinition {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(citation, "citation");
        if (!id.matches("[a-z0-9]+(-[a-z0-9]+)*")) {
            throw new IllegalArgumentException("report id '" + id + "' must be lower-case words joined by dashes");
        }
    }
}
