package org.qiancheng.persistence.internal.workflow;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.qiancheng.api.model.LocalizedText;
import org.qiancheng.api.workflow.AuditCheckpoint;
import org.qiancheng.api.workflow.AuditEvent;
import org.qiancheng.api.workflow.AuditVerification;
import org.qiancheng.api.workflow.Page;
import org.qiancheng.api.workflow.WorkflowException;
import org.qiancheng.persistence.AuditTx;

/**
 * The audit trail over the entity manager of one transaction. Appended entries wait in the
 * transaction and are chained and inserted just before it commits ({@link #seal()}): a transaction
 * that rolls back takes no sequence number, and the head row is locked only at the very end.
 */
final class JpaAuditTrail implements AuditTx {

    private final Rows rows;
    private final AuditChain chain;
    private final List<AuditEventEntity> pending = new ArrayList<>();

    JpaAuditTrail(Rows rows, AuditChain chain) {
        this.rows = rows;
        this.chain = chain;
    }

    @Override
    public void append(Instant at, String actor, String action, String entity, long entityId, Object before,
            Object after) {
        pending.add(AuditEventEntity.of(at, actor, action, entity, entityId, before, after));
    }

    /** Chains and inserts the entries appended in this transaction; called once, just before commit. */
    void seal() {
        chain.seal(rows.manager, pending);
        pending.clear();
    }

    /** Newest first in the chain's order, which is commit order (ids follow insert order, not always the same). */
    @Override
    public Page<AuditEvent> list(String entity, Long entityId, int offset, int limit) {
        return rows.<AuditEventEntity, AuditEvent>paging(AuditEventEntity.class).filter("entity", "=", entity)
                .filter("entityId", "=", entityId).orderBy("e.sequence DESC, e.id DESC").page(offset, limit, AuditEventEntity::toRecord);
    }

    @Override
    public Page<AuditEvent> list(String entity, Long entityId, String actor, Instant from, Instant to, int offset,
            int limit) {
        return rows.<AuditEventEntity, AuditEvent>paging(AuditEventEntity.class).filter("entity", "=", entity)
                .filter("entityId", "=", entityId).filter("actor", "=", actor)
                .filter("at", ">=", from == null ? null : AuditEventEntity.utc(from))
                .filter("at", "<", to == null ? null : AuditEventEntity.utc(to))
                .orderBy("e.sequence DESC, e.id DESC").page(offset, limit, AuditEventEntity::toRecord);
    }

    @Override
    public List<AuditEvent> after(String entity, Long entityId, String actor, Instant from, Instant to, long afterId,
            int limit) {
        return rows.<AuditEventEntity, AuditEvent>paging(AuditEventEntity.class).filter("id", ">", afterId)
                .filter("entity", "=", entity).filter("entityId", "=", entityId).filter("actor", "=", actor)
                .filter("at", ">=", from == null ? null : AuditEventEntity.utc(from))
                .filter("at", "<", to == null ? null : AuditEventEntity.utc(to))
                .orderBy("e.id").slice(limit, AuditEventEntity::toRecord);
    }

    @Override
    public AuditVerification verify(AuditCheckpoint checkpoint) {
        if (checkpoint != null && !chain.signed(checkpoint)) {
            throw new WorkflowException(WorkflowException.Kind.INVALID, "signature", "checkpoint-signature",
                    new LocalizedText("检查点签名无效：不是本平台的密钥签发的，或检查点内容被改动",
                            "the checkpoint's signature is not valid: this platform's key did not sign it, or a"
                                    + " field was changed"));
        }
        return chain.verify(rows.manager, checkpoint);
    }

    @Override
    public AuditCheckpoint checkpoint(Instant at) {
        return chain.checkpoint(rows.manager, at);
    }
}
