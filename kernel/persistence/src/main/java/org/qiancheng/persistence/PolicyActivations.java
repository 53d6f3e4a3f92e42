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

    /** @return every decision, oldest first, each with its region's decision sequence ({@link Activation#sequence()}) */
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

    /**
     * Stores a decision as the next step of its region's decision sequence, when the region is still at
     * {@code expectedSequence}, with more work in the same transaction. Of two decisions made at the same
     * sequence, on one node or two, exactly one is stored; the database decides (a primary key per step).
     *
     * @param decision the decision; its id and sequence are ignored
     * @param expectedSequence the region's sequence the decision was made at (0: the region has no decision)
     * @param alongside given the transaction and the decision as stored
     * @return the decision as stored, with its id and sequence ({@code expectedSequence + 1})
     * @throws org.qiancheng.api.registry.StaleDecisionException when the region is past
     *     {@code expectedSequence}, or another decision took the step first; nothing is stored
     * @since 0.11
     */
    Activation append(Activation decision, long expectedSequence, BiConsumer<WorkflowTx, Activation> alongside);

    /**
     * Calls {@code listener} (on a thread of the store) soon after any node stored a decision, so that the
     * node applies it without waiting for its next reading of the history: on PostgreSQL through
     * {@code LISTEN/NOTIFY}; on a database without notifications never (the reader polls).
     *
     * @return closing it stops the calls
     * @since 0.11
     */
    AutoCloseable onAppended(Runnable listener);
}
