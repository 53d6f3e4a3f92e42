package org.qiancheng.api.workflow;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.qiancheng.api.claim.ClassFacts;
import org.qiancheng.api.model.TrainingKind;
import org.qiancheng.api.model.TrainingMode;

/**
 * A filed class (开班备案). Only a class filed before its start, under a published project, can
 * claim [K1].
 *
 * @param id the kernel's id
 * @param projectId its project
 * @param institutionId the institution delivering it
 * @param facts region, occupation, level, mode, kind, dates and hours, as a policy sees them
 * @param filedOn when it was filed
 * @param attendanceThreshold the share of class days a trainee must attend; below it a claim is
 *     flagged for review
 * @param version optimistic-lock version
 */
public record TrainingClass(long id, long projectId, long institutionId, ClassFacts facts, LocalDate filedOn,
        BigDecimal attendanceThreshold, long version) {

    /** @return whether it was filed before its first day [K1] */
    public boolean filedBeforeStart() {
        return filedOn.isBefore(facts.startDate());
    }

    /** @return the number of class days, both ends included */
    public long days() {
        return java.time.temporal.ChronoUnit.DAYS.between(facts.startDate(), facts.endDate()) + 1;
    }

    /** @return the mode, for filters */
    public TrainingMode mode() {
        return facts.mode();
    }

    /** @return the kind, for filters */
    public TrainingKind kind() {
        return facts.kind();
    }
}
