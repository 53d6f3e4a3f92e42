package org.qiancheng.api.workflow;

/** Where a settlement run stands. */
public enum SettlementStatus {
    /** Batches are being computed by this node. */
    RUNNING,
    /** Stopped before the end (the process stopped or was killed); resuming continues after the last committed batch. */
    INTERRUPTED,
    /** Stopped on a fault it cannot get past (e.g. a policy that throws); see the settlement's error. */
    FAILED,
    /** Every class of the region and month was settled. */
    COMPLETED
}
