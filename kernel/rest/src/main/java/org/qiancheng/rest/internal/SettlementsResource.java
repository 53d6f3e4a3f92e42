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
import org.qiancheng.api.workflow.Page;
import org.qiancheng.api.workflow.Settlement;
import org.qiancheng.api.workflow.Settlements;

/**
 * Monthly settlements: {@code POST /api/v1/settlements} starts computing the claims of every class
 * of a region that ended in a month, in batches in the background, and answers at once (202)
 * with the run; {@code GET /api/v1/settlements/{id}} shows its progress.
 */
@Component(service = SettlementsResource.class, scope = ServiceScope.PROTOTYPE)
@JakartarsResource
@JakartarsName("qiancheng.settlements")
@JSONRequired
@Path("v1/settlements")
@Produces(MediaType.APPLICATION_JSON)
public final class SettlementsResource {

    /** Body of a start: both fields required; {@code month} as {@code YYYY-MM}. */
    public record SettlementRequest(String regionCode, String month) {
    }

    private final Settlements settlements;

    @Context
    UriInfo uri;

    @Activate
    public SettlementsResource(@Reference Settlements settlements) {
        this.settlements = settlements;
    }

    /**
     * {@code POST /api/v1/settlements} with {@code {"regionCode": "510000", "month": "2026-10"}},
     * optionally with {@code Idempotency-Key}: 202 with the run and its address. Starting a month
     * whose run is still open answers that run (resuming it when it was interrupted), so a second
     * start never computes anything twice; after a run completed, a new run adds only the claims
     * that became due since. 422 naming {@code regionCode} or {@code month}.
     */
    @OperationId("startSettlement")
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response start(@HeaderParam(ClassesResource.IDEMPOTENCY_KEY) String key, SettlementRequest request) {
        SettlementRequest body = Requests.body(request);
        String region = Requests.regionCode("regionCode", body.regionCode());
        Settlement run = settlements.start(region, Requests.month("month", body.month()),
                ClassesResource.idempotencyKey(key));
        return Response.accepted(run).location(uri.getBaseUriBuilder().path("v1/settlements/{id}").build(run.id()))
                .build();
    }

    /** {@code GET /api/v1/settlements?region=&offset=&limit=}: runs, newest first. */
    @OperationId("listSettlements")
    @GET
    public Page<Settlement> list(@QueryParam("region") String region, @QueryParam("offset") String offset,
            @QueryParam("limit") String limit) {
        return settlements.settlements(Requests.optionalRegionCode("region", region), Requests.offset(offset),
                Requests.limit(limit));
    }

    /** {@code GET /api/v1/settlements/{id}}: the run and its progress; 404 when there is none. */
    @OperationId("getSettlement")
    @GET
    @Path("{id}")
    public Settlement get(@PathParam("id") long id) {
        return settlements.settlement(id);
    }

    /**
     * {@code POST /api/v1/settlements/{id}/resume}: continues an INTERRUPTED or FAILED run after its
     * last committed batch; 202 with the run, 409 when it is running or completed.
     */
    @OperationId("resumeSettlement")
    @POST
    @Path("{id}/resume")
    public Response resume(@PathParam("id") long id) {
        return Response.accepted(settlements.resume(id)).build();
    }
}
