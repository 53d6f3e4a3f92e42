package org.qiancheng.core.internal.workflow;

import static org.qiancheng.core.internal.workflow.Checks.invalid;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.stream.Collectors;
import org.qiancheng.api.workflow.Operators;
import org.qiancheng.api.claim.ClaimInput;
import org.qiancheng.api.claim.ClassResults;
import org.qiancheng.api.claim.Decision;
import org.qiancheng.api.claim.Reason;
import org.qiancheng.api.claim.TraineeFacts;
import org.qiancheng.api.model.LocalizedText;
import org.qiancheng.api.model.PriorSubsidy;
import org.qiancheng.api.registry.NoPolicyException;
import org.qiancheng.api.registry.PolicyRegistry;
import org.qiancheng.api.registry.PolicySnapshot;
import org.qiancheng.api.workflow.Claim;
import org.qiancheng.api.workflow.ClaimStatus;
import org.qiancheng.api.workflow.Enrolment;
import org.qiancheng.api.workflow.InstitutionStatus;
import org.qiancheng.api.workflow.Survey;
import org.qiancheng.api.workflow.Trainee;
import org.qiancheng.api.workflow.TrainingClass;
import org.qiancheng.api.workflow.WorkflowException;
import org.qiancheng.api.workflow.WorkflowException.Kind;
import org.qiancheng.persistence.ClaimTx;
import org.qiancheng.persistence.EncodedDecision;
import org.qiancheng.persistence.WorkflowStore;
import org.qiancheng.persistence.WorkflowTx;

/**
 * Computes the claims of one class inside one transaction: K1 (filed before its start, under a
 * published project), K9 (the class has ended by today), the policy in force on the start date
 * deciding each trainee with the trainee's earlier subsidies, the kernel's attendance check, and K4
 * (frozen when the institution is blacklisted). Enrolments that already have a claim are skipped,
 * so repeating adds nothing; an enrolment whose employment evidence arrived after its claim gets its
 * top-up once [K12]. Used for one class on request and for many in a settlement batch.
 */
final class ClaimComputation {

    private final PolicyRegistry registry;
    private final WorkflowStore store;
    private final Audit audit;
    private final Clock clock;

