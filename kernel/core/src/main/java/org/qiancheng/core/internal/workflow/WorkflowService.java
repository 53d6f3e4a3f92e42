package org.qiancheng.core.internal.workflow;

import static org.qiancheng.core.internal.workflow.Checks.invalid;
import static org.qiancheng.core.internal.workflow.Checks.required;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.qiancheng.api.catalog.Catalog;
import org.qiancheng.api.claim.ClassFacts;
import org.qiancheng.api.claim.Eligibility;
import org.qiancheng.api.claim.Reason;
import org.qiancheng.api.claim.TraineeFacts;
import org.qiancheng.api.claim.TraineeOutcome;
import org.qiancheng.api.model.InvalidResidentIdException;
import org.qiancheng.api.model.ResidentId;
import org.qiancheng.api.model.TargetGroup;
import org.qiancheng.api.model.TrainingKind;
import org.qiancheng.api.registry.NoPolicyException;
import org.qiancheng.api.registry.PolicyRegistry;
import org.qiancheng.api.registry.PolicySnapshot;
import org.qiancheng.api.workflow.Drafts.ClassDraft;
import org.qiancheng.api.workflow.Drafts.InstitutionDraft;
import org.qiancheng.api.workflow.Drafts.ProjectDraft;
import org.qiancheng.api.workflow.Drafts.TraineeDraft;
import org.qiancheng.api.workflow.AuditEvent;
import org.qiancheng.api.workflow.Claim;
import org.qiancheng.api.workflow.ClaimStatus;
import org.qiancheng.api.workflow.Drafts;
import org.qiancheng.api.workflow.Disbursement;
import org.qiancheng.api.workflow.Enrolment;
import org.qiancheng.api.workflow.InstalmentKind;
import org.qiancheng.api.workflow.Institution;
import org.qiancheng.api.workflow.InstitutionStatus;
import org.qiancheng.api.workflow.Page;
import org.qiancheng.api.workflow.Project;
import org.qiancheng.api.workflow.Trainee;
import org.qiancheng.api.workflow.TrainingClass;
import org.qiancheng.api.workflow.Workflow;
import org.qiancheng.api.workflow.WorkflowException;
import org.qiancheng.api.workflow.WorkflowException.Kind;
import org.qiancheng.persistence.WorkflowStore;

/**
 * The workflow with the kernel-wide rules: checks and writes happen in one transaction, so a
 * refusal writes nothing. Regional rules (catalogue, eligibility) come from the policy in force.
 */
@Component
public final class WorkflowService implements Workflow {

    /** The share of class days a trainee attends unless a class says otherwise. */
    static final java.math.BigDecimal DEFAULT_ATTENDANCE = new java.math.BigDecimal("0.80");

    private final WorkflowStore store;
    private final PolicyRegistry registry;
    private final Clock clock;
    private final ClaimComputation claims;
    private final Audit audit;

    @Activate
    public WorkflowService(@Reference WorkflowStore store, @Reference PolicyRegistry registry,
            @Reference Clock clock) {
        this.store = store;
        this.registry = registry;
        this.clock = clock;
        this.audit = new Audit(clock);
        this.claims = new ClaimComputation(registry, audit);
    }

    @Override
    public Institution createInstitution(InstitutionDraft draft) {
        String name = Checks.text("name", draft.name(), 200);
        String region = Checks.region("regionCode", draft.regionCode());
        InstitutionStatus status = draft.status() == null ? InstitutionStatus.LISTED : draft.status();
        String grade = Checks.optionalText("creditGrade", draft.creditGrade(), 10);
        return store.transaction(tx -> {
            Institution created = tx.insertInstitution(name, region, status, grade);
            return audit.created(tx, "institution", created.id(), created);
        });
    }

    @Override
    public Institution institution(long id) {
        return store.transaction(tx -> tx.institution(id)).orElseThrow(() -> notFound("institution", id));
    }

