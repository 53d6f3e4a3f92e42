package org.qiancheng.rest.internal;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ServiceScope;
import org.osgi.service.jakartars.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsName;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;
import org.qiancheng.api.workflow.Directory;
import org.qiancheng.api.workflow.Drafts.InstitutionDraft;
import org.qiancheng.api.workflow.Institution;
import org.qiancheng.api.workflow.InstitutionStatus;
import org.qiancheng.api.workflow.Page;

/** The directory of training institutions and their standing (black and white lists) [K4]. */
@Component(service = InstitutionsResource.class, scope = ServiceScope.PROTOTYPE)
@JakartarsResource
@JakartarsName("qiancheng.institutions")
@JSONRequired
@Path("v1/institutions")
@Produces(MediaType.APPLICATION_JSON)
public final class InstitutionsResource {

    /** Body of a change of standing. */
    public record StatusChange(InstitutionStatus status) {
    }

    private final Directory directory;

    @Context
    UriInfo uri;

    @Activate
    public InstitutionsResource(@Reference Directory directory) {
        this.directory = directory;
    }

    /** {@code POST /api/v1/institutions}: 201 with its address and {@code ETag}. */
    @OperationId("createInstitution")
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(InstitutionDraft draft) {
        Institution created = directory.createInstitution(Requests.body(draft));
        return ETags.created(uri, created.id(), created, created.version());
    }

    /** {@code GET /api/v1/institutions?region=&status=&offset=&limit=}. */
    @OperationId("listInstitutions")
    @GET
    public Page<Institution> list(@QueryParam("region") String region, @QueryParam("status") String status,
            @QueryParam("offset") String offset, @QueryParam("limit") String limit) {
        return directory.institutions(Requests.optionalRegionCode("region", region),
                Requests.optionalEnum("status", status, InstitutionStatus.class), Requests.offset(offset),
                Requests.limit(limit));
    }

    /** {@code GET /api/v1/institutions/{id}}: with {@code ETag: "<version>"}. */
    @OperationId("getInstitution")
    @GET
    @Path("{id}")
    public Response get(@PathParam("id") long id) {
        Institution institution = directory.institution(id);
        return ETags.ok(institution, institution.version());
    }

    /**
     * {@code PUT /api/v1/institutions/{id}/status} with {@code {"status": "BLACKLISTED"}} and
     * {@code If-Match: "<version>"}: 428 without the header, 412 when the version is stale.
     */
    @OperationId("changeInstitutionStatus")
    @PUT
    @Path("{id}/status")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response changeStatus(@PathParam("id") long id, @HeaderParam(ETags.IF_MATCH) String ifMatch,
            StatusChange change) {
        long expected = ETags.expected(ifMatch, () -> directory.institution(id).version());
        if (change == null || change.status() == null) {
            throw Problems.invalid("status", "required", "is required");
        }
        Institution changed = ETags.update(() -> directory.changeStatus(id, change.status(), expected));
        return ETags.ok(changed, changed.version());
    }
}
