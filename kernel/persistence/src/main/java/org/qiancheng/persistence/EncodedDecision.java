package org.qiancheng.persistence;

import org.osgi.annotation.versioning.ProviderType;
import org.qiancheng.api.claim.Decision;

/**
 * A decision together with the form its claim's row keeps it in, made by {@link WorkflowStore#encode}
 * ahead of the transaction that stores the claim. What the form is stays inside the persistence bundle.
 *
 * @since 0.13
 */
@ProviderType
public interface EncodedDecision {

    /** @return the decision, as decided */
    Decision decision();
}