    @Override
    public Page<Institution> institutions(String region, InstitutionStatus status, int offset, int limit) {
        Checks.page(offset, limit);
        return store.transaction(tx -> tx.institutions(region, status, offset, limit));
    }

    @Override
    public Institution changeStatus(long id, InstitutionStatus status, long expectedVersion) {
        required("status", status);
        return store.transaction(tx -> {
            Institution before = tx.institution(id).orElseThrow(() -> notFound("institution", id));
            Institution changed = audit.changed(tx, "status-changed", "institution", id, before,
                    tx.updateInstitutionStatus(id, status, expectedVersion));
            if (status == InstitutionStatus.BLACKLISTED) {
                int frozen = tx.freezeOpenClaims(id);
                audit.changed(tx, "claims-frozen", "institution", id, null, java.util.Map.of("frozenClaims", frozen));
            }
            return changed;
        });
    }

    @Override
    public Project createProject(ProjectDraft draft) {
        String region = Checks.region("regionCode", draft.regionCode());
        String name = Checks.text("name", draft.name(), 200);
        String occupation = Checks.text("occupationCode", draft.occupationCode(), 20);
        required("level", draft.level());
        int headcount = Checks.atLeast("headcount", draft.headcount(), 1);
        LocalDate today = LocalDate.now(clock);
        Catalog catalog = withPolicy("regionCode", region, today, policy -> policy.catalog(today));
        if (catalog.occupation(occupation).isEmpty()) {
            throw invalid("occupationCode", "catalog", "occupation " + occupation + " is not in the catalogue of "
                    + region + " on " + today);
        }
        if (!catalog.offers(occupation, draft.level())) {
            throw invalid("level", "catalog", "occupation " + occupation + " is not trained at " + draft.level());
        }
        String evaluation = Checks.optionalText("evaluationDirection", draft.evaluationDirection(), 500);
        String employment = Checks.optionalText("employmentDirection", draft.employmentDirection(), 500);
        String wage = Checks.optionalText("wageGuidance", draft.wageGuidance(), 200);
        return store.transaction(tx -> {
            Project created = tx.insertProject(region, name, occupation, draft.level(), headcount, evaluation,
                    employment, wage);
            return audit.created(tx, "project", created.id(), created);
        });
    }

    @Override
    public Project project(long id) {
        return store.transaction(tx -> tx.project(id)).orElseThrow(() -> notFound("project", id));
    }

    @Override
    public Page<Project> projects(String region, Boolean published, int offset, int limit) {
        Checks.page(offset, limit);
        return store.transaction(tx -> tx.projects(region, published, offset, limit));
    }

    @Override
    public Project publish(long id, long expectedVersion) {
        return store.transaction(tx -> {
            Project project = tx.project(id).orElseThrow(() -> notFound("project", id));
            if (project.published()) {
                throw new WorkflowException(Kind.CONFLICT, "publishedOn", "published",
                        "project " + id + " was published on " + project.publishedOn());
            }
            return audit.changed(tx, "published", "project", id, project,
                    tx.publishProject(id, LocalDate.now(clock), expectedVersion));
        });
    }

