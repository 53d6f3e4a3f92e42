package org.qiancheng.rest.internal;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ServiceScope;
import org.osgi.service.jakartars.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsName;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;
import org.qiancheng.api.workflow.Drafts.TraineeDraft;
import org.qiancheng.api.workflow.Page;
import org.qiancheng.api.workflow.Trainee;
import org.qiancheng.api.workflow.Trainees;

/**
 * Real-name trainees [K2]. Their resident ID is written masked everywhere except in
 * {@code GET /api/v1/trainees/{id}}, which is not to be cached.
 */
@Component(service = TraineesResource.class, scope = ServiceScope.PROTOTYPE)
@JakartarsResource
@JakartarsName("qiancheng.trainees")
@JSONRequired
@Path("v1/trainees")
@Produces(MediaType.APPLICATION_JSON)
public final class TraineesResource {

    private final Trainees trainees;

    @Context
    UriInfo uri;

    @Activate
    public TraineesResource(@Reference Trainees trainees) {
        this.trainees = trainees;
    }

    /** {@code POST /api/v1/trainees}: 201 with the trainee (ID masked), its address and {@code ETag}. */
    /** {@code POST /api/v1/trainees/import}: a CSV or XLSX file of trainees, all or nothing. */
    @OperationId("importTrainees")
    @POST
    @Path("import")
    @Consumes({"text/csv", MediaType.TEXT_PLAIN, Xlsx.TYPE})
    @Produces(MediaType.APPLICATION_JSON)
    public ImportSummary importCsv(@HeaderParam(HttpHeaders.CONTENT_TYPE) MediaType type, InputStream body) {
        return ImportSummary.of(trainees.importTrainees(TraineeCsv.trainees(TraineeCsv.rows(type, body))));
    }

    @OperationId("registerTrainee")
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response register(TraineeDraft draft) {
        Trainee registered = trainees.register(Requests.body(draft));
        return ETags.created(uri, registered.id(), registered, registered.version());
    }

    /** {@code GET /api/v1/trainees?region=&offset=&limit=}: IDs masked; region is a household region prefix. */
    @OperationId("listTrainees")
    @GET
    public Page<Trainee> list(@QueryParam("region") String region, @QueryParam("offset") String offset,
            @QueryParam("limit") String limit) {
        return trainees.trainees(Requests.regionPrefix("region", region), Requests.offset(offset),
                Requests.limit(limit));
    }

    /** {@code GET /api/v1/trainees/{id}}: the one read that shows the full resident ID; never cached. */
    @OperationId("getTrainee")
    @GET
    @Path("{id}")
    public Response get(@PathParam("id") long id, @QueryParam("reason") String reason) {
        if (reason == null) {
            Trainee trainee = trainees.trainee(id);
            return Response.ok(trainee).tag(ETags.tag(trainee.version())).build();
        }
        Trainee trainee = trainees.disclose(id, reason);
        CacheControl noStore = new CacheControl();
        noStore.setNoStore(true);
        return Response.ok(TraineeView.of(trainee)).tag(ETags.tag(trainee.version())).cacheControl(noStore).build();
    }
}
