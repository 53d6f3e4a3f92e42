package org.qiancheng.persistence.internal.workflow;

import java.time.Instant;
import org.qiancheng.api.workflow.AuditEvent;
import org.qiancheng.api.workflow.Page;
import org.qiancheng.persistence.AuditTx;

/** The audit trail over the entity manager of one transaction. */
final class JpaAuditTrail implements AuditTx {

    private final Rows rows;

    JpaAuditTrail(Rows rows) {
        this.rows = rows;
    }

    @Override
    public void append(Instant at, String actor, String action, String entity, long entityId, Object before,
            Object after) {
        // not flushed: entries are written with the change they record, at commit or at the next flush
        rows.manager.persist(AuditEventEntity.of(at, actor, action, entity, entityId, before, after));
    }

    @Override
    public Page<AuditEvent> list(String entity, Long entityId, int offset, int limit) {
        return rows.<AuditEventEntity, AuditEvent>paging(AuditEventEntity.class).filter("entity", "=", entity)
                .filter("entityId", "=", entityId).newestFirst().page(offset, limit, AuditEventEntity::toRecord);
    }
}
