package org.qiancheng.core.internal.workflow;

import static org.qiancheng.core.internal.workflow.Checks.invalid;
import static org.qiancheng.core.internal.workflow.Checks.required;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.qiancheng.api.workflow.Operators;
import org.qiancheng.api.security.RegionScope;
import org.qiancheng.api.registry.PolicyRegistry;
import org.qiancheng.api.workflow.Claim;
import org.qiancheng.api.workflow.ClaimStatus;
import org.qiancheng.api.workflow.Claims;
import org.qiancheng.api.workflow.Disbursement;
import org.qiancheng.api.workflow.InstalmentKind;
import org.qiancheng.api.workflow.Page;
import org.qiancheng.api.workflow.PaymentState;
import org.qiancheng.api.workflow.TrainingClass;
import org.qiancheng.api.workflow.WorkflowException;
import org.qiancheng.api.workflow.WorkflowException.Kind;
import org.qiancheng.persistence.WorkflowStore;

/**
 * Claims: computed per class by the policy in force ({@link ClaimComputation}), reviewed, and paid
 * in instalments ({@link Payments}); each request in one transaction.
 */
@Component
public final class ClaimService implements Claims {

    private static final String READ = "claim.read";

    private final WorkflowStore store;
    private final Clock clock;
    private final Audit audit;
    private final ClaimComputation claims;

    @Activate
    public ClaimService(@Reference WorkflowStore store, @Reference PolicyRegistry registry, @Reference Clock clock) {
        this.store = store;
        this.clock = clock;
        this.audit = new Audit(clock);
        this.claims = new ClaimComputation(registry, audit, clock);
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
    public Page<Claim> claims(Long classId, ClaimStatus status, PaymentState paymentState, int offset, int limit) {
        RegionScope scope = Scope.of(READ);
        Checks.page(offset, limit);
        return store.transaction(tx -> tx.claims().list(scope, classId, status, paymentState, offset, limit));
    }

    @Override
    public Claim review(long claimId, boolean approve, String reason, long expectedVersion) {
        RegionScope scope = Scope.of("claim.review");
        String note = Checks.optionalText("reason", reason, 1000);
        return store.transaction(tx -> {
            Claim claim = Scope.claim(tx, scope, claimId);
            String reviewer = Operators.current();
            Duties.notReviewedByItsMakers(tx.claims().duties(claimId).orElseThrow(), reviewer);
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
                            reviewer, expectedVersion));
        });
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

    private static String idempotencyKey(String key) {
        return key == null || key.isBlank() ? null : Checks.text("Idempotency-Key", key, 200);
    }
}
