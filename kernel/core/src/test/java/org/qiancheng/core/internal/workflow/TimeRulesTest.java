package org.qiancheng.core.internal.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.qiancheng.api.claim.ClassFacts;
import org.qiancheng.api.claim.TraineeOutcome;
import org.qiancheng.api.model.Certificate;
import org.qiancheng.api.model.CertificateKind;
import org.qiancheng.api.model.EmploymentOutcome;
import org.qiancheng.api.model.SkillLevel;
import org.qiancheng.api.model.TrainingKind;
import org.qiancheng.api.model.TrainingMode;
import org.qiancheng.api.workflow.WorkflowException;
import org.qiancheng.api.workflow.WorkflowException.Kind;

/** The time rules at their boundaries: a class of 2026-12-07..2026-12-30, a trainee enrolled on 2026-12-01. */
class TimeRulesTest {

    private static final LocalDate START = LocalDate.parse("2026-12-07");
    private static final LocalDate END = LocalDate.parse("2026-12-30");
    private static final LocalDate ENROLLED = LocalDate.parse("2026-12-01");
    private static final ClassFacts CLASS = new ClassFacts("510104", "6-31-01-03", SkillLevel.JUNIOR,
            TrainingMode.OFFLINE, TrainingKind.GENERAL, START, END, 80);

    @Test
    void aClassIsFiledOnlyBeforeItsStart() {
        TimeRules.fileBeforeStart(START, START.minusDays(1));
        refused(Kind.INVALID, "startDate", "K1", () -> TimeRules.fileBeforeStart(START, START));
        refused(Kind.INVALID, "startDate", "K1", () -> TimeRules.fileBeforeStart(START, START.plusDays(5)));
    }

    @Test
    void aSurveyIsRecordedOnceTheClassHasEndedDatedFromItsEndToToday() {
        TimeRules.survey(7, CLASS, END, END.plusDays(1));
        TimeRules.survey(7, CLASS, END.plusDays(3), END.plusDays(3));
        refused(Kind.CONFLICT, "classId", "K11", () -> TimeRules.survey(7, CLASS, END, END));
        refused(Kind.INVALID, "surveyedOn", "K11", () -> TimeRules.survey(7, CLASS, END.minusDays(1), END.plusDays(1)));
        refused(Kind.INVALID, "surveyedOn", "K11", () -> TimeRules.survey(7, CLASS, END.plusDays(2), END.plusDays(1)));
    }

    @Test
    void aCheckInIsForAClassDayNotAfterTodayNotBeforeTheEnrolment() {
        TimeRules.checkInDay(CLASS, ENROLLED, START, START);
        TimeRules.checkInDay(CLASS, ENROLLED, END, END);
        TimeRules.checkInDay(CLASS, START.plusDays(2), START.plusDays(2), END.plusDays(30));
        refused(Kind.INVALID, "day", "K7", () -> TimeRules.checkInDay(CLASS, ENROLLED, START.minusDays(1), END));
        refused(Kind.INVALID, "day", "K7", () -> TimeRules.checkInDay(CLASS, ENROLLED, END.plusDays(1),
                END.plusDays(9)));
        refused(Kind.INVALID, "day", "K7", () -> TimeRules.checkInDay(CLASS, ENROLLED, START.plusDays(1), START));
        refused(Kind.INVALID, "day", "K7", () -> TimeRules.checkInDay(CLASS, START.plusDays(2), START.plusDays(1),
                END));
    }

    @Test
    void anOutcomeWaitsForTheEndAndIsDatedFromTheStartToToday() {
        LocalDate after = END.plusDays(1);
        TimeRules.outcome(7, CLASS, outcome(START, START), after);
        TimeRules.outcome(7, CLASS, outcome(after, after), after);
        refused(Kind.CONFLICT, "classId", "K8", () -> TimeRules.outcome(7, CLASS, outcome(START, START), END));
        refused(Kind.INVALID, "certificate.issuedOn", "K8", () -> TimeRules.outcome(7, CLASS,
                outcome(after.plusDays(1), after), after));
        refused(Kind.INVALID, "certificate.issuedOn", "K8", () -> TimeRules.outcome(7, CLASS,
                outcome(START.minusDays(1), after), after));
        refused(Kind.INVALID, "employedOn", "K8", () -> TimeRules.outcome(7, CLASS, outcome(after, after.plusDays(1)),
                after));
        refused(Kind.INVALID, "employedOn", "K8", () -> TimeRules.outcome(7, CLASS, outcome(after, START.minusDays(1)),
                after));
        TimeRules.outcome(7, CLASS, new TraineeOutcome(false, null, EmploymentOutcome.NONE, null), after);
    }

    @Test
    void claimsAndPaymentsWaitForTheEnd() {
        assertFalse(TimeRules.ended(CLASS, END));
        assertTrue(TimeRules.ended(CLASS, END.plusDays(1)));
        TimeRules.claimable(7, CLASS, END.plusDays(1));
        refused(Kind.CONFLICT, "classId", "K9", () -> TimeRules.claimable(7, CLASS, END));
        refused(Kind.CONFLICT, "classId", "K9", () -> TimeRules.claimable(7, CLASS, START.minusDays(3)));
    }

    @Test
    void anEnrolmentIsTakenUntilTheLastClassDay() {
        TimeRules.enrollable(7, CLASS, START.minusDays(10));
        TimeRules.enrollable(7, CLASS, END);
        refused(Kind.CONFLICT, "classId", "K10", () -> TimeRules.enrollable(7, CLASS, END.plusDays(1)));
    }

    @Test
    void aRefusalIsWordedInBothLanguagesWithTheRuleAndItsSource() {
        WorkflowException refused = assertThrows(WorkflowException.class,
                () -> TimeRules.checkInDay(CLASS, ENROLLED, START.plusDays(1), START));
        assertEquals("2026-12-08 is after today 2026-12-07: " + KernelRule.K7.text().en() + " [CN-2025 §六(十八)]",
                refused.getMessage());
        assertEquals("2026-12-08 晚于今天 2026-12-07：" + KernelRule.K7.text().zh() + " [CN-2025 §六(十八)]",
                refused.messageZh());
    }

    private static TraineeOutcome outcome(LocalDate issuedOn, LocalDate employedOn) {
        return new TraineeOutcome(true, new Certificate(CertificateKind.SKILL_LEVEL, SkillLevel.JUNIOR, issuedOn),
                EmploymentOutcome.STABLE, employedOn);
    }

    private static void refused(Kind kind, String field, String rule, Executable check) {
        WorkflowException refused = assertThrows(WorkflowException.class, check);
        assertEquals(kind, refused.kind(), refused.getMessage());
        assertEquals(field, refused.field(), refused.getMessage());
        assertEquals(rule, refused.rule(), refused.getMessage());
        assertTrue(refused.messageZh() != null && !refused.messageZh().isBlank(), refused.getMessage());
    }
}
