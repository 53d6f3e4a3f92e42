package org.qiancheng.core.internal.registry;

import java.util.function.BiConsumer;
import org.qiancheng.api.registry.Activation;
import org.qiancheng.api.registry.ActivationException;
import org.qiancheng.persistence.WorkflowTx;

/**
 * What the kernel's two-person activation needs of the registry beyond {@link
 * org.qiancheng.api.registry.PolicyRegistry}: checking an activation without deciding it, and an
 * activation stored in one transaction with more work (the request it carries out, its audit entry).
 * A service of the kernel bundle only (the package is private).
 */
public interface Decisions {

    /**
     * Checks that a version could be activated now, deciding nothing.
     *
     * @throws org.qiancheng.api.registry.NoPolicyException when it is not installed or refused
     * @throws ActivationException when it is VALIDATING ({@code status:VALIDATING}) or active already
     */
    void checkActivation(String regionCode, String version);

    /**
     * {@link org.qiancheng.api.registry.PolicyRegistry#activate}, with {@code alongside} run in the
     * transaction that stores the decision: when it throws, nothing is stored and nothing changes.
     */
    Activation activate(String regionCode, String version, String actor, String reason,
            BiConsumer<WorkflowTx, Activation> alongside);

    /**
     * {@link #activate(String, String, String, String, BiConsumer)} made at the region's decision
     * sequence {@code expectedSequence} ({@code null}: as this node knows it now).
     *
     * @throws org.qiancheng.api.registry.StaleDecisionException when the region has moved past it
     */
    Activation activate(String regionCode, String version, String actor, String reason, Long expectedSequence,
            BiConsumer<WorkflowTx, Activation> alongside);
}
