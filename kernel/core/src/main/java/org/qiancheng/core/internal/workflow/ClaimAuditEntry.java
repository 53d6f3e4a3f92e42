package org.qiancheng.core.internal.workflow;

import java.math.BigDecimal;
import java.util.List;
import org.qiancheng.api.claim.PolicyIdentity;
import org.qiancheng.api.workflow.Claim;
import org.qiancheng.api.workflow.ClaimStatus;

/**
 * What the audit trail keeps of a new claim: which claim of which enrolment, its standing, and the
 * policy version that decided it (region, version and the start of its content hash). The claim's
 * class, trainee and whole decision (inputs, cited lines, parameters, the full policy identity) are
 * stored once, in the claim, and never change; copying them into every audit entry made the audit
 * trail the larger part of what a settlement writes.
 */
public record ClaimAuditEntry(long id, long enrolmentId, ClaimStatus status, BigDecimal amount, String policy,
        List<String> findings) {

    /** Characters of the content hash kept: enough to tell two builds of a version apart. */
    private static final int HASH_SHOWN = 12;

    static ClaimAuditEntry of(Claim claim) {
        PolicyIdentity policy = claim.decision().policy();
        String hash = policy.contentHash();
        return new ClaimAuditEntry(claim.id(), claim.enrolmentId(), claim.status(), claim.amount(),
                policy.regionCode() + " " + policy.version() + " " + hash.substring(0, Math.min(HASH_SHOWN, hash.length())),
                claim.findings());
    }
}
