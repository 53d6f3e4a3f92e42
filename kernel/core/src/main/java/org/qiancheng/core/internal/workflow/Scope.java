package org.qiancheng.core.internal.workflow;

import org.qiancheng.api.model.LocalizedText;
import org.qiancheng.api.security.RegionScope;
import org.qiancheng.api.workflow.Claim;
import org.qiancheng.api.workflow.Enrolment;
import org.qiancheng.api.workflow.TrainingClass;
import org.qiancheng.api.workflow.WorkflowException;
import org.qiancheng.core.internal.security.Access;
import org.qiancheng.persistence.WorkflowTx;

/**
 * The permission and the regions of the current user, as a workflow service checks them: a record
 * outside the user's regions is answered as if it did not exist (404, not 403, so that nobody learns
 * it is there), and nothing is written in a region the user does not work in.
 */
final class Scope {

    private Scope() {
    }

    /** @return the user's regions, once the user is found to hold the permission */
    static RegionScope of(String permission) {
        return Access.scope(permission);
    }

    /** @return the record when the scope covers its region; NOT_FOUND, as for a missing record, otherwise */
    static <T> T visible(RegionScope scope, String region, T record, String what, long id) {
        if (!scope.covers(region)) {
            throw Checks.notFound(what, id);
        }
        return record;
    }

    /** @throws WorkflowException INVALID naming the field, rule {@code region-scope}, when the scope does not cover it */
    static void writable(RegionScope scope, String field, String region) {
        if (!scope.covers(region)) {
            throw outside(scope, field, region);
        }
    }

    /** The refusal of a write in a region outside the user's: 422, as for a grant beyond one's own regions. */
    static WorkflowException outside(RegionScope scope, String field, String region) {
        return new WorkflowException(WorkflowException.Kind.INVALID, field, "region-scope", new LocalizedText(
                "地区 " + region + " 不在您的管辖地区 " + scope.areas() + " 之内",
                "region " + region + " is outside your regions " + scope.areas()));
    }

    /** @return the class, when it exists within the scope */
    static TrainingClass trainingClass(WorkflowTx tx, RegionScope scope, long classId) {
        TrainingClass found = tx.classes().find(classId).orElseThrow(() -> Checks.notFound("class", classId));
        return visible(scope, found.facts().regionCode(), found, "class", classId);
    }

    /** @return the enrolment, when its class is within the scope */
    static Enrolment enrolment(WorkflowTx tx, RegionScope scope, long enrolmentId) {
        Enrolment found = tx.enrolments().find(enrolmentId)
                .orElseThrow(() -> Checks.notFound("enrolment", enrolmentId));
        return visible(scope, classRegion(tx, found.classId()), found, "enrolment", enrolmentId);
    }

    /** @return the claim, when its class is within the scope */
    static Claim claim(WorkflowTx tx, RegionScope scope, long claimId) {
        Claim found = tx.claims().find(claimId).orElseThrow(() -> Checks.notFound("claim", claimId));
        return visible(scope, classRegion(tx, found.classId()), found, "claim", claimId);
    }

    private static String classRegion(WorkflowTx tx, long classId) {
        return tx.classes().find(classId).map(c -> c.facts().regionCode()).orElse(null);
    }
}