    @Override
    public TrainingClass fileClass(ClassDraft draft) {
        long projectId = required("projectId", draft.projectId());
        long institutionId = required("institutionId", draft.institutionId());
        String region = Checks.region("regionCode", draft.regionCode());
        required("mode", draft.mode());
        LocalDate start = required("startDate", draft.startDate());
        LocalDate end = required("endDate", draft.endDate());
        if (end.isBefore(start)) {
            throw invalid("endDate", "not-before:startDate", "must not be before startDate " + start);
        }
        int hours = Checks.atLeast("hours", draft.hours(), 1);
        java.math.BigDecimal threshold = draft.attendanceThreshold() == null ? DEFAULT_ATTENDANCE
                : Checks.share("attendanceThreshold", draft.attendanceThreshold());
        TrainingKind kind = draft.kind() == null ? TrainingKind.GENERAL : draft.kind();
        return store.transaction(tx -> {
            Project project = tx.project(projectId).orElseThrow(() -> invalid("projectId", "exists",
                    "no project " + projectId));
            if (!project.published()) {
                throw invalid("projectId", "K1", "project " + projectId + " is not published: unpublished projects"
                        + " get no subsidy [SC-2025 §一(三)]");
            }
            if (!Checks.within(region, project.regionCode())) {
                throw invalid("regionCode", "within-project-region", region + " is not in the project's region "
                        + project.regionCode());
            }
            Institution institution = tx.institution(institutionId).orElseThrow(() -> invalid("institutionId",
                    "exists", "no institution " + institutionId));
            if (institution.status() == InstitutionStatus.BLACKLISTED) {
                throw invalid("institutionId", "K4", "institution " + institutionId + " is blacklisted and cannot"
                        + " file classes [SC-2025 §三(十)]");
            }
            ClassFacts facts = new ClassFacts(region, project.occupationCode(), project.level(), draft.mode(), kind,
                    start, end, hours);
            // the catalogue that counts is the one in force when the class starts
            Catalog catalog = withPolicy("regionCode", region, start, policy -> policy.catalog(start));
            if (!catalog.offers(facts.occupationCode(), facts.level())) {
                throw invalid("startDate", "catalog", "on " + start + " the catalogue of " + catalog.regionCode()
                        + " does not offer " + facts.occupationCode() + " at " + facts.level());
            }
            TrainingClass filed = tx.insertClass(projectId, institutionId, facts, LocalDate.now(clock), threshold);
            return audit.created(tx, "class", filed.id(), filed);
        });
    }

    @Override
    public TrainingClass trainingClass(long id) {
        return store.transaction(tx -> tx.trainingClass(id)).orElseThrow(() -> notFound("class", id));
    }

    @Override
    public Page<TrainingClass> classes(String region, Long projectId, int offset, int limit) {
        Checks.page(offset, limit);
        return store.transaction(tx -> tx.classes(region, projectId, offset, limit));
    }

    @Override
    public Trainee register(TraineeDraft draft) {
        ResidentId id;
        try {
            id = ResidentId.parse(required("idNumber", draft.idNumber()), LocalDate.now(clock));
        } catch (InvalidResidentIdException e) {
            throw invalid("idNumber", "gb11643:" + e.rule(), e.getMessage());
        }
        String name = Checks.text("name", draft.name(), 100);
        String household = draft.householdRegion() == null ? id.regionCode()
                : Checks.region("householdRegion", draft.householdRegion());
        String residence = draft.residenceRegion() == null ? household
                : Checks.region("residenceRegion", draft.residenceRegion());
        Set<TargetGroup> groups = draft.groups() == null ? Set.of() : draft.groups();
        Set<TargetGroup> family = draft.familyGroups() == null ? Set.of() : draft.familyGroups();
        boolean pension = Boolean.TRUE.equals(draft.receivesPension());
        return store.transaction(tx -> {
            if (tx.traineeByResidentId(id).isPresent()) {
                throw new WorkflowException(Kind.CONFLICT, "idNumber", "unique", "a trainee with ID " + id.masked()
                        + " is registered already");
            }
            Trainee created = tx.insertTrainee(id, name, groups, family, household, residence, pension);
            return audit.created(tx, "trainee", created.id(), created);
        });
    }

    @Override
    public Trainee trainee(long id) {
        return store.transaction(tx -> tx.trainee(id)).orElseThrow(() -> notFound("trainee", id));
    }

    @Override
    public Page<Trainee> trainees(String region, int offset, int limit) {
        Checks.page(offset, limit);
        return store.transaction(tx -> tx.trainees(region, offset, limit));
    }

