package org.qiancheng.api.report;

import java.math.BigDecimal;
import java.util.Objects;
import org.qiancheng.api.claim.ClassFacts;
import org.qiancheng.api.claim.ClassResults;
import org.qiancheng.api.model.Money;

/**
 * One class in the data set a report is computed from.
 *
 * @param classId the kernel's id of the class
 * @param facts the class
 * @param results its results
 * @param highSkilledCertified trainees certified at SENIOR or above
 * @param subsidy yuan of approved claims for the class
 */
public record ClassRecord(String classId, ClassFacts facts, ClassResults results, int highSkilledCertified,
        BigDecimal subsidy) {

    /** Requires every part. */
    public ClassRecord {
        Objects.requireNonNull(classId, "classId");
        Objects.requireNonNull(facts, "facts");
        Objects.requireNonNull(results, "results");
        subsidy = Money.yuan(Objects.requireNonNull(subsidy, "subsidy"));
    }
}
