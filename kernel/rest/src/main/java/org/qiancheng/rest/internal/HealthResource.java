package org.qiancheng.rest.internal;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ServiceScope;
import org.osgi.service.jakartars.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsName;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;
import org.qiancheng.api.system.HealthReport;
import org.qiancheng.api.system.HealthService;
import org.qiancheng.api.system.HealthStatus;

/**
 * {@code GET /api/v1/health}: 200 {@code {"status":"UP"}} when the platform is up, 503 when not, to
 * anybody (a load balancer, the launcher); {@code GET /api/v1/health/details} gives the whole report
 * (bundle counts, database, uptime) to a logged-in user, since it tells an attacker what runs.
 */
@Component(service = HealthResource.class, scope = ServiceScope.PROTOTYPE)
@JakartarsResource
@JakartarsName("qiancheng.health")
@JSONRequired
@Path("v1/health")
public final class HealthResource {

    private final HealthService health;

    @Activate
    public HealthResource(@Reference HealthService health) {
        this.health = health;
    }

    @OperationId("getHealth")
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response get() {
        HealthReport report = health.health();
        return Response.status(status(report)).entity(Map.of("status", report.status())).build();
    }

    @OperationId("getHealthDetails")
    @GET
    @Path("details")
    @Produces(MediaType.APPLICATION_JSON)
    public Response details() {
        HealthReport report = health.health();
        return Response.status(status(report)).entity(report).build();
    }

    private static int status(HealthReport report) {
        return report.status() == HealthStatus.UP ? 200 : 503;
    }
}
