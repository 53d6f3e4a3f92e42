package org.qiancheng.api.workflow;

/** Where a stored subsidy claim stands. */
public enum ClaimStatus {
    /** Computed, awaiting approval. */
    COMPUTED,
    /** Computed, but a check or a policy flag sends it to a reviewer first. */
    FLAGGED,
    /** Approved for payment. */
    APPROVED,
    /** Rejected by a reviewer, with the reason. */
    REJECTED,
    /** Frozen because the institution was blacklisted [K4]. */
    FROZEN
}
