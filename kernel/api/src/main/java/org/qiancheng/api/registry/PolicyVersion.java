package org.qiancheng.api.registry;

import java.util.Objects;
import org.qiancheng.api.claim.PolicyIdentity;
import org.qiancheng.api.policy.PolicyDescriptor;

/**
 * An installed policy version and its standing.
 *
 * @param descriptor what the version declares
 * @param identity the bundle that carries it and its content hash
 * @param status ACTIVE, STANDBY or REFUSED
 * @param reason why it is refused or on standby; {@code null} when active
 * @param pinned whether an operator pinned this version for its region
 */
public record PolicyVersion(PolicyDescriptor descriptor, PolicyIdentity identity, PolicyStatus status, String reason,
        boolean pinned) {

    /** Requires descriptor, identity and status. */
    public PolicyVersion {
        Objects.requireNonNull(descriptor, "descriptor");
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(status, "status");
    }
}
