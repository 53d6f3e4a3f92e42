package org.qiancheng.persistence;

import java.time.Instant;
import org.osgi.annotation.versioning.ProviderType;
import org.qiancheng.api.workflow.AuditCheckpoint;
import org.qiancheng.api.workflow.AuditEvent;
import org.qiancheng.api.workflow.AuditVerification;
import org.qiancheng.api.workflow.Page;

/**
 * The audit trail, inside the transaction of the {@link WorkflowTx} that gave it; entries are only
 * appended, and are chained (sequence number and MAC) when the transaction commits.
 */
@ProviderType
public interface AuditTx {

    /**
     * Appends an entry; {@code before} and {@code after} are records, written as JSON. The entry is
     * written, with its sequence number and MAC, when the transaction commits.
     */
    void append(Instant at, String actor, String action, String entity, long entityId, Object before, Object after);

    /** The entries, newest first; {@code entity} and {@code entityId} {@code null} for all. */
    Page<AuditEvent> list(String entity, Long entityId, int offset, int limit);

    /**
     * Recomputes the chain from the first entry to the head, page by page, and compares it with the
     * head row and the checkpoint, if any.
     *
     * @param checkpoint a checkpoint to verify against, or {@code null}
     * @return intact, or the first missing or altered entry
     * @throws org.qiancheng.api.workflow.WorkflowException INVALID naming {@code signature} when the
     *     checkpoint was not signed with this platform's key
     */
    AuditVerification verify(AuditCheckpoint checkpoint);

    /**
     * @param at when the checkpoint is taken
     * @return a signed statement of the chain's head
     */
    AuditCheckpoint checkpoint(Instant at);
}
