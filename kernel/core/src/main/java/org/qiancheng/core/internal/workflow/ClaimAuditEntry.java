package org.qiancheng.core.internal.workflow;

import java.math.BigDecimal;
import java.util.List;
import org.qiancheng.api.claim.PolicyIdentity;
import org.qiancheng.api.workflow.Claim;
import org.qiancheng.api.workflow.ClaimStatus;

/**
 * What the audit trail keeps of a new claim: its standing and the policy version that decided it.
 * The decision itself (inputs, cited lines, parameters) is stored once, in the claim, and never
 * changes; copying it into every audit entry doubled what a settlement writes.
 */
public record ClaimAuditEntry(long id, long classId, long enrolmentId, long traineeId, ClaimStatus status,
        BigDecimal amount, PolicyIdentity policy, List<String> findings) {

    static ClaimAuditEntry of(Claim claim) {
        return new ClaimAuditEntry(claim.id(), claim.classId(), claim.enrolmentId(), claim.traineeId(),
                claim.status(), claim.amount(), claim.decision().policy(), claim.findings());
    }
}
