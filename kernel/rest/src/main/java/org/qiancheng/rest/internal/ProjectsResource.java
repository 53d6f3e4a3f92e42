package org.qiancheng.rest.internal;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
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
import org.qiancheng.api.workflow.Drafts.ProjectDraft;
import org.qiancheng.api.workflow.Page;
import org.qiancheng.api.workflow.Project;

/** Training projects; only a published project can have classes filed under it [K1]. */
@Component(service = ProjectsResource.class, scope = ServiceScope.PROTOTYPE)
@JakartarsResource
@JakartarsName("qiancheng.projects")
@JSONRequired
@Path("v1/projects")
@Produces(MediaType.APPLICATION_JSON)
public final class ProjectsResource {

    private final Directory directory;

    @Context
    UriInfo uri;

    @Activate
    public ProjectsResource(@Reference Directory directory) {
        this.directory = directory;
    }

    /** {@code POST /api/v1/projects}: an unpublished project, 201 with its address and {@code ETag}. */
    @OperationId("createProject")
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(ProjectDraft draft) {
        Project created = directory.createProject(Requests.body(draft));
        return ETags.created(uri, created.id(), created, created.version());
    }

    /** {@code GET /api/v1/projects?region=&published=&offset=&limit=}. */
    @OperationId("listProjects")
    @GET
    public Page<Project> list(@QueryParam("region") String region, @QueryParam("published") String published,
            @QueryParam("offset") String offset, @QueryParam("limit") String limit) {
        return directory.projects(Requests.optionalRegionCode("region", region),
                Requests.optionalBoolean("published", published), Requests.offset(offset), Requests.limit(limit));
    }

    /** {@code GET /api/v1/projects/{id}}: with {@code ETag: "<version>"}. */
    @OperationId("getProject")
    @GET
    @Path("{id}")
    public Response get(@PathParam("id") long id) {
        Project project = directory.project(id);
        return ETags.ok(project, project.version());
    }

    /**
     * {@code POST /api/v1/projects/{id}/publish} with {@code If-Match: "<version>"}: publishes it
     * today; 428 without the header, 412 when the version is stale.
     */
    @OperationId("publishProject")
    @POST
    @Path("{id}/publish")
    public Response publish(@PathParam("id") long id, @HeaderParam(ETags.IF_MATCH) String ifMatch) {
        long expected = ETags.expected(ifMatch, () -> directory.project(id).version());
        Project published = ETags.update(() -> directory.publish(id, expected));
        return ETags.ok(published, published.version());
    }
}
