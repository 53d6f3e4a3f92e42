package org.qiancheng.api.workflow;

import java.time.LocalDate;
import java.util.List;
import org.qiancheng.api.model.SkillLevel;

/**
 * What a client sends to draft, publish and adjust a yearly training plan. Every field is checked by
 * the kernel, which answers with the field (e.g. {@code lines.2.occupationCode}) and the rule; nothing
 * is written then.
 *
 * @since 0.8
 */
public final class PlanDrafts {

    private PlanDrafts() {
    }

    /**
     * @param regionCode GB/T 2260 code of the region whose plan it is, one of the user's regions
     * @param year the year planned, 1900–2100
     * @param lines at least one line
     */
    public record PlanDraft(String regionCode, Integer year, List<LineDraft> lines) {
    }

    /**
     * @param occupationCode an occupation of the region's demand catalogue
     * @param level the level, or {@code null} for any level
     * @param trainees planned trainees, at least 1
     */
    public record LineDraft(String occupationCode, SkillLevel level, Integer trainees) {
    }

    /** @param lines the draft's new lines, at least one */
    public record LinesDraft(List<LineDraft> lines) {
    }

    /** @param publishedOn the day of publication, today when {@code null} */
    public record PublicationDraft(LocalDate publishedOn) {
    }

    /**
     * @param adjustedOn the day the adjusted plan takes effect, today when {@code null}
     * @param reason why, required
     * @param lines the adjusted plan's lines, at least one
     */
    public record AdjustmentDraft(LocalDate adjustedOn, String reason, List<LineDraft> lines) {
    }
}
