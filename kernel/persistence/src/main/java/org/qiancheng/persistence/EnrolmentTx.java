package org.qiancheng.persistence;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;
import org.qiancheng.api.claim.PolicyIdentity;
import org.qiancheng.api.claim.TraineeOutcome;
import org.qiancheng.api.model.EmploymentOutcome;
import org.qiancheng.api.workflow.Enrolment;
import org.qiancheng.api.workflow.Page;

/** Enrolments with their attendance and outcomes, inside the transaction of the {@link WorkflowTx} that gave them. */
@ProviderType
public interface EnrolmentTx {

    /** Whether the trainee is enrolled in the class. */
    boolean exists(long classId, long traineeId);

    /** Stores an enrolment, naming the policy version that found the trainee eligible. */
    Enrolment insert(long classId, long traineeId, LocalDate on, PolicyIdentity checkedBy);

    Optional<Enrolment> find(long id);

    /** A page of a class's enrolments, in id order. */
    Page<Enrolment> list(long classId, int offset, int limit);

    /** All enrolments of a class, in id order. */
    List<Enrolment> ofClass(long classId);

    /**
     * The enrolments of several classes in one reading: each class's in id order, an empty list for
     * a class without any.
     *
     * @since 0.14
     */
    java.util.Map<Long, List<Enrolment>> ofClasses(java.util.Collection<Long> classIds);

    /** Records a check-in day; the same day twice counts once. */
    Enrolment checkIn(long enrolmentId, LocalDate day);

    /** @throws org.qiancheng.api.workflow.WorkflowException NOT_FOUND, or CONFLICT when the version is stale */
    Enrolment recordOutcome(long enrolmentId, TraineeOutcome outcome, long expectedVersion);

    /**
     * Records employment evidence that arrived after the claim, on a day.
     *
     * @throws org.qiancheng.api.workflow.WorkflowException NOT_FOUND
     */
    Enrolment recordEmployment(long enrolmentId, EmploymentOutcome employment, LocalDate employedOn,
            LocalDate recordedOn);

    /**
     * @param regionPrefix the leading digits of the class regions, or {@code null} for all
     * @return the enrolments whose later employment evidence was recorded in the period, after an id, in id order
     */
    List<Enrolment> employmentRecorded(String regionPrefix, LocalDate from, LocalDate to, long afterId, int limit);
}
