package org.qiancheng.rest.internal;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ServiceScope;
import org.osgi.service.jakartars.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsName;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;
import org.qiancheng.api.system.NodeInfo;
import org.qiancheng.api.system.Nodes;

/**
 * {@code GET /api/v1/nodes}: the platform processes sharing this database (several nodes behind a
 * load balancer), the answering node first, each with its last heartbeat and the leases it holds.
 */
@Component(service = NodesResource.class, scope = ServiceScope.PROTOTYPE)
@JakartarsResource
@JakartarsName("qiancheng.nodes")
@JSONRequired
@Path("v1/nodes")
@Produces(MediaType.APPLICATION_JSON)
public final class NodesResource {

    private final Nodes nodes;

    @Activate
    public NodesResource(@Reference Nodes nodes) {
        this.nodes = nodes;
    }

    /** The live nodes: a heartbeat younger than the lease time and no clean stop since. */
    @OperationId("listNodes")
    @GET
    public List<NodeInfo> list() {
        return nodes.nodes();
    }
}
