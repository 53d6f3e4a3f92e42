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
import org.qiancheng.api.policy.RegionDirectory;
import org.qiancheng.api.policy.RegionSummary;

/** {@code GET /api/v1/regions}: the regions whose policy services are present now. */
@Component(service = RegionsResource.class, scope = ServiceScope.PROTOTYPE)
@JakartarsResource
@JakartarsName("qiancheng.regions")
@JSONRequired
@Path("v1/regions")
public final class RegionsResource {

    private final RegionDirectory directory;

    @Activate
    public RegionsResource(@Reference RegionDirectory directory) {
        this.directory = directory;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public List<RegionSummary> list() {
        return directory.regions();
    }
}
