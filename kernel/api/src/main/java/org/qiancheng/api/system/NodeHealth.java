package org.qiancheng.api.system;

import java.util.List;
import java.util.Objects;

/**
 * The node that took a health report: which one of the nodes behind the load balancer, and the
 * leases it holds (the work only it does until the lease ends, e.g. {@code settlement:42}).
 *
 * @param id the node's id (configuration {@code QC_NODE}, else host name, port and a random suffix)
 * @param leases the leases this node holds now, as resource names
 * @since 1.1
 */
public record NodeHealth(String id, List<String> leases) {

    /** Requires the id; copies the list. */
    public NodeHealth {
        Objects.requireNonNull(id, "id");
        leases = List.copyOf(leases);
    }

    /** @return whether this node holds any lease */
    public boolean holdsLeases() {
        return !leases.isEmpty();
    }
}
