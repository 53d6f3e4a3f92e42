package org.qiancheng.api.workflow;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A region's yearly training plan (年度培训计划): per occupation, the trainees planned for the year.
 * It is published at the start of the year and adjusted at most once in the year; the adjustment
 * replaces the lines in force and keeps the lines as first published.
 *
 * @param id the kernel's id
 * @param regionCode the GB/T 2260 region whose plan it is (a province, city or county)
 * @param year the calendar year it plans
 * @param status where it stands
 * @param lines the lines in force: the draft's, the published ones, or the adjusted ones
 * @param createdBy who drafted it
 * @param createdAt when
 * @param publication its publication, or {@code null} while a draft
 * @param adjustment its one adjustment, or {@code null}
 * @param version optimistic-lock version
 * @since 0.8
 */
public record TrainingPlan(long id, String regionCode, int year, PlanStatus status, List<PlanLine> lines,
        String createdBy, Instant createdAt, Publication publication, Adjustment adjustment, long version) {

    /** Requires region and status; copies the lines. */
    public TrainingPlan {
        Objects.requireNonNull(regionCode, "regionCode");
        Objects.requireNonNull(status, "status");
        lines = List.copyOf(lines);
    }

    /**
     * The publication of a plan.
     *
     * @param on the day it was published, as the region dates it
     * @param by who recorded the publication
     * @param at when it was recorded
     */
    public record Publication(LocalDate on, String by, Instant at) {
    }

    /**
     * The one adjustment of a published plan.
     *
     * @param on the day the adjusted plan took effect
     * @param by who recorded it
     * @param at when it was recorded
     * @param reason why the plan was adjusted
     * @param originalLines the lines as first published, kept
     */
    public record Adjustment(LocalDate on, String by, Instant at, String reason, List<PlanLine> originalLines) {

        /** Copies the lines. */
        public Adjustment {
            originalLines = List.copyOf(originalLines);
        }
    }

    /** @return whether the plan has been published (adjusted or not) */
    public boolean published() {
        return status != PlanStatus.DRAFT;
    }

    /**
     * @param occupation a class's occupation
     * @param level the class's level
     * @return whether a line in force covers a class of that occupation and level
     */
    public boolean covers(String occupation, org.qiancheng.api.model.SkillLevel level) {
        return lines.stream().anyMatch(line -> line.covers(occupation, level));
    }
}
