package org.qiancheng.persistence;

import java.util.List;
import java.util.function.BiConsumer;
import org.osgi.annotation.versioning.ProviderType;
import org.qiancheng.api.registry.Activation;

/**
 * The stored history of operators' decisions about policy versions, shared by every node on the
 * same database.
 */
@ProviderType
public interface PolicyActivations {

    /** @return every decision, oldest first */
    List<Activation> all();

    /**
     * Stores a decision.
     *
     * @param decision the decision; its id is ignored
     * @return the decision as stored, with its id
     */
    Activation append(Activation decision);

    /**
     * Stores a decision and does more work in the same transaction, e.g. its audit entry or the
     * confirmation of the request it carries out: both are committed, or neither.
     *
     * @param decision the decision; its id is ignored
     * @param alongside given the transaction and the decision as stored, with its id
     * @return the decision as stored, with its id
     * @since 0.9
     */
    Activation append(Activation decision, BiConsumer<WorkflowTx, Activation> alongside);
}
