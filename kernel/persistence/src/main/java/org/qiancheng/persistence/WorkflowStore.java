package org.qiancheng.persistence;

import java.util.function.Function;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The workflow's records in the database, changed only inside a transaction: the kernel checks its
 * rules and writes in one unit, so a refusal or a failure leaves nothing half-written.
 */
@ProviderType
public interface WorkflowStore {

    /**
     * Runs work in one transaction: committed when it returns, rolled back when it throws. A
     * concurrent change detected at commit (optimistic locking) is reported as a
     * {@code WorkflowException} of kind CONFLICT.
     *
     * @param work the reads, checks and writes
     * @param <T> the result type
     * @return what the work returned
     */
    <T> T transaction(Function<WorkflowTx, T> work);
}
