package org.qiancheng.api.report;

import java.time.LocalDate;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The kernel's stored classes, as the read-only data set of a report. Provided by the kernel's
 * workflow; a region never calls it.
 *
 * @since 1.1
 */
@ProviderType
public interface ReportDataSource {

    /**
     * @param regionCode a region; classes filed in it or in its cities and counties are included
     * @param from first day of the period (class end dates)
     * @param to last day of the period
     * @return the classes that ended in the period
     */
    ReportData load(String regionCode, LocalDate from, LocalDate to);
}
