package org.qiancheng.core.internal.workflow;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.qiancheng.api.registry.PolicyRegistry;
import org.qiancheng.api.workflow.AuditEvent;
import org.qiancheng.api.workflow.Claim;
import org.qiancheng.api.workflow.ClaimStatus;
import org.qiancheng.api.workflow.Disbursement;
import org.qiancheng.api.workflow.Drafts.ClassDraft;
import org.qiancheng.api.workflow.Drafts.InstitutionDraft;
import org.qiancheng.api.workflow.Drafts.ProjectDraft;
import org.qiancheng.api.workflow.Drafts.TraineeDraft;
import org.qiancheng.api.workflow.Drafts;
import org.qiancheng.api.workflow.Enrolment;
import org.qiancheng.api.workflow.InstalmentKind;
import org.qiancheng.api.workflow.Institution;
import org.qiancheng.api.workflow.InstitutionStatus;
import org.qiancheng.api.workflow.Page;
import org.qiancheng.api.workflow.Project;
import org.qiancheng.api.workflow.Trainee;
import org.qiancheng.api.workflow.TrainingClass;
import org.qiancheng.api.workflow.Workflow;
import org.qiancheng.persistence.WorkflowStore;

/**
 * The workflow with the kernel-wide rules, as one service: checks and writes happen in one
 * transaction, so a refusal writes nothing; regional rules (catalogue, eligibility, amounts) come
 * from the policy in force. The work is done by {@link Directory}, {@link Registrations} and
 * {@link ClaimsDesk}.
 */
@Component
public final class WorkflowService implements Workflow {

    /** The share of class days a trainee attends unless a class says otherwise. */
    static final java.math.BigDecimal DEFAULT_ATTENDANCE = new java.math.BigDecimal("0.80");

    private final Directory directory;
    private final Registrations registrations;
    private final ClaimsDesk claimsDesk;

    @Activate
    public WorkflowService(@Reference WorkflowStore store, @Reference PolicyRegistry registry,
            @Reference Clock clock) {
        Audit audit = new Audit(clock);
        this.directory = new Directory(store, registry, clock, audit);
        this.registrations = new Registrations(store, registry, clock, audit);
        this.claimsDesk = new ClaimsDesk(store, registry, clock, audit);
    }

    @Override
    public Institution createInstitution(InstitutionDraft draft) {
        return directory.createInstitution(draft);
    }

    @Override
    public Institution institution(long id) {
        return directory.institution(id);
    }

    @Override
    public Page<Institution> institutions(String region, InstitutionStatus status, int offset, int limit) {
        return directory.institutions(region, status, offset, limit);
    }

    @Override
    public Institution changeStatus(long id, InstitutionStatus status, long expectedVersion) {
        return directory.changeStatus(id, status, expectedVersion);
    }

    @Override
    public Project createProject(ProjectDraft draft) {
        return directory.createProject(draft);
    }

    @Override
    public Project project(long id) {
        return directory.project(id);
    }

    @Override
    public Page<Project> projects(String region, Boolean published, int offset, int limit) {
        return directory.projects(region, published, offset, limit);
    }

    @Override
    public Project publish(long id, long expectedVersion) {
        return directory.publish(id, expectedVersion);
    }

    @Override
    public TrainingClass fileClass(ClassDraft draft) {
        return directory.fileClass(draft);
    }

    @Override
    public TrainingClass trainingClass(long id) {
        return directory.trainingClass(id);
    }

    @Override
    public Page<TrainingClass> classes(String region, Long projectId, int offset, int limit) {
        return directory.classes(region, projectId, offset, limit);
    }

    @Override
    public Trainee register(TraineeDraft draft) {
        return registrations.register(draft);
    }

    @Override
    public Trainee trainee(long id) {
        return registrations.trainee(id);
    }

    @Override
    public Page<Trainee> trainees(String region, int offset, int limit) {
        return registrations.trainees(region, offset, limit);
    }

    @Override
    public Enrolment enrol(long classId, long traineeId) {
        return registrations.enrol(classId, traineeId);
    }

    @Override
    public Page<Enrolment> enrolments(long classId, int offset, int limit) {
        return registrations.enrolments(classId, offset, limit);
    }

    @Override
    public Enrolment enrolment(long id) {
        return registrations.enrolment(id);
    }

    @Override
    public Enrolment checkIn(long enrolmentId, LocalDate day) {
        return registrations.checkIn(enrolmentId, day);
    }

    @Override
    public Enrolment recordOutcome(long enrolmentId, Drafts.OutcomeDraft draft, long expectedVersion) {
        return registrations.recordOutcome(enrolmentId, draft, expectedVersion);
    }

    @Override
    public List<Claim> computeClaims(long classId, String idempotencyKey) {
        return claimsDesk.computeClaims(classId, idempotencyKey);
    }

    @Override
    public Claim claim(long id) {
        return claimsDesk.claim(id);
    }

    @Override
    public Page<Claim> claims(Long classId, ClaimStatus status, int offset, int limit) {
        return claimsDesk.claims(classId, status, offset, limit);
    }

    @Override
    public Claim review(long claimId, boolean approve, String reason, long expectedVersion) {
        return claimsDesk.review(claimId, approve, reason, expectedVersion);
    }

    @Override
    public Disbursement disburse(long claimId, InstalmentKind kind, String idempotencyKey) {
        return claimsDesk.disburse(claimId, kind, idempotencyKey);
    }

    @Override
    public List<Disbursement> disbursements(long claimId) {
        return claimsDesk.disbursements(claimId);
    }

    @Override
    public List<Trainee> importTrainees(List<TraineeDraft> rows) {
        return registrations.importTrainees(rows);
    }

    @Override
    public List<Enrolment> importEnrolments(long classId, List<String> idNumbers) {
        return registrations.importEnrolments(classId, idNumbers);
    }

    @Override
    public Page<AuditEvent> audit(String entity, Long entityId, int offset, int limit) {
        return claimsDesk.audit(entity, entityId, offset, limit);
    }
}