    ClaimComputation(PolicyRegistry registry, WorkflowStore store, Audit audit, Clock clock) {
        this.registry = registry;
        this.store = store;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Stores the claims due for a class and answers all its claims; a K1 breach is an INVALID error,
     * a class that has not ended [K9] a CONFLICT.
     */
    List<Claim> compute(WorkflowTx tx, TrainingClass course) {
        Rosters rosters = rosters(tx, List.of(course));
        if (rosters.of(course).refusal() != null) {
            throw rosters.of(course).refusal();
        }
        try (PolicySnapshots policies = new PolicySnapshots(registry)) {
            store(tx, read(tx, rosters, course, policies, Set.of(), Runnable::run).orElseThrow());
            computeTopUps(tx, course, policies);
        } catch (NoPolicyException e) {
            throw invalid("classId", "policy-in-force", e.getMessage());
        }
        return tx.claims().ofClass(course.id());
    }

    /** The {@link Rosters} of classes, read in {@code tx}. */
    Rosters rosters(WorkflowTx tx, List<TrainingClass> classes) {
        return Rosters.read(tx, classes, this::refusal);
    }

    /**
     * Why no claim can be made for a class at all [K1, K9], or empty when claims can be made. Filing
     * refuses a late class already; the check stays because rows can arrive by other paths.
     */
    private Optional<WorkflowException> refusal(TrainingClass course, boolean published) {
        if (!published) {
            return Optional.of(k1(new LocalizedText("班级所属项目未公布", "the class's project is not published")));
        }
        if (!course.filedBeforeStart()) {
            return Optional.of(k1(new LocalizedText("班级于 " + course.filedOn() + " 备案，不在开班日期 "
                    + course.facts().startDate() + " 之前", "the class was filed on " + course.filedOn()
                    + ", not before its start " + course.facts().startDate())));
        }
        try {
            TimeRules.claimable(course.id(), course.facts(), LocalDate.now(clock));
        } catch (WorkflowException notEnded) {
            return Optional.of(notEnded);
        }
        return Optional.empty();
    }

    private static WorkflowException k1(LocalizedText what) {
        return new WorkflowException(Kind.INVALID, "classId", KernelRule.K1.id(), KernelRule.K1.breach(what));
    }

    /**
     * A class's enrolments that are due, read, with their decisions under way: {@link #store} waits for
     * them and writes the claims.
     */
    static final class Due {

        private final TrainingClass course;
        private final List<Enrolment> enrolments;
        private final Set<Long> trainees;
        private final boolean frozen;
        private final CompletableFuture<List<EncodedDecision>> decisions;

        private Due(TrainingClass course, List<Enrolment> enrolments, boolean frozen,
                CompletableFuture<List<EncodedDecision>> decisions) {
            this.course = course;
            this.enrolments = enrolments;
            this.trainees = enrolments.stream().map(Enrolment::traineeId).collect(Collectors.toSet());
            this.frozen = frozen;
            this.decisions = decisions;
        }

        /** @return the trainees whose claims this class will store: their earlier subsidies change then */
        Set<Long> trainees() {
            return trainees;
        }
    }

    /**
     * Reads what a class's due claims need beyond its roster, the trainees' earlier subsidies, and
     * starts deciding them on {@code deciding}, so that a settlement can read the next class meanwhile.
     * Empty when a due trainee is among {@code unsettled}, the trainees of a class read but not stored
     * yet: that trainee's earlier subsidies are read only once that class is stored (a policy's caps
     * count them). Stores nothing, and whether it may be stored is the caller's check (the roster's
     * refusal).
     *
     * @throws NoPolicyException when no policy is in force for the class's region and start date
     */
    Optional<Due> read(WorkflowTx tx, Rosters rosters, TrainingClass course, PolicySnapshots policies,
            Set<Long> unsettled, Executor deciding) throws NoPolicyException {
        Rosters.Roster roster = rosters.of(course);
        List<Enrolment> due = roster.due();
        if (due.isEmpty()) {
            return Optional.of(new Due(course, due, false, CompletableFuture.completedFuture(List.of())));
        }
        if (due.stream().anyMatch(e -> unsettled.contains(e.traineeId()))) {
            return Optional.empty();
        }
        ClassResults results = results(roster.enrolments(), roster.survey());
        // the class's earlier subsidies in one reading, not one per trainee
        List<Long> traineeIds = due.stream().map(Enrolment::traineeId).toList();
        Map<Long, List<PriorSubsidy>> earlier = tx.claims().subsidiesOf(traineeIds);
        List<ClaimInput> inputs = new ArrayList<>(due.size());
        for (Enrolment enrolment : due) {
            Trainee trainee = rosters.trainee(enrolment.traineeId());
            TraineeFacts facts = new TraineeFacts(trainee.residentId(), trainee.groups(), trainee.familyGroups(),
                    trainee.householdRegion(), trainee.residenceRegion(), trainee.receivesPension(),
                    earlier.get(trainee.id()));
            inputs.add(new ClaimInput(course.facts(), results, facts, enrolment.outcome()));
        }
        PolicySnapshot policy = policies.forClass(course.facts().regionCode(), course.facts().startDate());
        // encoded where they are decided: the thread that stores them reads the next class meanwhile
        return Optional.of(new Due(course, due, roster.frozen(), CompletableFuture.supplyAsync(
                () -> decideAll(policy, course, inputs).stream().map(store::encode).toList(), deciding)));
    }

    /**
     * Waits for a class's decisions and stores its claims; every decision first, so a policy that fails
     * leaves nothing of the class written.
     *
     * @throws PolicyFailure when the policy failed on one of the class's trainees
     */
    List<Claim> store(WorkflowTx tx, Due read) {
        if (read.enrolments.isEmpty()) {
            return List.of();
        }
        List<EncodedDecision> decisions;
        try {
            decisions = read.decisions.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw e;
        }
        List<ClaimTx.NewClaim> claims = new ArrayList<>(read.enrolments.size());
        for (int i = 0; i < read.enrolments.size(); i++) {
            Enrolment enrolment = read.enrolments.get(i);
            EncodedDecision encoded = decisions.get(i);
            Decision decision = encoded.decision();
            List<String> findings = new ArrayList<>(attendance(read.course, enrolment));
            if (!decision.result().eligibility().eligible()) {
                findings.add(refusal(decision));
            }
            claims.add(new ClaimTx.NewClaim(enrolment.id(), enrolment.traineeId(),
                    status(decision, findings, read.frozen), encoded, findings));
        }
        List<Claim> stored = tx.claims().insertAll(read.course, claims, Operators.current());
        for (Claim claim : stored) {
            audit.created(tx, "claim", claim.id(), ClaimAuditEntry.of(claim));
        }
        return stored;
    }

    /**
     * Stores the top-ups due for a class [K12]: each enrolment whose employment evidence was recorded
     * after its claim, decided again by the version that decided the claim.
     */
    List<Claim> computeTopUps(WorkflowTx tx, TrainingClass course, PolicySnapshots policies)
            throws NoPolicyException {
        List<Claim> stored = new ArrayList<>();
        for (Enrolment enrolment : tx.enrolments().ofClass(course.id())) {
            topUp(tx, course, enrolment, policies).ifPresent(stored::add);
        }
        return stored;
    }

    /**
     * The top-up of one enrolment, stored, when one is due: employment evidence recorded after the
     * claim, the claim not refused, no top-up yet, and the same version deciding more with the new
     * outcome than it did without. Everything else the policy saw stays as it was (the class's
     * results, the trainee's earlier subsidies), so the difference is the evidence's alone.
     *
     * @throws NoPolicyException when the version that decided the claim is no longer installed as it was
     */
    Optional<Claim> topUp(WorkflowTx tx, TrainingClass course, Enrolment enrolment, PolicySnapshots policies)
            throws NoPolicyException {
        if (enrolment.employmentRecordedOn() == null || tx.claims().ofEnrolment(enrolment.id(), true).isPresent()) {
            return Optional.empty();
        }
        Optional<Claim> found = tx.claims().ofEnrolment(enrolment.id(), false);
        if (found.isEmpty() || found.get().status() == ClaimStatus.REJECTED) {
            return Optional.empty();
        }
        Claim original = found.get();
        ClaimInput before = original.decision().input();
        PolicySnapshot policy = policies.forDecision(original.decision().policy());
        Decision decision = decide(policy, course, new ClaimInput(before.classFacts(), before.results(),
                before.trainee(), enrolment.outcome()));
        BigDecimal difference = decision.amount().subtract(original.amount());
        if (!decision.result().eligibility().eligible() || difference.signum() <= 0) {
            return Optional.empty();
        }
        ClaimStatus status = status(decision, List.of(), blacklisted(tx, course.institutionId()));
        Claim claim = tx.claims().insertTopUp(course, original, status, decision, difference, List.of(),
                Operators.current());
        audit.created(tx, "claim", claim.id(), ClaimAuditEntry.of(claim));
        return Optional.of(claim);
    }

    /** K4: whether the institution is blacklisted; its claims are frozen. */
    static boolean blacklisted(WorkflowTx tx, long institutionId) {
        return tx.institutions().find(institutionId).orElseThrow().status() == InstitutionStatus.BLACKLISTED;
    }

    /** A class's decisions in calls of at most {@value #DECIDED_AT_ONCE}, each under the version's time limit. */
    private static List<Decision> decideAll(PolicySnapshot policy, TrainingClass course, List<ClaimInput> inputs) {
        List<Decision> decisions = new ArrayList<>(inputs.size());
        for (int from = 0; from < inputs.size(); from += DECIDED_AT_ONCE) {
            List<ClaimInput> some = inputs.subList(from, Math.min(inputs.size(), from + DECIDED_AT_ONCE));
            try {
                decisions.addAll(policy.decideAll(some));
            } catch (RuntimeException e) {
                throw new PolicyFailure("the policy " + policy.identity().regionCode() + " "
                        + policy.identity().version() + " failed on class " + course.id() + ": " + e, e);
            }
        }
        return decisions;
    }

    private static final int DECIDED_AT_ONCE = 200;

    private static Decision decide(PolicySnapshot policy, TrainingClass course, ClaimInput input) {
        try {
            return policy.decide(input);
        } catch (RuntimeException e) {
            throw new PolicyFailure("the policy " + policy.identity().regionCode() + " "
                    + policy.identity().version() + " failed on class " + course.id() + ": " + e, e);
        }
    }

    private static ClaimStatus status(Decision decision, List<String> findings, boolean frozen) {
        if (!decision.result().eligibility().eligible()) {
            return ClaimStatus.REJECTED;
        }
        if (frozen) {
            return ClaimStatus.FROZEN;
        }
        return findings.isEmpty() && decision.result().flags().isEmpty() ? ClaimStatus.COMPUTED : ClaimStatus.FLAGGED;
    }

    /** Below the class's threshold, the claim goes to a reviewer (考勤 as evidence of real training). */
    private static List<String> attendance(TrainingClass course, Enrolment enrolment) {
        BigDecimal rate = BigDecimal.valueOf(enrolment.attendedDays())
                .divide(BigDecimal.valueOf(course.days()), 4, RoundingMode.HALF_UP);
        if (rate.compareTo(course.attendanceThreshold()) >= 0) {
            return List.of();
        }
        String attended = rate.movePointRight(2).stripTrailingZeros().toPlainString() + "%";
        String threshold = course.attendanceThreshold().movePointRight(2).stripTrailingZeros().toPlainString() + "%";
        return List.of(bilingual("出勤 " + enrolment.attendedDays() + "/" + course.days() + " 天（" + attended
                + "），低于本班要求的 " + threshold, "attendance " + enrolment.attendedDays() + " of " + course.days()
                + " days (" + attended + ") is below the class's threshold " + threshold));
    }

    /**
     * A finding as operators read it, Chinese then English, joined by {@value #BETWEEN}: the console shows
     * the part of the user's language, an export or a log both.
     */
    static String bilingual(String zh, String en) {
        return zh + BETWEEN + en;
    }

    /** What separates the Chinese and the English of a finding. */
    static final String BETWEEN = " · ";

    /** The class's results from every enrolment whose outcome is recorded, and its survey. */
    private static ClassResults results(List<Enrolment> enrolments, Optional<Survey> survey) {
        return Results.of(enrolments.size(), enrolments.stream().map(Enrolment::outcome).filter(o -> o != null)
                .toList(), survey);
    }

    /** The policy's reasons for a refusal, cited, on one line. */
    private static String refusal(Decision decision) {
        List<Reason> reasons = decision.result().eligibility().reasons();
        return bilingual("政策不予补贴：" + reasons.stream().map(r -> r.rule() + " " + r.text().zh() + " " + r.citation())
                .collect(Collectors.joining("；")), "refused by the policy: " + reasons.stream().map(Reason::toString)
                .collect(Collectors.joining("; ")));
    }

    /** A region's policy threw instead of deciding: the bundle's fault, not the request's. */
    static final class PolicyFailure extends RuntimeException {

        private static final long serialVersionUID = 1L;

        PolicyFailure(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
