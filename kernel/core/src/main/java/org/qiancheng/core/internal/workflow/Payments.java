package org.qiancheng.core.internal.workflow;

import static org.qiancheng.core.internal.workflow.Checks.invalid;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.qiancheng.api.model.Money;
import org.qiancheng.api.workflow.Claim;
import org.qiancheng.api.workflow.ClaimStatus;
import org.qiancheng.api.workflow.Disbursement;
import org.qiancheng.api.workflow.InstalmentKind;
import org.qiancheng.api.workflow.Operators;
import org.qiancheng.api.workflow.WorkflowException;
import org.qiancheng.api.workflow.WorkflowException.Kind;
import org.qiancheng.persistence.WorkflowTx;

/**
 * Instalments of a claim: an advance within the share its decision allows, then the balance of
 * the approved amount; each at most once, the total never above the amount; only on a claim of a
 * class that has ended [K9] (a claim can only be computed then, but rows can arrive by other paths).
 */
final class Payments {

    private Payments() {
    }

    static Disbursement pay(WorkflowTx tx, Claim claim, InstalmentKind kind, LocalDate today) {
        tx.claims().lock(claim.id());
        TimeRules.claimable(claim.classId(), tx.classes().find(claim.classId()).orElseThrow().facts(), today);
        List<Disbursement> paid = tx.claims().disbursements(claim.id());
        if (paid.stream().anyMatch(d -> d.kind() == kind)) {
            throw conflict("kind", "once", "claim " + claim.id() + " has its " + kind + " paid already");
        }
        return switch (kind) {
            case ADVANCE -> advance(tx, claim, paid, today);
            case BALANCE -> balance(tx, claim, paid, today);
        };
    }

    private static Disbursement advance(WorkflowTx tx, Claim claim, List<Disbursement> paid, LocalDate today) {
        if (claim.status() == ClaimStatus.FROZEN || claim.status() == ClaimStatus.REJECTED) {
            throw conflict("status", "payable", "claim " + claim.id() + " is " + claim.status());
        }
        if (!paid.isEmpty()) {
            throw conflict("kind", "advance-first", "an advance is paid before anything else");
        }
        BigDecimal share = claim.decision().result().advanceShare();
        if (share.signum() == 0) {
            throw invalid("kind", "advance-allowed", "the policy " + claim.decision().policy().regionCode() + " "
                    + claim.decision().policy().version() + " allows no advance on this claim");
        }
        return tx.claims().pay(claim.id(), InstalmentKind.ADVANCE, Money.yuan(claim.amount().multiply(share)),
                today, Operators.current());
    }

    private static Disbursement balance(WorkflowTx tx, Claim claim, List<Disbursement> paid, LocalDate today) {
        if (claim.status() != ClaimStatus.APPROVED) {
            throw conflict("status", "approved", "claim " + claim.id() + " is " + claim.status()
                    + "; the balance is paid on an approved claim");
        }
        BigDecimal left = claim.amount().subtract(paid.stream().map(Disbursement::amount)
                .reduce(Money.ZERO, BigDecimal::add));
        if (left.signum() <= 0) {
            throw conflict("kind", "nothing-left", "claim " + claim.id() + " is paid in full");
        }
        return tx.claims().pay(claim.id(), InstalmentKind.BALANCE, left, today, Operators.current());
    }

    private static WorkflowException conflict(String field, String rule, String message) {
        return new WorkflowException(Kind.CONFLICT, field, rule, message);
    }
}
