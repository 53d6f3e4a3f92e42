package org.qiancheng.core.internal.workflow;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.Executor;
import org.qiancheng.api.model.Money;
import org.qiancheng.api.workflow.Enrolment;
import org.qiancheng.api.registry.NoPolicyException;
import org.qiancheng.api.registry.PolicyRegistry;
import org.qiancheng.api.workflow.Claim;
import org.qiancheng.api.workflow.Settlement;
import org.qiancheng.api.workflow.SettlementStatus;
import org.qiancheng.api.workflow.TrainingClass;
import org.qiancheng.api.workflow.WorkflowException;
import org.qiancheng.persistence.SettlementTx;
import org.qiancheng.persistence.WorkflowTx;

/**
 * One batch of a settlement run, inside one transaction: the next classes after the run's cursor
 * get their due claims, then the next enrolments whose employment evidence arrived in the month get
 * their top-ups [K12], and the run's progress moves past them in the same commit. A killed
 * process therefore loses at most the batch in flight, which the resumed run computes again.
 */
final class SettlementBatch {

    private final ClaimComputation claims;
    private final PolicyRegistry registry;
    private final Audit audit;
    private final Clock clock;
    private final Executor deciding;

    /** @param deciding where a class's decisions are waited for while the next class is read */
    SettlementBatch(ClaimComputation claims, PolicyRegistry registry, Audit audit, Clock clock, Executor deciding) {
        this.claims = claims;
        this.registry = registry;
        this.audit = audit;
        this.clock = clock;
        this.deciding = deciding;
    }

    /**
     * Settles up to {@code size} classes after the run's cursor; completes the run when none are
     * left.
     *
     * @return the run after the batch
     */
    Settlement next(WorkflowTx tx, long runId, int size) {
        SettlementTx runs = tx.settlements();
        Settlement run = runs.find(runId).orElseThrow(() -> Checks.notFound("settlement", runId));
        if (run.status() != SettlementStatus.RUNNING) {
            return run;
        }
        OptionalLong topUps = runs.topUpCursor(runId);
        if (topUps.isPresent()) {
            return topUps(tx, run, topUps.getAsLong(), size);
        }
        List<TrainingClass> classes = runs.classesEnded(Checks.regionPrefix(run.regionCode()), run.month().atDay(1),
                lastDay(run.month()), run.afterClassId(), size);
        if (classes.isEmpty()) {
            // the month's classes are settled: the top-ups whose evidence arrived in the month come next
            return runs.recordTopUpBatch(runId, 0, List.of(), 0, Money.ZERO);
        }
        List<String> skipped = new ArrayList<>();
        long stored = 0;
        BigDecimal amount = BigDecimal.ZERO.setScale(2);
        // one set of snapshots for the whole batch: an activation meanwhile applies from the next batch
        try (PolicySnapshots policies = new PolicySnapshots(registry)) {
            // what the classes need that their claims do not change, read for all of them at once
            Rosters rosters = claims.rosters(tx, classes);
            Read ahead = null;
            for (int i = 0; i < classes.size(); i++) {
                TrainingClass course = classes.get(i);
                Read current = ahead != null && ahead.course() == course ? ahead
                        : read(tx, rosters, course, policies, Set.of());
                // the next class is read while this one's decisions are made on the policy's thread
                ahead = i + 1 < classes.size() && current.due() != null
                        ? read(tx, rosters, classes.get(i + 1), policies, current.due().trainees()) : null;
                if (current.skip() != null) {
                    skipped.add(skipLine(course, current.skip()));
                    continue;
                }
                try {
                    for (Claim claim : claims.store(tx, current.due())) {
                        stored++;
                        amount = amount.add(claim.amount());
                    }
                } catch (ClaimComputation.PolicyFailure e) {
                    skipped.add(skipLine(course, e.getMessage()));
                }
                tx.release();
            }
        }
        return runs.recordBatch(runId, classes.get(classes.size() - 1).id(), classes.size(), skipped, stored, amount);
    }

    /**
     * Settles the top-ups of up to {@code size} enrolments after the cursor whose employment evidence
     * was recorded in the run's month [K12]; completes the run when none are left.
     */
    private Settlement topUps(WorkflowTx tx, Settlement run, long afterEnrolmentId, int size) {
        SettlementTx runs = tx.settlements();
        List<Enrolment> due = tx.enrolments().employmentRecorded(Checks.regionPrefix(run.regionCode()),
                run.month().atDay(1), run.month().atEndOfMonth(), afterEnrolmentId, size);
        if (due.isEmpty()) {
            Settlement done = runs.changeStatus(run.id(), SettlementStatus.COMPLETED, null, clock.instant());
            return audit.changed(tx, "completed", "settlement", run.id(), run, done);
        }
        List<String> skipped = new ArrayList<>();
        long stored = 0;
        BigDecimal amount = Money.ZERO;
        try (PolicySnapshots policies = new PolicySnapshots(registry)) {
            for (Enrolment enrolment : due) {
                TrainingClass course = tx.classes().find(enrolment.classId()).orElseThrow();
                try {
                    Optional<Claim> topUp = claims.topUp(tx, course, enrolment, policies);
                    if (topUp.isPresent()) {
                        stored++;
                        amount = amount.add(topUp.get().amount());
                    }
                } catch (NoPolicyException | ClaimComputation.PolicyFailure e) {
                    skipped.add("top-up of enrolment " + enrolment.id() + ": " + e.getMessage());
                }
            }
        }
        return runs.recordTopUpBatch(run.id(), due.get(due.size() - 1).id(), skipped, stored, amount);
    }

    /** A class read for the batch: its due claims with their decisions under way, or why it is skipped. */
    private record Read(TrainingClass course, ClaimComputation.Due due, String skip) {
    }

    /**
     * A class of the batch read: refused [K1, K9], without a policy in force, or due; {@code null} when a
     * due trainee is among {@code unsettled} and the class is to be read once they are stored.
     */
    private Read read(WorkflowTx tx, Rosters rosters, TrainingClass course, PolicySnapshots policies,
            Set<Long> unsettled) {
        WorkflowException refusal = rosters.of(course).refusal();
        if (refusal != null) {
            return new Read(course, null, refusal.getMessage());
        }
        try {
            return claims.read(tx, rosters, course, policies, unsettled, deciding)
                    .map(due -> new Read(course, due, null)).orElse(null);
        } catch (NoPolicyException e) {
            return new Read(course, null, e.getMessage());
        }
    }

    /** The last end date of the classes of a run's month that have ended by today: before today [K9]. */
    LocalDate lastDay(YearMonth month) {
        LocalDate yesterday = LocalDate.now(clock).minusDays(1);
        LocalDate end = month.atEndOfMonth();
        return yesterday.isBefore(end) ? yesterday : end;
    }

    private static String skipLine(TrainingClass course, String reason) {
        return "class " + course.id() + ": " + reason;
    }
}
