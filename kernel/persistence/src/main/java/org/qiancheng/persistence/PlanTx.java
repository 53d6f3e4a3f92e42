package org.qiancheng.persistence;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;
import org.qiancheng.api.model.SkillLevel;
import org.qiancheng.api.security.RegionScope;
import org.qiancheng.api.workflow.Page;
import org.qiancheng.api.workflow.PlanLine;
import org.qiancheng.api.workflow.TrainingPlan;

/**
 * Yearly training plans and the counts their progress is made of, inside the transaction of the
 * {@link WorkflowTx} that gave them. At most one plan per region and year (a second insert is a
 * CONFLICT on commit). The kernel checks the lifecycle; updates name the version the caller read.
 *
 * @since 0.11
 */
@ProviderType
public interface PlanTx {

    /**
     * What the classes of one occupation and level count: the classes filed and their enrolments.
     *
     * @param classes classes
     * @param enrolled enrolments in them
     * @param finished enrolments in those that ended before the day asked about
     * @param passed enrolments whose trainee passed
     * @param certified enrolments with a certificate
     * @param employed enrolments in stable or flexible employment
     */
    record Tally(String occupationCode, SkillLevel level, long classes, long enrolled, long finished, long passed,
            long certified, long employed) {
    }

    /** Stores a new DRAFT plan. */
    TrainingPlan insert(String regionCode, int year, List<PlanLine> lines, String createdBy, Instant createdAt);

    /** @return the plan of the region and year, or empty */
    Optional<TrainingPlan> find(String regionCode, int year);

    /** By region, then year; {@code region} and {@code year} {@code null} for all, within the scope. */
    Page<TrainingPlan> list(RegionScope scope, String region, Integer year, int offset, int limit);

    /** @throws org.qiancheng.api.workflow.WorkflowException NOT_FOUND, or CONFLICT when the version is stale */
    TrainingPlan replaceLines(long id, List<PlanLine> lines, long expectedVersion);

    /** Marks the plan PUBLISHED. @throws org.qiancheng.api.workflow.WorkflowException as {@link #replaceLines} */
    TrainingPlan publish(long id, LocalDate on, String by, Instant at, long expectedVersion);

    /**
     * Marks the plan ADJUSTED with new lines in force, keeping the published ones.
     *
     * @throws org.qiancheng.api.workflow.WorkflowException as {@link #replaceLines}
     */
    TrainingPlan adjust(long id, List<PlanLine> lines, LocalDate on, String by, Instant at, String reason,
            long expectedVersion);

    /**
     * The classes starting in [from, to] in the regions of a prefix, grouped by occupation and level.
     *
     * @param regionPrefix the leading digits of the class regions ({@code 51} for a province), {@code null} for all
     * @param today a class counts as finished when its end date is before this day
     * @return one tally per occupation and level with at least one class, by occupation then level
     */
    List<Tally> tally(String regionPrefix, LocalDate from, LocalDate to, LocalDate today);
}
