package org.qiancheng.persistence;

import java.time.Instant;
import org.osgi.annotation.versioning.ProviderType;
import org.qiancheng.api.workflow.AuditEvent;
import org.qiancheng.api.workflow.Page;

/** The audit trail, inside the transaction of the {@link WorkflowTx} that gave it; entries are only appended. */
@ProviderType
public interface AuditTx {

    /** Appends an entry; {@code before} and {@code after} are records, written as JSON. */
    void append(Instant at, String actor, String action, String entity, long entityId, Object before, Object after);

    /** The entries, newest first; {@code entity} and {@code entityId} {@code null} for all. */
    Page<AuditEvent> list(String entity, Long entityId, int offset, int limit);
}
