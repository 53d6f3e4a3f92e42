package org.qiancheng.core.internal.workflow;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.qiancheng.api.workflow.AuditEvent;
import org.qiancheng.api.workflow.AuditTrail;
import org.qiancheng.api.workflow.Page;
import org.qiancheng.persistence.WorkflowStore;

/** Reads the audit trail that {@link Audit} writes with every change. */
@Component
public final class AuditTrailService implements AuditTrail {

    private final WorkflowStore store;

    @Activate
    public AuditTrailService(@Reference WorkflowStore store) {
        this.store = store;
    }

    @Override
    public Page<AuditEvent> audit(String entity, Long entityId, int offset, int limit) {
        Checks.page(offset, limit);
        return store.transaction(tx -> tx.audit().list(entity, entityId, offset, limit));
    }
}
