package org.qiancheng.core.internal.workflow;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import java.time.Clock;
import java.util.Set;
import java.util.TreeSet;
import org.qiancheng.api.model.LocalizedText;
import org.qiancheng.api.workflow.AuditCheckpoint;
import org.qiancheng.api.workflow.AuditEvent;
import org.qiancheng.api.workflow.AuditTrail;
import org.qiancheng.api.workflow.AuditVerification;
import org.qiancheng.api.workflow.Page;
import org.qiancheng.api.workflow.WorkflowException;
import org.qiancheng.persistence.WorkflowStore;

/** Reads and verifies the audit trail that {@link Audit} writes with every change, and signs checkpoints of it. */
@Component
public final class AuditTrailService implements AuditTrail {

    private static final String READ = "audit.read";

    private final WorkflowStore store;
    private final Clock clock;

    @Activate
    public AuditTrailService(@Reference WorkflowStore store, @Reference Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /**
     * Every kind of record the trail holds: what {@code Audit} and the hot folder write as the entity,
     * {@code user} for logins, sessions and accounts, and {@code policy} for decisions about policy versions
     * (activation requests, confirmations, cancellations, expiries, rollbacks, pins).
     */
    static final Set<String> ENTITIES = Set.of("institution", "project", "class", "trainee", "enrolment", "claim",
            "disbursement", "settlement", "bundle", "user", "policy");

    @Override
    public Page<AuditEvent> audit(String entity, Long entityId, int offset, int limit) {
        // the trail is not divided by region: an auditor reads all of it (docs/security.md)
        Scope.of(READ);
        if (entity != null && !ENTITIES.contains(entity)) {
            String known = String.join(", ", new TreeSet<>(ENTITIES));
            throw new WorkflowException(WorkflowException.Kind.INVALID, "entity", "enum",
                    new LocalizedText("须为以下之一：" + known, "must be one of " + known));
        }
        Checks.page(offset, limit);
        return store.transaction(tx -> tx.audit().list(entity, entityId, offset, limit));
    }

    @Override
    public AuditVerification verify() {
        Scope.of(READ);
        return store.transaction(tx -> tx.audit().verify(null));
    }

    @Override
    public AuditVerification verify(AuditCheckpoint checkpoint) {
        Scope.of(READ);
        return store.transaction(tx -> tx.audit().verify(checkpoint));
    }

    @Override
    public AuditCheckpoint checkpoint() {
        Scope.of(READ);
        return store.transaction(tx -> tx.audit().checkpoint(clock.instant()));
    }
}
