package org.qiancheng.api.system;

import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The platform's nodes: the processes sharing one database behind a load balancer, each writing a
 * heartbeat every few seconds. Provided by the kernel.
 *
 * @since 1.1
 */
@ProviderType
public interface Nodes {

    /** @return this node's id */
    String self();

    /**
     * The live nodes: those whose latest heartbeat is younger than the lease time; this node first,
     * then by id. Requires the permission {@code platform.read}.
     *
     * @return the nodes
     */
    List<NodeInfo> nodes();
}
