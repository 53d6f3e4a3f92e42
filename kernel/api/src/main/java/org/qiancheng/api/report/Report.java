package org.qiancheng.api.report;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.qiancheng.api.claim.Reason;

/**
 * A computed report: a table, plus cited notes (e.g. a target and its progress).
 *
 * @param definition which report
 * @param regionCode the region
 * @param from first day of the period
 * @param to last day of the period
 * @param columns the columns
 * @param rows the rows; each cell a {@link String}, {@link BigDecimal}, {@link Long}, {@link Boolean}
 *     or {@link LocalDate}, one per column
 * @param notes cited notes
 */
public record Report(ReportDefinition definition, String regionCode, LocalDate from, LocalDate to,
        List<ReportColumn> columns, List<List<Object>> rows, List<Reason> notes) {

    /** Requires every part and rows that match the columns. */
    public Report {
        Objects.requireNonNull(definition, "definition");
        Objects.requireNonNull(regionCode, "regionCode");
        columns = List.copyOf(columns);
        int width = columns.size();
        rows = rows.stream().map(row -> List.copyOf(checked(row, width))).toList();
        notes = List.copyOf(notes);
    }

    private static List<Object> checked(List<Object> row, int width) {
        if (row.size() != width) {
            throw new IllegalArgumentException("a row has " + row.size() + " cells for " + width + " columns");
        }
        for (Object cell : row) {
            if (!(cell instanceof String || cell instanceof BigDecimal || cell instanceof Long
                    || cell instanceof Boolean || cell instanceof LocalDate)) {
                throw new IllegalArgumentException("unsupported cell " + cell);
            }
        }
        return row;
    }
}
