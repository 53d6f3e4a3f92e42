package org.qiancheng.api.workflow;

import java.time.LocalDate;
import org.qiancheng.api.model.SkillLevel;

/**
 * A training project (培训项目); unpublished projects get no subsidy [K1].
 *
 * @param id the kernel's id
 * @param regionCode the region that runs it
 * @param name its name
 * @param occupationCode the occupation trained
 * @param level the skill level trained
 * @param headcount planned trainees
 * @param evaluationDirection how trainees are evaluated
 * @param employmentDirection where trainees are expected to work
 * @param wageGuidance expected wage, as published
 * @param publishedOn when it was published, or {@code null} while unpublished
 * @param version optimistic-lock version
 */
public record Project(long id, String regionCode, String name, String occupationCode, SkillLevel level, int headcount,
        String evaluationDirection, String employmentDirection, String wageGuidance, LocalDate publishedOn,
        long version) {

    /** @return whether the project is published */
    public boolean published() {
        return publishedOn != null;
    }
}
