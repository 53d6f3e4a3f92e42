package org.qiancheng.core.internal.workflow;

import java.time.LocalDate;
import org.qiancheng.api.claim.ClassFacts;
import org.qiancheng.api.claim.TraineeOutcome;
import org.qiancheng.api.model.LocalizedText;
import org.qiancheng.api.workflow.WorkflowException;
import org.qiancheng.api.workflow.WorkflowException.Kind;

/**
 * Nothing that has not happened is recorded: the workflow's dates against the class period and
 * "today" (the platform's {@code Clock}, in its zone). A class runs from its start date to its end
 * date, both included, and has ended from the day after its end date. A date that cannot be right
 * is invalid input (422, naming the date); a step that comes too early or too late for the class
 * is a conflict with its state (409, naming {@code classId}).
 */
final class TimeRules {

    private TimeRules() {
    }

    /** @return whether the class has ended by today: its end date is before today */
    static boolean ended(ClassFacts facts, LocalDate today) {
        return facts.endDate().isBefore(today);
    }

    /** K1 at filing: a class is filed before its start date, so the start date must be after today. */
    static void fileBeforeStart(LocalDate start, LocalDate today) {
        if (!start.isAfter(today)) {
            throw refused(Kind.INVALID, "startDate", KernelRule.K1, new LocalizedText(
                    "开班日期 " + start + " 不在今天 " + today + " 之后，开班前才能备案",
                    "the start date " + start + " is not after today " + today
                            + "; a class is filed before it starts"));
        }
    }

    /** K7: a check-in day lies in the class period, is not after today and not before the enrolment. */
    static void checkInDay(ClassFacts facts, LocalDate enrolledOn, LocalDate day, LocalDate today) {
        if (day.isBefore(facts.startDate()) || day.isAfter(facts.endDate())) {
            throw refused(Kind.INVALID, "day", KernelRule.K7, new LocalizedText(
                    day + " 不是本班培训日（" + facts.startDate() + " 至 " + facts.endDate() + "）",
                    day + " is not a day of the class (" + facts.startDate() + ".." + facts.endDate() + ")"));
        }
        if (day.isAfter(today)) {
            throw refused(Kind.INVALID, "day", KernelRule.K7, new LocalizedText(
                    day + " 晚于今天 " + today, day + " is after today " + today));
        }
        if (day.isBefore(enrolledOn)) {
            throw refused(Kind.INVALID, "day", KernelRule.K7, new LocalizedText(
                    day + " 早于学员报名日 " + enrolledOn,
                    day + " is before the trainee's enrolment on " + enrolledOn));
        }
    }

    /** K8: an outcome once the class has ended (409), its dates from the class start to today (422). */
    static void outcome(long classId, ClassFacts facts, TraineeOutcome outcome, LocalDate today) {
        if (!ended(facts, today)) {
            throw notEnded(KernelRule.K8, classId, facts, today);
        }
        if (outcome.certificate() != null) {
            fromStartToToday(KernelRule.K8, "certificate.issuedOn", "发证日期", "issued", outcome.certificate().issuedOn(), facts,
                    today);
        }
        if (outcome.employedOn() != null) {
            fromStartToToday(KernelRule.K8, "employedOn", "就业日期", "employed", outcome.employedOn(), facts, today);
        }
    }

    /** K9: claims and payments only for a class that has ended. */
    static void claimable(long classId, ClassFacts facts, LocalDate today) {
        if (!ended(facts, today)) {
            throw notEnded(KernelRule.K9, classId, facts, today);
        }
    }

    /** K10: an enrolment only while the class has not ended. */
    static void enrollable(long classId, ClassFacts facts, LocalDate today) {
        if (ended(facts, today)) {
            throw refused(Kind.CONFLICT, "classId", KernelRule.K10, new LocalizedText(
                    "班级 " + classId + " 已于 " + facts.endDate() + " 结业（今天是 " + today + "）",
                    "class " + classId + " ended on " + facts.endDate() + " (today is " + today + ")"));
        }
    }

    /**
     * K11: a satisfaction survey once the class has ended (409), dated from the class's end date to
     * today (422).
     */
    static void survey(long classId, ClassFacts facts, LocalDate surveyedOn, LocalDate today) {
        if (!ended(facts, today)) {
            throw notEnded(KernelRule.K11, classId, facts, today);
        }
        if (surveyedOn.isAfter(today)) {
            throw refused(Kind.INVALID, "surveyedOn", KernelRule.K11, new LocalizedText(
                    "调查日期 " + surveyedOn + " 晚于今天 " + today, "surveyed on " + surveyedOn + ", after today " + today));
        }
        if (surveyedOn.isBefore(facts.endDate())) {
            throw refused(Kind.INVALID, "surveyedOn", KernelRule.K11, new LocalizedText(
                    "调查日期 " + surveyedOn + " 早于结业日期 " + facts.endDate(),
                    "surveyed on " + surveyedOn + ", before the class ended on " + facts.endDate()));
        }
    }

    /** K12: later employment evidence, dated from the class's start to today (422). */
    static void laterEmployment(ClassFacts facts, LocalDate employedOn, LocalDate today) {
        fromStartToToday(KernelRule.K12, "employedOn", "就业日期", "employed", employedOn, facts, today);
    }

    /** A date of what became of a trainee: not after today, not before the class started (422 under the rule). */
    private static void fromStartToToday(KernelRule rule, String field, String zh, String en, LocalDate date,
            ClassFacts facts, LocalDate today) {
        if (date.isAfter(today)) {
            throw refused(Kind.INVALID, field, rule, new LocalizedText(
                    zh + " " + date + " 晚于今天 " + today, en + " on " + date + ", after today " + today));
        }
        if (date.isBefore(facts.startDate())) {
            throw refused(Kind.INVALID, field, rule, new LocalizedText(
                    zh + " " + date + " 早于开班日期 " + facts.startDate(),
                    en + " on " + date + ", before the class started on " + facts.startDate()));
        }
    }

    private static WorkflowException notEnded(KernelRule rule, long classId, ClassFacts facts, LocalDate today) {
        return refused(Kind.CONFLICT, "classId", rule, new LocalizedText(
                "班级 " + classId + " 培训至 " + facts.endDate() + "，尚未结业（今天是 " + today + "）",
                "class " + classId + " runs until " + facts.endDate() + " and has not ended (today is " + today + ")"));
    }

    private static WorkflowException refused(Kind kind, String field, KernelRule rule, LocalizedText what) {
        return new WorkflowException(kind, field, rule.id(), rule.breach(what));
    }
}
