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
     * The entries, newest first, filtered; every argument {@code null} for all.
     *
     * @param actor exactly this actor
     * @param from entries at or after this instant
     * @param to entries before this instant
     * @since 0.10
     */
    Page<AuditEvent> list(String entity, Long entityId, String actor, java.time.Instant from, java.time.Instant to,
            int offset, int limit);

    /**
     * The next entries of a scan in id order (oldest first): those with an id above {@code afterId}, at most
     * {@code limit}, filtered as {@link #list(String, Long, String, java.time.Instant, java.time.Instant, int, int)}.
     *
     * @since 0.10
     */
    java.util.List<AuditEvent> after(String entity, Long entityId, String actor, java.time.Instant from,
            java.time.Instant to, long afterId, int limit);

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
