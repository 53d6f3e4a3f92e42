package org.qiancheng.api.workflow;

import org.osgi.annotation.versioning.ProviderType;
import org.qiancheng.api.workflow.Drafts.ClassDraft;
import org.qiancheng.api.workflow.Drafts.InstitutionDraft;
import org.qiancheng.api.workflow.Drafts.ProjectDraft;
import org.qiancheng.api.workflow.Drafts.TraineeDraft;

/**
 * The kernel's workflow over its database. Every method either succeeds and writes everything, or
 * throws {@link WorkflowException} and writes nothing. Lists are paged ({@code offset} from 0,
 * {@code limit} 1–500). Provided by the kernel.
 */
@ProviderType
public interface Workflow {

    /** Adds an institution to the directory. */
    Institution createInstitution(InstitutionDraft draft);

    /** @throws WorkflowException NOT_FOUND */
    Institution institution(long id);

    /** @param region a region code, or {@code null}; @param status a status, or {@code null} */
    Page<Institution> institutions(String region, InstitutionStatus status, int offset, int limit);

    /**
     * Changes an institution's standing (e.g. blacklists it [K4]).
     *
     * @param expectedVersion the version the caller read
     * @throws WorkflowException CONFLICT when the institution changed meanwhile
     */
    Institution changeStatus(long id, InstitutionStatus status, long expectedVersion);

    /** Creates an unpublished project; its occupation and level must be in the region's catalogue. */
    Project createProject(ProjectDraft draft);

    /** @throws WorkflowException NOT_FOUND */
    Project project(long id);

    /** @param published {@code null} for both */
    Page<Project> projects(String region, Boolean published, int offset, int limit);

    /** Publishes a project today [SC-2025 §一(三)]. */
    Project publish(long id, long expectedVersion);

    /** Files a class under a published project by an institution that is not blacklisted [K1, K4]. */
    TrainingClass fileClass(ClassDraft draft);

    /** @throws WorkflowException NOT_FOUND */
    TrainingClass trainingClass(long id);

    /** @param projectId {@code null} for all projects */
    Page<TrainingClass> classes(String region, Long projectId, int offset, int limit);

    /** Registers a real-name trainee; an invalid ID is refused and never stored [K2]. */
    Trainee register(TraineeDraft draft);

    /** @throws WorkflowException NOT_FOUND */
    Trainee trainee(long id);

    /** @param region household region prefix, or {@code null} */
    Page<Trainee> trainees(String region, int offset, int limit);

    /**
     * Enrols a trainee in a class: refused when the trainee is in another class whose period
     * overlaps [K3] or when the region's policy finds the trainee ineligible.
     */
    Enrolment enrol(long classId, long traineeId);

    /** The enrolments of a class. */
    Page<Enrolment> enrolments(long classId, int offset, int limit);

    /** @throws WorkflowException NOT_FOUND */
    Enrolment enrolment(long id);

    /** Records a check-in on a class day (once per day counts) [SC-2021 §二(六)]. */
    Enrolment checkIn(long enrolmentId, java.time.LocalDate day);

    /** Records what became of the trainee (assessment, certificate, employment). */
    Enrolment recordOutcome(long enrolmentId, Drafts.OutcomeDraft outcome, long expectedVersion);

    /**
     * Computes and stores the claims of every enrolment of a class that has an outcome and no claim
     * yet, through the policy in force on the class's start date [K1, K5]. Repeating a request with
     * the same idempotency key answers the same claims and computes nothing.
     *
     * @param idempotencyKey the client's key for this request, or {@code null}
     * @return the class's claims after the request
     */
    java.util.List<Claim> computeClaims(long classId, String idempotencyKey);

    /** @throws WorkflowException NOT_FOUND */
    Claim claim(long id);

    /** @param classId {@code null} for all; @param status {@code null} for all */
    Page<Claim> claims(Long classId, ClaimStatus status, int offset, int limit);

    /** Approves or rejects a computed or flagged claim; a rejection needs a reason. */
    Claim review(long claimId, boolean approve, String reason, long expectedVersion);

    /**
     * Pays an instalment of a claim: an advance of the share the claim's decision allows (once,
     * before or after approval, never for a frozen or rejected claim), or the balance of an
     * approved claim (once). The total paid never exceeds the amount. Repeating a request with the
     * same idempotency key answers the same payment.
     *
     * @param idempotencyKey the client's key, or {@code null}
     */
    Disbursement disburse(long claimId, InstalmentKind kind, String idempotencyKey);

    /** The payments of a claim, oldest first. */
    java.util.List<Disbursement> disbursements(long claimId);

    /**
     * Registers many trainees at once: every row is checked as {@link #register} does (and no ID
     * twice in the file); when any row breaks a rule, nothing is imported.
     *
     * @param rows the trainees, the first being line 2 of the file
     * @return the trainees registered, in row order
     * @throws ImportRejectedException listing every broken row
     */
    java.util.List<Trainee> importTrainees(java.util.List<Drafts.TraineeDraft> rows);

    /**
     * Enrols many registered trainees, named by resident ID, in a class at once: every row is
     * checked as {@link #enrol} does; when any row breaks a rule, nothing is enrolled.
     *
     * @param idNumbers resident IDs, the first being line 2 of the file
     * @return the enrolments, in row order
     * @throws ImportRejectedException listing every broken row
     */
    java.util.List<Enrolment> importEnrolments(long classId, java.util.List<String> idNumbers);

    /**
     * The audit trail, newest first.
     *
     * @param entity a kind of record (institution, project, class, trainee, enrolment, claim,
     *     disbursement), or {@code null} for all
     * @param entityId a record's id, or {@code null} for all
     */
    Page<AuditEvent> audit(String entity, Long entityId, int offset, int limit);
}
