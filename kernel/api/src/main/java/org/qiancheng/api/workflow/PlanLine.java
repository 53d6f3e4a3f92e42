package org.qiancheng.api.workflow;

import java.util.Objects;
import org.qiancheng.api.model.SkillLevel;

/**
 * One line of a yearly training plan: how many trainees an occupation is planned for.
 *
 * @param occupationCode the occupation, in the region's demand catalogue
 * @param level the skill level, or {@code null} when the line plans the occupation at any level
 * @param trainees planned trainees (培训人数), at least 1
 * @since 0.8
 */
public record PlanLine(String occupationCode, SkillLevel level, int trainees) {

    /** Requires the occupation and at least one trainee. */
    public PlanLine {
        Objects.requireNonNull(occupationCode, "occupationCode");
        if (trainees < 1) {
            throw new IllegalArgumentException("trainees must be at least 1");
        }
    }

    /**
     * @param occupation a class's occupation
     * @param classLevel the class's level
     * @return whether a class of that occupation and level falls under this line
     */
    public boolean covers(String occupation, SkillLevel classLevel) {
        return occupationCode.equals(occupation) && (level == null || level == classLevel);
    }
}
