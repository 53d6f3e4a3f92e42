package org.qiancheng.api.workflow;

/** The instalments a claim is paid in. */
public enum InstalmentKind {
    /** Paid before approval, at most the share the policy allows (a region may cap it, e.g. at 50%). */
    ADVANCE,
    /** What remains of the approved amount. */
    BALANCE
}
