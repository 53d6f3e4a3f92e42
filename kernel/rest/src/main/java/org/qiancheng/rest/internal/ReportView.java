package org.qiancheng.rest.internal;

import java.time.LocalDate;
import java.util.List;
import org.qiancheng.api.claim.PolicyIdentity;
import org.qiancheng.api.claim.Reason;
import org.qiancheng.api.report.Report;
import org.qiancheng.api.report.ReportColumn;
import org.qiancheng.api.report.ReportDefinition;

/** A report as the API shows it, with the policy version that computed it. */
public record ReportView(ReportDefinition definition, String regionCode, LocalDate from, LocalDate to,
        PolicyIdentity policy, int classes, List<ReportColumn> columns, List<List<Object>> rows, List<Reason> notes) {

    static ReportView of(Report report, PolicyIdentity policy, int classes) {
        return new ReportView(report.definition(), report.regionCode(), report.from(), report.to(), policy, classes,
                report.columns(), report.rows(), report.notes());
    }

    /** CSV (RFC 4180, UTF-8 with a byte-order mark so spreadsheet programs read the Chinese headings). */
    String csv() {
        StringBuilder out = new StringBuilder("\uFEFF");
        out.append(String.join(",", columns.stream().map(c -> quote(c.label().zh() + " / " + c.label().en())).toList()))
                .append("\r\n");
        for (List<Object> row : rows) {
            out.append(String.join(",", row.stream().map(ReportView::cell).map(ReportView::quote).toList()))
                    .append("\r\n");
        }
        return out.toString();
    }

    private static String cell(Object value) {
        return value instanceof java.math.BigDecimal number ? number.toPlainString() : String.valueOf(value);
    }

    private static String quote(String text) {
        return text.matches("[^\",\r\n]*") ? text : "\"" + text.replace("\"", "\"\"") + "\"";
    }
}
