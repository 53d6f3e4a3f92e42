package org.qiancheng.rest.internal;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
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
import org.qiancheng.api.policy.SourceDocument;
import org.qiancheng.api.registry.NoPolicyException;
import org.qiancheng.api.registry.PolicyRegistry;
import org.qiancheng.api.registry.PolicyVersion;
import org.qiancheng.api.registry.RoutingIssue;

/** Installed policy versions, their standing, routing issues, documents and pins. */
@Component(service = PoliciesResource.class, scope = ServiceScope.PROTOTYPE)
@JakartarsResource
@JakartarsName("qiancheng.policies")
@JSONRequired
@Path("v1/policies")
@Produces(MediaType.APPLICATION_JSON)
public final class PoliciesResource {

    /** Body of a pin request. */
    public record Pin(String version) {
    }

    private final PolicyRegistry registry;

    @Activate
    public PoliciesResource(@Reference PolicyRegistry registry) {
        this.registry = registry;
    }

    /** {@code GET /api/v1/policies}: every installed version, ACTIVE / STANDBY / REFUSED with the reason. */
    @GET
    public List<PolicyVersion> list() {
        return registry.versions();
    }

    /** {@code GET /api/v1/policies/issues}: overlaps and gaps between the valid versions of each region. */
    @GET
    @Path("issues")
    public List<RoutingIssue> issues() {
        return registry.issues();
    }

    /** {@code GET /api/v1/policies/{code}/{version}/documents}: the notices a version implements. */
    @GET
    @Path("{code}/{version}/documents")
    public List<SourceDocument> documents(@PathParam("code") String code, @PathParam("version") String version) {
        String region = Requests.regionCode("code", code);
        return registry.versions().stream()
                .filter(v -> v.descriptor().regionCode().equals(region) && v.descriptor().version().equals(version))
                .findFirst().map(v -> v.descriptor().documents())
                .orElseThrow(() -> Problems.notFound("version " + version + " of region " + region + " is not installed"));
    }

    /** {@code PUT /api/v1/policies/{code}/pin} with {@code {"version": "…"}}: that version decides every date. */
    @PUT
    @Path("{code}/pin")
    @Consumes(MediaType.APPLICATION_JSON)
    public List<PolicyVersion> pin(@PathParam("code") String code, Pin pin) {
        String region = Requests.regionCode("code", code);
        if (pin == null || pin.version() == null || pin.version().isBlank()) {
            throw Problems.invalid("version", "required", "is required");
        }
        try {
            registry.pin(region, pin.version());
        } catch (NoPolicyException e) {
            throw Problems.invalid("version", "installed-valid-version", e.getMessage());
        }
        return ofRegion(region);
    }

    /** {@code DELETE /api/v1/policies/{code}/pin}: the region is routed by class start date again. */
    @DELETE
    @Path("{code}/pin")
    public List<PolicyVersion> unpin(@PathParam("code") String code) {
        String region = Requests.regionCode("code", code);
        registry.unpin(region);
        return ofRegion(region);
    }

    private List<PolicyVersion> ofRegion(String region) {
        return registry.versions().stream().filter(v -> v.descriptor().regionCode().equals(region)).toList();
    }
}
