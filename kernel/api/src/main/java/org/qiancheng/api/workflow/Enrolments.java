package org.qiancheng.api.workflow;

import java.time.LocalDate;
import java.util.List;
import org.osgi.annotation.versioning.ProviderType;
import org.qiancheng.api.workflow.Drafts.EmploymentDraft;
import org.qiancheng.api.workflow.Drafts.OutcomeDraft;

/**
 * Enrolments of trainees in classes, with their attendance (考勤) and outcomes (assessment,
 * certificate, employment). Every method either succeeds and writes everything, or throws
 * {@link WorkflowException} and writes nothing. Provided by the kernel.
 */
@ProviderType
public interface Enrolments {

    /**
     * Enrols a trainee in a class: refused when the trainee is in another class whose period
     * overlaps [K3] or when the policy in force on the class's start date finds the trainee
     * ineligible.
     *
     * @param classId the class's id
     * @param traineeId the trainee's id
     * @return the enrolment, naming the policy version that checked it
     * @throws WorkflowException NOT_FOUND for the class; INVALID naming {@code traineeId} and the rule;
     *     CONFLICT when the trainee is enrolled already
     */
    Enrolment enrol(long classId, long traineeId);

    /**
     * Enrols many registered trainees, named by resident ID, in a class at once: every row is
     * checked as {@link #enrol} does; when any row breaks a rule, nothing is enrolled.
     *
     * @param classId the class's id
     * @param idNumbers resident IDs, the first being line 2 of the file
     * @return the enrolments, in row order
     * @throws ImportRejectedException listing every broken row
     */
    List<Enrolment> importEnrolments(long classId, List<String> idNumbers);

    /**
     * The enrolments of a class, in id order.
     *
     * @param classId the class's id
     * @param offset index of the first item
     * @param limit page size, 1–500
     * @return one page
     * @throws WorkflowException NOT_FOUND for the class
     */
    Page<Enrolment> enrolments(long classId, int offset, int limit);

    /**
     * @param id the enrolment's id
     * @return the enrolment
     * @throws WorkflowException NOT_FOUND
     */
    Enrolment enrolment(long id);

    /**
     * Records a check-in on a class day; the same day twice counts once.
     *
     * @param enrolmentId the enrolment's id
     * @param day a day of the class's period
     * @return the enrolment with its attended days
     * @throws WorkflowException NOT_FOUND, or INVALID naming {@code day}
     */
    Enrolment checkIn(long enrolmentId, LocalDate day);

    /**
     * Records what became of the trainee (assessment, certificate, employment).
     *
     * @param enrolmentId the enrolment's id
     * @param outcome the outcome
     * @param expectedVersion the version the caller read
     * @return the enrolment with its outcome
     * @throws WorkflowException NOT_FOUND, INVALID naming the field, or CONFLICT when it changed meanwhile
     *     or once the enrolment has a claim (the claim was decided on the outcome; later employment is
     *     recorded by {@link #recordEmployment}) [K12]
     */
    Enrolment recordOutcome(long enrolmentId, OutcomeDraft outcome, long expectedVersion);

    /**
     * Records employment evidence that arrived after the enrolment's claim was computed (就业结果后补):
     * the outcome's employment, once, for a trainee recorded as not employed. The claim is then topped
     * up by the policy version that decided it, at the next claims computation of the class or in the
     * settlement of the month the evidence was recorded [K12].
     *
     * @param enrolmentId the enrolment
     * @param draft the employment and when it began
     * @return the enrolment with its outcome's employment and {@code employmentRecordedOn} today
     * @throws WorkflowException NOT_FOUND; INVALID naming the field (the employment must be one, dated
     *     from the class start to today); CONFLICT naming {@code enrolmentId} when the enrolment has no
     *     claim yet (record the outcome instead) or its employment is recorded already
     * @since 0.8
     */
    Enrolment recordEmployment(long enrolmentId, EmploymentDraft draft);
}
