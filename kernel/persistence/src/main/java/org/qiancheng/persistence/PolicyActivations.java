package org.qiancheng.persistence;

import java.util.List;
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
}
