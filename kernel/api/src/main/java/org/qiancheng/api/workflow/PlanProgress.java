package org.qiancheng.api.workflow;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.qiancheng.api.model.SkillLevel;

/**
 * How far a region has come with its yearly training plan: per line in force, the classes filed in
 * the region (and its cities and counties) that start in the plan's year and their trainees, and
 * the occupations trained that the plan does not list.
 *
 * @param regionCode the plan's region
 * @param year the plan's year
 * @param status the plan's status
 * @param asOf the day the counts are of (today, by the platform's clock)
 * @param lines one per line in force, in the plan's order
 * @param unplanned the occupations and levels trained that no line covers, by occupation then level
 * @param totals the sums
 * @since 0.8
 */
public record PlanProgress(String regionCode, int year, PlanStatus status, LocalDate asOf, List<Line> lines,
        List<Line> unplanned, Totals totals) {

    /** Copies the lists. */
    public PlanProgress {
        lines = List.copyOf(lines);
        unplanned = List.copyOf(unplanned);
    }

    /**
     * One occupation (and level) of the progress.
     *
     * @param occupationCode the occupation
     * @param level the level, {@code null} for a line planned at any level
     * @param inPlan whether a line of the plan covers it; {@code false} in {@link #unplanned}
     * @param planned trainees planned by the line in force, {@code null} when not in the plan
     * @param originallyPlanned for an adjusted plan, the trainees the first published plan had for it
     *     ({@code 0} when it was not in it), else {@code null}
     * @param classes classes filed that start in the year
     * @param enrolled trainees enrolled in them
     * @param finished of them, in classes that have ended
     * @param passed of them, who passed the final assessment
     * @param certified of them, who obtained a certificate
     * @param employed of them, in stable or flexible employment
     * @param enrolledPercent enrolled as a percentage of planned, one decimal; {@code null} when not in the plan
     * @param finishedPercent finished as a percentage of planned, one decimal; {@code null} when not in the plan
     */
    public record Line(String occupationCode, SkillLevel level, boolean inPlan, Integer planned,
            Integer originallyPlanned, long classes, long enrolled, long finished, long passed, long certified,
            long employed, BigDecimal enrolledPercent, BigDecimal finishedPercent) {
    }

    /**
     * The sums of the lines in force, and what was trained outside the plan.
     *
     * @param planned trainees planned
     * @param classes classes of the plan's lines
     * @param enrolled trainees enrolled in them
     * @param finished of them, in classes that have ended
     * @param passed of them, who passed
     * @param certified of them, certified
     * @param employed of them, employed
     * @param enrolledPercent enrolled as a percentage of planned, one decimal
     * @param finishedPercent finished as a percentage of planned, one decimal
     * @param unplannedClasses classes of occupations the plan does not list
     * @param unplannedEnrolled trainees enrolled in them
     */
    public record Totals(long planned, long classes, long enrolled, long finished, long passed, long certified,
            long employed, BigDecimal enrolledPercent, BigDecimal finishedPercent, long unplannedClasses,
            long unplannedEnrolled) {
    }
}
