package org.qiancheng.api.workflow;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The audit trail: one entry per change to a workflow record, written in the same transaction as
 * the change, under the operator's name ({@link Operators}). Provided by the kernel.
 * <p>
 * The trail is tamper-evident: every entry has a gapless sequence number and a MAC chaining it to
 * the entry before, with a key kept outside the database ({@code docs/security.md}).
 */
@ProviderType
public interface AuditTrail {

    /**
     * The audit trail, newest first.
     *
     * @param entity a kind of record (institution, project, class, trainee, enrolment, claim,
     *     disbursement, settlement), or {@code null} for all
     * @param entityId a record's id, or {@code null} for all
     * @param offset index of the first item
     * @param limit page size, 1–500
     * @return one page
     * @throws WorkflowException INVALID naming {@code offset} or {@code limit}
     */
    Page<AuditEvent> audit(String entity, Long entityId, int offset, int limit);

    /**
     * The audit trail, newest first, filtered.
     *
     * @param filter which entries
     * @param offset index of the first item
     * @param limit page size, 1–500
     * @return one page
     * @throws WorkflowException INVALID naming {@code entity}, {@code actor}, {@code from} (after {@code to}),
     *     {@code offset} or {@code limit}
     * @since 0.7
     */
    Page<AuditEvent> audit(AuditFilter filter, int offset, int limit);

    /**
     * Starts an export of the entries a filter selects, oldest first, and records it in the trail (entity
     * {@code audit}, action {@code audit.export}, with the filter). The entries are read page by page as the
     * answer is iterated, each page in a transaction of its own, never all at once; the permission is checked
     * here, once.
     *
     * @param filter which entries
     * @return the entries, to iterate once
     * @throws WorkflowException INVALID as {@link #audit(AuditFilter, int, int)}
     * @since 0.7
     */
    Iterable<AuditEvent> export(AuditFilter filter);

    /**
     * Walks the whole chain, in sequence order, page by page, and recomputes every MAC.
     *
     * @return intact, or the first missing or altered entry
     */
    AuditVerification verify();

    /**
     * {@link #verify()}, and also checks that the chain still reaches the checkpoint and holds the
     * same entry at its sequence number: that detects entries deleted from the tail together with
     * the head row.
     *
     * @param checkpoint a checkpoint this platform signed
     * @return intact, or the first missing or altered entry
     * @throws WorkflowException INVALID naming {@code signature} when this platform's key did not sign it
     */
    AuditVerification verify(AuditCheckpoint checkpoint);

    /**
     * A signed statement of the chain's current head.
     *
     * @return the checkpoint, of sequence 0 when the trail is empty
     */
    AuditCheckpoint checkpoint();
}