    @Override
    public Enrolment enrol(long classId, long traineeId) {
        return store.transaction(tx -> {
            TrainingClass course = tx.trainingClass(classId).orElseThrow(() -> notFound("class", classId));
            Trainee trainee = tx.trainee(traineeId).orElseThrow(() -> invalid("traineeId", "exists",
                    "no trainee " + traineeId));
            if (tx.enrolled(classId, traineeId)) {
                throw new WorkflowException(Kind.CONFLICT, "traineeId", "unique", "trainee " + traineeId
                        + " is enrolled in class " + classId + " already");
            }
            tx.claimTrainee(traineeId);
            for (TrainingClass other : tx.classesOf(traineeId)) {
                if (overlap(other.facts(), course.facts())) {
                    throw invalid("traineeId", "K3", "trainee " + traineeId + " is in class " + other.id() + " ("
                            + other.facts().startDate() + ".." + other.facts().endDate() + "), which overlaps"
                            + " [SC-2025 §三(十)]");
                }
            }
            ClassFacts facts = course.facts();
            return withPolicy("classId", facts.regionCode(), facts.startDate(), policy -> {
                Eligibility eligibility = policy.eligibility(facts(trainee, tx.subsidiesOf(traineeId)), facts);
                if (!eligibility.eligible()) {
                    Reason first = eligibility.reasons().get(0);
                    throw invalid("traineeId", first.rule(), String.join("; ", eligibility.reasons().stream()
                            .map(r -> r.text().en() + " " + r.citation()).toList()));
                }
                Enrolment created = tx.insertEnrolment(classId, traineeId, LocalDate.now(clock), policy.identity());
                return audit.created(tx, "enrolment", created.id(), created);
            });
        });
    }

    @Override
    public Page<Enrolment> enrolments(long classId, int offset, int limit) {
        Checks.page(offset, limit);
        return store.transaction(tx -> {
            tx.trainingClass(classId).orElseThrow(() -> notFound("class", classId));
            return tx.enrolments(classId, offset, limit);
        });
    }

    @Override
    public Enrolment enrolment(long id) {
        return store.transaction(tx -> tx.enrolment(id)).orElseThrow(() -> notFound("enrolment", id));
    }

    @Override
    public Enrolment checkIn(long enrolmentId, LocalDate day) {
        required("day", day);
        return store.transaction(tx -> {
            Enrolment enrolment = tx.enrolment(enrolmentId).orElseThrow(() -> notFound("enrolment", enrolmentId));
            ClassFacts facts = tx.trainingClass(enrolment.classId()).orElseThrow().facts();
            if (day.isBefore(facts.startDate()) || day.isAfter(facts.endDate())) {
                throw invalid("day", "within-class", day + " is not a day of the class (" + facts.startDate() + ".."
                        + facts.endDate() + ")");
            }
            return audit.changed(tx, "checked-in", "enrolment", enrolmentId, enrolment, tx.checkIn(enrolmentId, day));
        });
    }

    @Override
    public Enrolment recordOutcome(long enrolmentId, Drafts.OutcomeDraft draft, long expectedVersion) {
        TraineeOutcome outcome = Outcomes.of(draft);
        return store.transaction(tx -> {
            Enrolment before = tx.enrolment(enrolmentId).orElseThrow(() -> notFound("enrolment", enrolmentId));
            return audit.changed(tx, "outcome-recorded", "enrolment", enrolmentId, before,
                    tx.updateOutcome(enrolmentId, outcome, expectedVersion));
        });
    }

    @Override
    public List<Claim> computeClaims(long classId, String idempotencyKey) {
        String key = idempotencyKey == null || idempotencyKey.isBlank() ? null
                : Checks.text("Idempotency-Key", idempotencyKey, 200);
        return store.transaction(tx -> {
            TrainingClass course = tx.trainingClass(classId).orElseThrow(() -> notFound("class", classId));
            if (key != null && !tx.rememberIdempotencyKey(key, "claims of class " + classId)) {
                return tx.claimsOfClass(classId);
            }
            return claims.compute(tx, course);
        });
    }

