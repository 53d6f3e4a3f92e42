package org.qiancheng.api.spi;

import java.util.List;
import org.osgi.annotation.versioning.ConsumerType;
import org.qiancheng.api.parameter.Parameters;
import org.qiancheng.api.report.Report;
import org.qiancheng.api.report.ReportData;
import org.qiancheng.api.report.ReportDefinition;
import org.qiancheng.api.rule.Rules;

/**
 * A region's indicators and reports (pass, certificate, employment and participation rates,
 * target progress, monthly dispatch), computed from a read-only data set the kernel hands over.
 */
@ConsumerType
public interface EvaluationReport {

    /**
     * The reports this region offers.
     *
     * @return their definitions; ids are unique
     */
    List<ReportDefinition> definitions();

    /**
     * The reports this region offers, citing the clauses its rules file names. The kernel calls
     * this form: report definitions exist before any claim, so they get the rules directly rather
     * than through {@link Parameters}. The default ignores the rules and returns {@link #definitions()}.
     *
     * @param rules the policy's rules
     * @return their definitions; ids are unique
     * @since 1.2
     */
    default List<ReportDefinition> definitions(Rules rules) {
        return definitions();
    }

    /**
     * Computes one report.
     *
     * @param reportId one of the ids of {@link #definitions()}
     * @param data the classes of the period
     * @param parameters the policy's dated parameters (e.g. targets)
     * @return the report
     * @throws IllegalArgumentException when the id is not one of this region's reports
     */
    Report produce(String reportId, ReportData data, Parameters parameters);
}
