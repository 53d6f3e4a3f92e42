package org.qiancheng.core.internal.workflow;

import static org.qiancheng.core.internal.workflow.Checks.invalid;
import static org.qiancheng.core.internal.workflow.Checks.required;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.qiancheng.api.security.RegionScope;
import org.qiancheng.api.claim.ClassFacts;
import org.qiancheng.api.claim.Eligibility;
import org.qiancheng.api.claim.Reason;
import org.qiancheng.api.claim.TraineeFacts;
import org.qiancheng.api.claim.TraineeOutcome;
import org.qiancheng.api.model.EmploymentOutcome;
import org.qiancheng.api.model.LocalizedText;
import org.qiancheng.api.model.PriorSubsidy;
import org.qiancheng.api.model.ResidentId;
import org.qiancheng.api.registry.PolicyRegistry;
import org.qiancheng.api.workflow.Claim;
import org.qiancheng.api.workflow.Drafts.EmploymentDraft;
import org.qiancheng.api.workflow.Drafts.OutcomeDraft;
import org.qiancheng.api.workflow.Enrolment;
import org.qiancheng.api.workflow.Enrolments;
import org.qiancheng.api.workflow.ImportRejectedException;
import org.qiancheng.api.workflow.Page;
import org.qiancheng.api.workflow.RowError;
import org.qiancheng.api.workflow.Trainee;
import org.qiancheng.api.workflow.TrainingClass;
import org.qiancheng.api.workflow.WorkflowException;
import org.qiancheng.api.workflow.WorkflowException.Kind;
import org.qiancheng.persistence.WorkflowStore;
import org.qiancheng.persistence.WorkflowTx;

/**
 * Enrolments (K3, K10 and the policy's eligibility), attendance (K7) and outcomes (K8), each dated
 * against the class period and today.
 */
@Component
public final class EnrolmentService implements Enrolments {

    private static final String READ = "class.read";
    private static final String WRITE = "class.write";

    private final WorkflowStore store;
    private final PolicyRegistry registry;
    private final Clock clock;
    private final Audit audit;

    @Activate
    public EnrolmentService(@Reference WorkflowStore store, @Reference PolicyRegistry registry,
            @Reference Clock clock) {
        this.store = store;
        this.registry = registry;
        this.clock = clock;
        this.audit = new Audit(clock);
    }

    @Override
    public Enrolment enrol(long classId, long traineeId) {
        RegionScope scope = Scope.of(WRITE);
        return store.transaction(tx -> enrolIn(tx, scope, enrollable(tx, scope, classId), traineeId));
    }

    @Override
    public List<Enrolment> importEnrolments(long classId, List<String> idNumbers) {
        RegionScope scope = Scope.of(WRITE);
        return store.transaction(tx -> {
            TrainingClass course = enrollable(tx, scope, classId);
            List<RowError> errors = new ArrayList<>();
            List<Enrolment> enrolled = new ArrayList<>();
            for (int i = 0; i < idNumbers.size(); i++) {
                try {
                    ResidentId id = Checks.residentId("idNumber", idNumbers.get(i), LocalDate.now(clock));
                    Trainee trainee = tx.trainees().byResidentId(id).filter(t -> TraineeService.visible(scope, t))
                            .orElseThrow(() -> invalid("idNumber", "registered", "no trainee with ID " + id.masked()
                                    + " is registered"));
                    enrolled.add(enrolIn(tx, scope, course, trainee.id()));
                } catch (WorkflowException e) {
                    errors.add(new RowError(i + 2, e.field(), e.rule(), e.getMessage()));
                }
            }
            if (!errors.isEmpty()) {
                throw new ImportRejectedException(errors);
            }
            return enrolled;
        });
    }

    @Override
    public Page<Enrolment> enrolments(long classId, int offset, int limit) {
        RegionScope scope = Scope.of(READ);
        Checks.page(offset, limit);
        return store.transaction(tx -> {
            Scope.trainingClass(tx, scope, classId);
            return tx.enrolments().list(classId, offset, limit);
        });
    }

    @Override
    public Enrolment enrolment(long id) {
        RegionScope scope = Scope.of(READ);
        return store.transaction(tx -> Scope.enrolment(tx, scope, id));
    }

    @Override
    public Enrolment checkIn(long enrolmentId, LocalDate day) {
        RegionScope scope = Scope.of(WRITE);
        required("day", day);
        return store.transaction(tx -> {
            Enrolment enrolment = Scope.enrolment(tx, scope, enrolmentId);
            ClassFacts facts = tx.classes().find(enrolment.classId()).orElseThrow().facts();
            TimeRules.checkInDay(facts, enrolment.enrolledOn(), day, LocalDate.now(clock));
            return audit.changed(tx, "checked-in", "enrolment", enrolmentId, enrolment,
                    tx.enrolments().checkIn(enrolmentId, day));
        });
    }

