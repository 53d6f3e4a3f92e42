package org.qiancheng.persistence.internal.workflow;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.qiancheng.api.registry.ActivationRequest;
import org.qiancheng.api.workflow.WorkflowException;
import org.qiancheng.persistence.ActivationRequestTx;

/** The activation requests over the entity manager of one transaction. */
final class JpaActivationRequests implements ActivationRequestTx {

    private final Rows rows;

    JpaActivationRequests(Rows rows) {
        this.rows = rows;
    }

    @Override
    public ActivationRequest insert(String regionCode, String version, String reason, String requestedBy,
            Instant requestedAt, Instant expiresAt, long sequence) {
        ActivationRequestEntity e = new ActivationRequestEntity();
        e.sequence = sequence;
        e.regionCode = regionCode;
        e.version = version;
        e.reason = reason;
        e.requestedBy = requestedBy;
        e.requestedAt = AuditEventEntity.utc(requestedAt);
        e.expiresAt = AuditEventEntity.utc(expiresAt);
        e.status = ActivationRequest.Status.PENDING;
        rows.manager.persist(e);
        rows.manager.flush();
        return e.toRecord();
    }

    @Override
    public Optional<ActivationRequest> find(long id) {
        return rows.find(ActivationRequestEntity.class, id, ActivationRequestEntity::toRecord);
    }

    @Override
    public List<ActivationRequest> list(ActivationRequest.Status status) {
        String where = status == null ? "" : " WHERE e.status = :status";
        var query = rows.manager.createQuery("SELECT e FROM ActivationRequestEntity e" + where + " ORDER BY e.id DESC",
                ActivationRequestEntity.class);
        if (status != null) {
            query.setParameter("status", status);
        }
        return query.getResultList().stream().map(ActivationRequestEntity::toRecord).toList();
    }

    @Override
    public ActivationRequest decide(long id, ActivationRequest.Status status, String by, Instant at) {
        rows.existing(ActivationRequestEntity.class, id);
        rows.manager.flush();
        // a conditional update: of two concurrent decisions (on any node) only one finds it PENDING
        int changed = rows.manager.createQuery("UPDATE ActivationRequestEntity e SET e.status = :status,"
                + " e.decidedBy = :by, e.decidedAt = :at WHERE e.id = :id AND e.status = :pending")
                .setParameter("status", status).setParameter("by", by).setParameter("at", AuditEventEntity.utc(at))
                .setParameter("id", id).setParameter("pending", ActivationRequest.Status.PENDING).executeUpdate();
        ActivationRequestEntity e = rows.manager.find(ActivationRequestEntity.class, id);
        rows.manager.refresh(e);
        if (changed != 1) {
            throw new WorkflowException(WorkflowException.Kind.CONFLICT, "status", "status",
                    "request " + id + " is " + e.status + ", no longer PENDING");
        }
        return e.toRecord();
    }
}
