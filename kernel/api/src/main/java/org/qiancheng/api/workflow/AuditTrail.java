package org.qiancheng.api.workflow;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The audit trail: one entry per change to a workflow record, written in the same transaction as
 * the change, under the operator's name ({@link Operators}). Provided by the kernel.
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
}
