package org.qiancheng.api.workflow;

/** The instalments a claim is paid in. */
public enum InstalmentKind {
    /** Paid before approval, at most the share the policy allows (e.g. 50% in Jiangsu [JS-2019 §三(十四)]). */
    ADVANCE,
    /** What remains of the approved amount. */
    BALANCE
}
