package org.qiancheng.core.internal.workflow;

import java.time.Clock;
import org.qiancheng.api.workflow.Operators;
import org.qiancheng.persistence.WorkflowTx;

/** Appends one entry per change to the audit trail, in the same transaction as the change. */
final class Audit {

    private final Clock clock;

    Audit(Clock clock) {
        this.clock = clock;
    }

    <T> T created(WorkflowTx tx, String entity, long id, T after) {
        tx.audit().append(clock.instant(), Operators.current(), entity + ".created", entity, id, null, after);
        return after;
    }

    <T> T changed(WorkflowTx tx, String action, String entity, long id, Object before, T after) {
        tx.audit().append(clock.instant(), Operators.current(), entity + "." + action, entity, id, before, after);
        return after;
    }
}
