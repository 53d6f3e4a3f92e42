package org.qiancheng.api.workflow;

import java.time.LocalDate;
import java.util.Set;
import org.qiancheng.api.model.SkillLevel;
import org.qiancheng.api.model.TargetGroup;
import org.qiancheng.api.model.TrainingKind;
import org.qiancheng.api.model.TrainingMode;

/**
 * What a client sends to create workflow records. Every field is checked by the kernel, which
 * answers with the field and the rule when one is missing or wrong; nothing is written then.
 */
public final class Drafts {

    private Drafts() {
    }

    /**
     * @param name registered name
     * @param regionCode GB/T 2260 code
     * @param status standing, LISTED when {@code null}
     * @param creditGrade credit grade, optional
     */
    public record InstitutionDraft(String name, String regionCode, InstitutionStatus status, String creditGrade) {
    }

    /**
     * @param regionCode the region that runs it
     * @param name its name
     * @param occupationCode the occupation trained (must be in the region's catalogue)
     * @param level the level trained (must be offered)
     * @param headcount planned trainees, at least 1
     * @param evaluationDirection optional
     * @param employmentDirection optional
     * @param wageGuidance optional
     */
    public record ProjectDraft(String regionCode, String name, String occupationCode, SkillLevel level,
            Integer headcount, String evaluationDirection, String employmentDirection, String wageGuidance) {
    }

    /**
     * @param projectId a published project
     * @param institutionId an institution that is not blacklisted [K4]
     * @param regionCode where the class is held (the project's region or one of its cities/counties)
     * @param mode delivery mode
     * @param kind organisational form, GENERAL when {@code null}
     * @param startDate first day
     * @param endDate last day
     * @param hours training hours, at least 1
     * @param attendanceThreshold share of class days to attend, 0–1, 0.80 when {@code null}
     */
    public record ClassDraft(Long projectId, Long institutionId, String regionCode, TrainingMode mode,
            TrainingKind kind, LocalDate startDate, LocalDate endDate, Integer hours,
            java.math.BigDecimal attendanceThreshold) {
    }

    /**
     * @param respondents trainees who answered the satisfaction survey, 1 to the class's enrolment
     * @param satisfied respondents who answered satisfied, 0 to {@code respondents}
     * @param surveyedOn the day the survey closed: not before the class's end, not after today
     * @since 0.8
     */
    public record SurveyDraft(Integer respondents, Integer satisfied, java.time.LocalDate surveyedOn) {
    }

    /**
     * @param employment the employment the evidence shows: STABLE, FLEXIBLE or ENTREPRENEURSHIP
     * @param employedOn when it began: not before the class's start, not after today
     * @since 0.8
     */
    public record EmploymentDraft(org.qiancheng.api.model.EmploymentOutcome employment,
            java.time.LocalDate employedOn) {
    }

    /**
     * @param passed whether the trainee passed the final assessment
     * @param certificate the certificate obtained, optional
     * @param employment employment outcome, NONE when {@code null}
     * @param employedOn required unless employment is NONE
     */
    public record OutcomeDraft(Boolean passed, org.qiancheng.api.model.Certificate certificate,
            org.qiancheng.api.model.EmploymentOutcome employment, LocalDate employedOn) {
    }

    /**
     * @param idNumber the 18-character resident ID [K2]
     * @param name the trainee's name
     * @param groups target groups, optional
     * @param familyGroups target groups of immediate family, optional
     * @param householdRegion defaults to the ID's region
     * @param residenceRegion defaults to the household region
     * @param receivesPension false when {@code null}
     */
    public record TraineeDraft(String idNumber, String name, Set<TargetGroup> groups, Set<TargetGroup> familyGroups,
            String householdRegion, String residenceRegion, Boolean receivesPension) {
    }
}
