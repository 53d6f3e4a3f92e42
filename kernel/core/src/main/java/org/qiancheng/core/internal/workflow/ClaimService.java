package org.qiancheng.core.internal.workflow;

import static org.qiancheng.core.internal.workflow.Checks.invalid;
import static org.qiancheng.core.internal.workflow.Checks.required;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.qiancheng.api.workflow.Operators;
import org.qiancheng.api.security.RegionScope;
import org.qiancheng.api.registry.PolicyRegistry;
import org.qiancheng.api.security.AccessException;
import org.qiancheng.api.workflow.BatchReview;
import org.qiancheng.api.workflow.Claim;
import org.qiancheng.api.workflow.ClaimFilter;
import org.qiancheng.api.workflow.ClaimSummary;
import org.qiancheng.api.workflow.ClaimStatus;
import org.qiancheng.api.workflow.Claims;
import org.qiancheng.api.workflow.Disbursement;
import org.qiancheng.api.workflow.InstalmentKind;
import org.qiancheng.api.workflow.PaidInstalment;
import org.qiancheng.api.workflow.Page;
import org.qiancheng.api.workflow.ReviewOutcome;
import org.qiancheng.api.workflow.ReviewResult;
import org.qiancheng.api.workflow.TrainingClass;
import org.qiancheng.api.workflow.WorkflowException;
import org.qiancheng.api.workflow.WorkflowException.Kind;
import org.qiancheng.persistence.WorkflowStore;
import org.qiancheng.persistence.WorkflowTx;

/**
 * Claims: computed per class by the policy in force ({@link ClaimComputation}), reviewed, and paid
 * in instalments ({@link Payments}); each request in one transaction.
 */
@Component
public final class ClaimService implements Claims {

    private static final String READ = "claim.read";
    private static final String REVIEW = "claim.review";
    /** The most claims one batch of ids names: a page of the review queue. */
    static final int MAX_IDS = 500;
    /** The most claims one batch by filter reviews: each is its own transaction, so a batch takes a while. */
    static final int MAX_SELECTED = 5000;
    /** The most lines of a payment list. */
    static final int MAX_PAYMENTS = 100_000;

    private final WorkflowStore store;
    private final Clock clock;
    private final Audit audit;
    private final ClaimComputation claims;

    @Activate
    public ClaimService(@Reference WorkflowStore store, @Reference PolicyRegistry registry, @Reference Clock clock) {
        this.store = store;
        this.clock = clock;
        this.audit = new Audit(clock);
        this.claims = new ClaimComputation(registry, store, audit, clock);
    }

    @Override
    public List<Claim> computeClaims(long classId, String idempotencyKey) {
        RegionScope scope = Scope.of("claim.compute");
        String key = idempotencyKey(idempotencyKey);
        return store.transaction(tx -> {
            TrainingClass course = Scope.trainingClass(tx, scope, classId);
            if (key != null && !tx.rememberIdempotencyKey(key, "claims of class " + classId)) {
                return tx.claims().ofClass(classId);
            }
            return claims.compute(tx, course);
        });
    }

    @Override
    public Claim claim(long id) {
        RegionScope scope = Scope.of(READ);
        return store.transaction(tx -> Scope.claim(tx, scope, id));
    }

    @Override
    public Page<Claim> claims(ClaimFilter filter, int offset, int limit) {
        RegionScope scope = Scope.of(READ);
        ClaimFilter checked = checked(filter);
        Checks.page(offset, limit);
        return store.transaction(tx -> tx.claims().list(scope, checked, offset, limit));
    }

    @Override
    public ClaimSummary summarize(ClaimFilter filter) {
        RegionScope scope = Scope.of(READ);
        ClaimFilter checked = checked(filter);
        return store.transaction(tx -> tx.claims().summarize(scope, checked));
    }

    @Override
    public Claim review(long claimId, boolean approve, String reason, long expectedVersion) {
        RegionScope scope = Scope.of(REVIEW);
        String note = Checks.optionalText("reason", reason, 1000);
        return store.transaction(tx -> decide(tx, reviewable(tx, scope, claimId), approve, note, expectedVersion));
    }

    @Override
    public BatchReview review(List<Long> claimIds, boolean approve, String reason) {
        RegionScope scope = Scope.of(REVIEW);
        String note = Checks.optionalText("reason", reason, 1000);
        required("ids", claimIds);
        if (claimIds.isEmpty() || claimIds.size() > MAX_IDS) {
            throw invalid("ids", "range:1-" + MAX_IDS, "must name 1 to " + MAX_IDS + " claims, named "
                    + claimIds.size());
        }
        if (claimIds.stream().anyMatch(java.util.Objects::isNull) || new HashSet<>(claimIds).size() != claimIds.size()) {
            throw invalid("ids", "unique", "must name each claim once");
        }
        return new BatchReview(approve, null, true, reviewEach(scope, claimIds, approve, note));
    }

    @Override
    public BatchReview review(ClaimFilter filter, ClaimSummary expected, boolean approve, String reason) {
        RegionScope scope = Scope.of(REVIEW);
        String note = Checks.optionalText("reason", reason, 1000);
        ClaimFilter checked = checked(required("filter", filter));
        required("expect", expected);
        // recounted and listed in one transaction, so the ids are the claims the summary counts
        record Selection(ClaimSummary matched, List<Long> ids) {
        }
        Selection selection = store.transaction(tx -> {
            ClaimSummary matched = tx.claims().summarize(scope, checked);
            return new Selection(matched, matched.agrees(expected) && matched.count() <= MAX_SELECTED
                    ? tx.claims().ids(scope, checked, MAX_SELECTED) : List.of());
        });
        if (!selection.matched().agrees(expected)) {
            return new BatchReview(approve, selection.matched(), false, List.of());
        }
        if (selection.matched().count() > MAX_SELECTED) {
            throw invalid("filter", "max:" + MAX_SELECTED, "selects " + selection.matched().count()
                    + " claims; a batch reviews at most " + MAX_SELECTED + ": narrow the filter");
        }
        return new BatchReview(approve, selection.matched(), true, reviewEach(scope, selection.ids(), approve, note));
    }

