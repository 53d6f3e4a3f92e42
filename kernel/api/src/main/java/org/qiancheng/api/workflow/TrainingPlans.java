package org.qiancheng.api.workflow;

import java.util.List;
import org.osgi.annotation.versioning.ProviderType;
import org.qiancheng.api.workflow.PlanDrafts.AdjustmentDraft;
import org.qiancheng.api.workflow.PlanDrafts.LineDraft;
import org.qiancheng.api.workflow.PlanDrafts.PlanDraft;

/**
 * Yearly training plans (年度培训计划), one per region and year, driven by the region's demand
 * catalogue (培训需求指导目录): every line's occupation must be in the demand catalogue in force. A
 * plan is drafted, published at the start of its year (or in the December before) and adjusted at
 * most once in the year; progress is counted from the classes filed. Every method either succeeds
 * and writes everything (with its audit entry, entity {@code plan}), or throws
 * {@link WorkflowException} and writes nothing. A plan outside the user's regions does not exist for
 * them. Provided by the kernel.
 *
 * @since 0.8
 */
@ProviderType
public interface TrainingPlans {

    /**
     * Drafts the plan of a region and year.
     *
     * @param draft region, year and lines
     * @return the DRAFT plan
     * @throws WorkflowException INVALID naming the field and rule (e.g. {@code lines.0.occupationCode},
     *     {@code in:demand-catalogue}); CONFLICT {@code plan.exists} when the region has a plan for the year
     */
    TrainingPlan create(PlanDraft draft);

    /**
     * @param regionCode the plan's region
     * @param year its year
     * @return the plan
     * @throws WorkflowException NOT_FOUND, also for a region outside the user's
     */
    TrainingPlan plan(String regionCode, int year);

    /**
     * Lists plans by region, then year.
     *
     * @param region only this region, or {@code null} for all the user's
     * @param year only this year, or {@code null}
     * @param offset index of the first item
     * @param limit page size, 1–500
     * @return one page
     */
    Page<TrainingPlan> plans(String region, Integer year, int offset, int limit);

    /**
     * Replaces the lines of a draft.
     *
     * @throws WorkflowException CONFLICT {@code plan.draft} once published; CONFLICT {@code version} when stale
     */
    TrainingPlan replaceLines(String regionCode, int year, List<LineDraft> lines, long expectedVersion);

    /**
     * Publishes a draft on a day (today when {@code null}): in the plan's year or the December before,
     * not after today; its lines checked again against the demand catalogue of that day.
     *
     * @throws WorkflowException CONFLICT {@code plan.draft} when published already; INVALID naming
     *     {@code publishedOn}
     */
    TrainingPlan publish(String regionCode, int year, java.time.LocalDate publishedOn, long expectedVersion);

    /**
     * Adjusts a published plan, once: new lines in force from a day of the plan's year (today when
     * {@code null}), not before its publication and not after today; the first lines are kept.
     *
     * @throws WorkflowException CONFLICT {@code plan.published} for a draft, {@code plan.adjusted-once}
     *     for a plan adjusted already; INVALID naming the field
     */
    TrainingPlan adjust(String regionCode, int year, AdjustmentDraft draft, long expectedVersion);

    /**
     * The progress of a published plan, as of today.
     *
     * @throws WorkflowException NOT_FOUND; CONFLICT {@code plan.published} for a draft
     */
    PlanProgress progress(String regionCode, int year);
}
