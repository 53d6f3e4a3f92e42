package org.qiancheng.api.report;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * The read-only data set the kernel hands a report: the region's classes that ended in a period.
 *
 * @param regionCode the region
 * @param from first day of the period
 * @param to last day of the period
 * @param classes the classes
 */
public record ReportData(String regionCode, LocalDate from, LocalDate to, List<ClassRecord> classes) {

    /** Requires every part; copies the list. */
    public ReportData {
        Objects.requireNonNull(regionCode, "regionCode");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        classes = List.copyOf(classes);
    }
}
