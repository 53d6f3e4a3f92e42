package org.qiancheng.persistence;

import java.util.function.Function;
import org.osgi.annotation.versioning.ProviderType;
import org.qiancheng.api.claim.Decision;

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

    /**
     * A decision in the form its claim's row keeps it, for {@link ClaimTx.NewClaim}. Encoding is most of
     * the work of storing a claim (the decision's JSON, compressed): done here, on the caller's thread and
     * outside any transaction, a settlement encodes one class's decisions while it writes the one before.
     * Thread-safe. By default the decision as it is, left to the transaction that stores the claim to encode.
     *
     * @since 0.13
     */
    default EncodedDecision encode(Decision decision) {
        return () -> decision;
    }
}
