package org.qiancheng.api.workflow;

/**
 * What a batch review did to one claim.
 *
 * @since 0.7
 */
public enum ReviewOutcome {
    /** Approved now. */
    APPROVED,
    /** Rejected now. */
    REJECTED,
    /** Already in the status the decision leads to: nothing done, nothing audited. */
    UNCHANGED,
    /** Not reviewed: a single review of it would have been refused for the same reason. */
    REFUSED
}