    @Override
    public Claim claim(long id) {
        return store.transaction(tx -> tx.claim(id)).orElseThrow(() -> notFound("claim", id));
    }

    @Override
    public Page<Claim> claims(Long classId, ClaimStatus status, int offset, int limit) {
        Checks.page(offset, limit);
        return store.transaction(tx -> tx.claims(classId, status, offset, limit));
    }

    @Override
    public Claim review(long claimId, boolean approve, String reason, long expectedVersion) {
        String note = Checks.optionalText("reason", reason, 1000);
        return store.transaction(tx -> {
            Claim claim = tx.claim(claimId).orElseThrow(() -> notFound("claim", claimId));
            if (claim.status() != ClaimStatus.COMPUTED && claim.status() != ClaimStatus.FLAGGED) {
                throw new WorkflowException(Kind.CONFLICT, "status", "reviewable", "claim " + claimId + " is "
                        + claim.status() + "; only COMPUTED and FLAGGED claims are reviewed");
            }
            if (note == null && (!approve || claim.status() == ClaimStatus.FLAGGED)) {
                throw invalid("reason", "required", approve ? "approving a flagged claim needs a reason"
                        : "a rejection needs a reason");
            }
            return audit.changed(tx, approve ? "approved" : "rejected", "claim", claimId, claim,
                    tx.updateClaimStatus(claimId, approve ? ClaimStatus.APPROVED : ClaimStatus.REJECTED, note,
                            expectedVersion));
        });
    }

    @Override
    public Disbursement disburse(long claimId, InstalmentKind kind, String idempotencyKey) {
        required("kind", kind);
        String key = idempotencyKey == null || idempotencyKey.isBlank() ? null
                : Checks.text("Idempotency-Key", idempotencyKey, 200);
        return store.transaction(tx -> {
            Claim claim = tx.claim(claimId).orElseThrow(() -> notFound("claim", claimId));
            if (key != null && !tx.rememberIdempotencyKey(key, kind + " of claim " + claimId)) {
                return tx.disbursementsOf(claimId).stream().filter(d -> d.kind() == kind).findFirst().orElseThrow();
            }
            Disbursement paid = Payments.pay(tx, claim, kind, LocalDate.now(clock));
            return audit.created(tx, "disbursement", paid.id(), paid);
        });
    }

    @Override
    public List<Disbursement> disbursements(long claimId) {
        return store.transaction(tx -> {
            tx.claim(claimId).orElseThrow(() -> notFound("claim", claimId));
            return tx.disbursementsOf(claimId);
        });
    }

    @Override
    public Page<AuditEvent> audit(String entity, Long entityId, int offset, int limit) {
        Checks.page(offset, limit);
        return store.transaction(tx -> tx.auditEvents(entity, entityId, offset, limit));
    }

    /** What the policy knows of a trainee at enrolment, with the subsidies stored so far. */
    private static TraineeFacts facts(Trainee trainee, List<org.qiancheng.api.model.PriorSubsidy> prior) {
        return new TraineeFacts(trainee.residentId(), trainee.groups(), trainee.familyGroups(),
                trainee.householdRegion(), trainee.residenceRegion(), trainee.receivesPension(), prior);
    }

    private static boolean overlap(ClassFacts a, ClassFacts b) {
        return !a.startDate().isAfter(b.endDate()) && !b.startDate().isAfter(a.endDate());
    }

    private <T> T withPolicy(String field, String region, LocalDate day, Function<PolicySnapshot, T> use) {
        try (PolicySnapshot policy = registry.acquire(region, day)) {
            return use.apply(policy);
        } catch (NoPolicyException e) {
            throw invalid(field, "policy-in-force", e.getMessage());
        }
    }

    private static WorkflowException notFound(String what, long id) {
        return new WorkflowException(Kind.NOT_FOUND, "id", "exists", "no " + what + " " + id);
    }
}