    @Override
    public Enrolment recordOutcome(long enrolmentId, OutcomeDraft draft, long expectedVersion) {
        RegionScope scope = Scope.of(WRITE);
        TraineeOutcome outcome = Outcomes.of(draft);
        return store.transaction(tx -> {
            Enrolment before = Scope.enrolment(tx, scope, enrolmentId);
            ClassFacts facts = tx.classes().find(before.classId()).orElseThrow().facts();
            TimeRules.outcome(before.classId(), facts, outcome, LocalDate.now(clock));
            Optional<Claim> claim = tx.claims().ofEnrolment(enrolmentId, false);
            if (claim.isPresent()) {
                throw conflict(enrolmentId, "报名 " + enrolmentId + " 已按此结果计算补贴申请 " + claim.get().id()
                        + "，结果不再更改；其后取得的就业证明请补录就业", "enrolment " + enrolmentId + " has claim "
                        + claim.get().id() + " decided on this outcome, which no longer changes; record later"
                        + " employment instead");
            }
            return audit.changed(tx, "outcome-recorded", "enrolment", enrolmentId, before,
                    tx.enrolments().recordOutcome(enrolmentId, outcome, expectedVersion));
        });
    }

    @Override
    public Enrolment recordEmployment(long enrolmentId, EmploymentDraft draft) {
        RegionScope scope = Scope.of(WRITE);
        required("employment", draft);
        EmploymentOutcome employment = required("employment", draft.employment());
        if (employment == EmploymentOutcome.NONE) {
            throw invalid("employment", "not:NONE", "must be STABLE, FLEXIBLE or ENTREPRENEURSHIP: the evidence of"
                    + " an employment");
        }
        LocalDate employedOn = required("employedOn", draft.employedOn());
        return store.transaction(tx -> {
            Enrolment before = Scope.enrolment(tx, scope, enrolmentId);
            ClassFacts facts = tx.classes().find(before.classId()).orElseThrow().facts();
            LocalDate today = LocalDate.now(clock);
            TimeRules.laterEmployment(facts, employedOn, today);
            if (tx.claims().ofEnrolment(enrolmentId, false).isEmpty()) {
                throw conflict(enrolmentId, "报名 " + enrolmentId + " 尚无补贴申请，就业结果随结业结果记录",
                        "enrolment " + enrolmentId + " has no claim yet: record the employment with its outcome");
            }
            if (before.outcome().employment() != EmploymentOutcome.NONE) {
                throw conflict(enrolmentId, "报名 " + enrolmentId + " 的就业结果已记录（" + before.outcome().employment()
                        + "），只可补录一次", "enrolment " + enrolmentId + " has its employment recorded already ("
                        + before.outcome().employment() + "); it is recorded once");
            }
            return audit.changed(tx, "employment-recorded", "enrolment", enrolmentId, before,
                    tx.enrolments().recordEmployment(enrolmentId, employment, employedOn, today));
        });
    }

    private static WorkflowException conflict(long enrolmentId, String zh, String en) {
        return new WorkflowException(Kind.CONFLICT, "enrolmentId", KernelRule.K12.id(),
                KernelRule.K12.breach(new LocalizedText(zh, en)));
    }

    /** The class, while it takes enrolments: until it has ended [K10]. */
    private TrainingClass enrollable(WorkflowTx tx, RegionScope scope, long classId) {
        TrainingClass course = Scope.trainingClass(tx, scope, classId);
        TimeRules.enrollable(classId, course.facts(), LocalDate.now(clock));
        return course;
    }

    private Enrolment enrolIn(WorkflowTx tx, RegionScope scope, TrainingClass course, long traineeId) {
        long classId = course.id();
        Trainee trainee = tx.trainees().find(traineeId).filter(t -> TraineeService.visible(scope, t))
                .orElseThrow(() -> invalid("traineeId", "exists", "no trainee " + traineeId));
        if (tx.enrolments().exists(classId, traineeId)) {
            throw new WorkflowException(Kind.CONFLICT, "traineeId", "unique", "trainee " + traineeId
                    + " is enrolled in class " + classId + " already");
        }
        tx.trainees().lock(traineeId);
        for (TrainingClass other : tx.classes().ofTrainee(traineeId)) {
            if (overlap(other.facts(), course.facts())) {
                throw invalid("traineeId", KernelRule.K3.id(), KernelRule.K3.breach("trainee " + traineeId
                        + " is in class " + other.id() + " (" + other.facts().startDate() + ".."
                        + other.facts().endDate() + "), which overlaps"));
            }
        }
        ClassFacts facts = course.facts();
        return InForce.withPolicy(registry, "classId", facts.regionCode(), facts.startDate(), policy -> {
            Eligibility eligibility = policy.eligibility(facts(trainee, tx.claims().subsidiesOf(traineeId)), facts);
            if (!eligibility.eligible()) {
                Reason first = eligibility.reasons().get(0);
                throw invalid("traineeId", first.rule(), String.join("; ", eligibility.reasons().stream()
                        .map(r -> r.text().en() + " " + r.citation()).toList()));
            }
            Enrolment created = tx.enrolments().insert(classId, traineeId, LocalDate.now(clock), policy.identity());
            return audit.created(tx, "enrolment", created.id(), created);
        });
    }

    /** What the policy knows of a trainee at enrolment, with the subsidies stored so far. */
    private static TraineeFacts facts(Trainee trainee, List<PriorSubsidy> prior) {
        return new TraineeFacts(trainee.residentId(), trainee.groups(), trainee.familyGroups(),
                trainee.householdRegion(), trainee.residenceRegion(), trainee.receivesPension(), prior);
    }

    private static boolean overlap(ClassFacts a, ClassFacts b) {
        return !a.startDate().isAfter(b.endDate()) && !b.startDate().isAfter(a.endDate());
    }
}
