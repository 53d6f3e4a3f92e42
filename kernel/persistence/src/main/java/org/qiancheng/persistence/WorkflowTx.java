package org.qiancheng.persistence;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.osgi.annotation.versioning.ProviderType;
import org.qiancheng.api.claim.ClassFacts;
import org.qiancheng.api.claim.Decision;
import org.qiancheng.api.claim.PolicyIdentity;
import org.qiancheng.api.claim.TraineeOutcome;
import org.qiancheng.api.model.PriorSubsidy;
import org.qiancheng.api.model.ResidentId;
import org.qiancheng.api.model.SkillLevel;
import org.qiancheng.api.model.TargetGroup;
import org.qiancheng.api.workflow.AuditEvent;
import org.qiancheng.api.workflow.Claim;
import org.qiancheng.api.workflow.ClaimStatus;
import org.qiancheng.api.workflow.Disbursement;
import org.qiancheng.api.workflow.Enrolment;
import org.qiancheng.api.workflow.InstalmentKind;
import org.qiancheng.api.workflow.Institution;
import org.qiancheng.api.workflow.InstitutionStatus;
import org.qiancheng.api.workflow.Page;
import org.qiancheng.api.workflow.Project;
import org.qiancheng.api.workflow.Trainee;
import org.qiancheng.api.workflow.TrainingClass;

/**
 * Reads and writes inside one {@link WorkflowStore#transaction}. Inputs are already checked by
 * the kernel; updates name the version the caller read and fail with CONFLICT when it is stale.
 */
@ProviderType
public interface WorkflowTx {

    Institution insertInstitution(String name, String regionCode, InstitutionStatus status, String creditGrade);

    Optional<Institution> institution(long id);

    Page<Institution> institutions(String region, InstitutionStatus status, int offset, int limit);

    Institution updateInstitutionStatus(long id, InstitutionStatus status, long expectedVersion);

    Project insertProject(String regionCode, String name, String occupationCode, SkillLevel level, int headcount,
            String evaluationDirection, String employmentDirection, String wageGuidance);

    Optional<Project> project(long id);

    Page<Project> projects(String region, Boolean published, int offset, int limit);

    Project publishProject(long id, LocalDate on, long expectedVersion);

    TrainingClass insertClass(long projectId, long institutionId, ClassFacts facts, LocalDate filedOn,
            BigDecimal attendanceThreshold);

    Optional<TrainingClass> trainingClass(long id);

    Page<TrainingClass> classes(String region, Long projectId, int offset, int limit);

    /**
     * @param regionPrefix the leading digits of the class regions (e.g. {@code 51} for Sichuan), or
     *     {@code null} for all
     * @return the classes that ended in the period, in id order
     */
    List<TrainingClass> classesEnded(String regionPrefix, LocalDate from, LocalDate to);

    /** @return the classes the trainee is enrolled in */
    List<TrainingClass> classesOf(long traineeId);

    Trainee insertTrainee(ResidentId residentId, String name, Set<TargetGroup> groups, Set<TargetGroup> familyGroups,
            String householdRegion, String residenceRegion, boolean receivesPension);

    Optional<Trainee> trainee(long id);

    Optional<Trainee> traineeByResidentId(ResidentId residentId);

    /** @param regionPrefix household region code prefix, or {@code null} */
    Page<Trainee> trainees(String regionPrefix, int offset, int limit);

    /**
     * Marks the trainee as changed by this transaction, so that two transactions enrolling the same
     * trainee cannot both commit: the second fails with CONFLICT and writes nothing.
     */
    void claimTrainee(long traineeId);

    boolean enrolled(long classId, long traineeId);

    Enrolment insertEnrolment(long classId, long traineeId, LocalDate on, PolicyIdentity checkedBy);

    Page<Enrolment> enrolments(long classId, int offset, int limit);

    Optional<Enrolment> enrolment(long id);

    /** All enrolments of a class, in id order. */
    List<Enrolment> enrolmentsOf(long classId);

    /** Records a check-in day; the same day twice counts once. */
    Enrolment checkIn(long enrolmentId, LocalDate day);

    Enrolment updateOutcome(long enrolmentId, TraineeOutcome outcome, long expectedVersion);

    /**
     * Remembers an idempotency key for a request.
     *
     * @return true the first time; false when the key was used for the same request before
     * @throws org.qiancheng.api.workflow.WorkflowException CONFLICT when it was used for another request
     */
    boolean rememberIdempotencyKey(String key, String request);

    Claim insertClaim(TrainingClass trainingClass, long enrolmentId, long traineeId, ClaimStatus status,
            Decision decision, List<String> findings);

    Optional<Claim> claim(long id);

    List<Claim> claimsOfClass(long classId);

    Page<Claim> claims(Long classId, ClaimStatus status, int offset, int limit);

    /** The trainee's earlier subsidies (claims not rejected), for the policy's caps. */
    List<PriorSubsidy> subsidiesOf(long traineeId);

    Claim updateClaimStatus(long id, ClaimStatus status, String note, long expectedVersion);

    /** Marks the claim as changed by this transaction, so two payments of it cannot both commit. */
    void lockClaim(long claimId);

    List<Disbursement> disbursementsOf(long claimId);

    Disbursement insertDisbursement(long claimId, InstalmentKind kind, BigDecimal amount, LocalDate on);

    /** Appends to the audit trail; {@code before} and {@code after} are records, written as JSON. */
    void audit(java.time.Instant at, String actor, String action, String entity, long entityId, Object before,
            Object after);

    /** The audit trail, newest first. */
    Page<AuditEvent> auditEvents(String entity, Long entityId, int offset, int limit);

    /**
     * Writes what is pending and forgets the records this transaction has read or written, so a
     * long batch does not slow down checking everything it touched at every write. Nothing is
     * committed; records are read again afterwards.
     */
    void release();

    /**
     * Claims decided by a region's own policy for classes starting in [from, to], with ids above
     * {@code afterId}, by id, at most {@code limit}: a page of a scan that any number of claims can take.
     */
    List<Claim> claimsDecidedBy(String regionCode, LocalDate from, LocalDate to, long afterId, int limit);

    /** The settlement runs, in this transaction. */
    SettlementTx settlements();

    /** Freezes the COMPUTED and FLAGGED claims of an institution's classes [K4]; returns how many. */
    int freezeOpenClaims(long institutionId);
}