    /** Each claim in its own transaction, so that one refusal leaves the others reviewed. */
    private List<ReviewResult> reviewEach(RegionScope scope, List<Long> claimIds, boolean approve, String note) {
        ClaimStatus target = approve ? ClaimStatus.APPROVED : ClaimStatus.REJECTED;
        List<ReviewResult> results = new ArrayList<>(claimIds.size());
        for (long id : claimIds) {
            try {
                results.add(store.transaction(tx -> {
                    Claim claim = reviewable(tx, scope, id);
                    if (claim.status() == target) {
                        return new ReviewResult(id, ReviewOutcome.UNCHANGED, target, null);
                    }
                    Claim reviewed = decide(tx, claim, approve, note, claim.version());
                    return new ReviewResult(id, approve ? ReviewOutcome.APPROVED : ReviewOutcome.REJECTED,
                            reviewed.status(), null);
                }));
            } catch (WorkflowException | AccessException refused) {
                results.add(new ReviewResult(id, ReviewOutcome.REFUSED, statusOf(scope, id), refused));
            }
        }
        return results;
    }

    /** The status of a claim the reviewer may see, or {@code null}: a refusal says no more than a 404 would. */
    private ClaimStatus statusOf(RegionScope scope, long claimId) {
        return store.transaction(tx -> tx.claims().find(claimId).filter(c -> scope.covers(tx.classes()
                .find(c.classId()).map(k -> k.facts().regionCode()).orElse(null))).map(Claim::status).orElse(null));
    }

    /** The claim, when the reviewer may review it: within their regions and made by others. */
    private static Claim reviewable(WorkflowTx tx, RegionScope scope, long claimId) {
        Claim claim = Scope.claim(tx, scope, claimId);
        Duties.notReviewedByItsMakers(tx.claims().duties(claimId).orElseThrow(), Operators.current());
        return claim;
    }

    /** Approves or rejects a reviewable claim, with the reason the rules ask for, and audits it. */
    private Claim decide(WorkflowTx tx, Claim claim, boolean approve, String note, long expectedVersion) {
        long claimId = claim.id();
        if (claim.status() != ClaimStatus.COMPUTED && claim.status() != ClaimStatus.FLAGGED) {
            throw new WorkflowException(Kind.CONFLICT, "status", "reviewable", "claim " + claimId + " is "
                    + claim.status() + "; only COMPUTED and FLAGGED claims are reviewed");
        }
        if (note == null && (!approve || claim.status() == ClaimStatus.FLAGGED)) {
            throw invalid("reason", "required", approve ? "approving a flagged claim needs a reason"
                    : "a rejection needs a reason");
        }
        return audit.changed(tx, approve ? "approved" : "rejected", "claim", claimId, claim,
                tx.claims().changeStatus(claimId, approve ? ClaimStatus.APPROVED : ClaimStatus.REJECTED, note,
                        Operators.current(), expectedVersion));
    }

    /** The filter with its region checked: a GB/T 2260 code. */
    private static ClaimFilter checked(ClaimFilter filter) {
        if (filter.region() != null) {
            Checks.region("region", filter.region());
        }
        return filter;
    }

    @Override
    public Disbursement disburse(long claimId, InstalmentKind kind, String idempotencyKey) {
        RegionScope scope = Scope.of("claim.disburse");
        required("kind", kind);
        String key = idempotencyKey(idempotencyKey);
        return store.transaction(tx -> {
            Claim claim = Scope.claim(tx, scope, claimId);
            if (key != null && !tx.rememberIdempotencyKey(key, kind + " of claim " + claimId)) {
                return tx.claims().disbursements(claimId).stream().filter(d -> d.kind() == kind).findFirst()
                        .orElseThrow();
            }
            if (kind == InstalmentKind.BALANCE) {
                Duties.notPaidByItsApprover(tx.claims().duties(claimId).orElseThrow(), Operators.current());
            }
            Disbursement paid = Payments.pay(tx, claim, kind, LocalDate.now(clock));
            return audit.created(tx, "disbursement", paid.id(), paid);
        });
    }

    @Override
    public List<Disbursement> disbursements(long claimId) {
        RegionScope scope = Scope.of(READ);
        return store.transaction(tx -> {
            Scope.claim(tx, scope, claimId);
            return tx.claims().disbursements(claimId);
        });
    }

    @Override
    public List<PaidInstalment> paymentList(LocalDate from, LocalDate to, String region) {
        RegionScope scope = Scope.of(READ);
        required("from", from);
        required("to", to);
        if (to.isBefore(from) || to.isAfter(from.plusYears(1))) {
            throw invalid("to", "period", "must be from 'from' to a year after it");
        }
        if (region != null) {
            Checks.region("region", region);
        }
        List<PaidInstalment> lines = store.transaction(tx -> tx.claims().paidBetween(scope, region, from, to,
                MAX_PAYMENTS + 1));
        if (lines.size() > MAX_PAYMENTS) {
            throw invalid("to", "max:" + MAX_PAYMENTS, "the period holds more than " + MAX_PAYMENTS
                    + " payments: ask for a shorter one");
        }
        return lines;
    }

    private static String idempotencyKey(String key) {
        return key == null || key.isBlank() ? null : Checks.text("Idempotency-Key", key, 200);
    }
}
