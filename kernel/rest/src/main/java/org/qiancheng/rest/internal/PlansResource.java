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
import org.qiancheng.api.workflow.Page;
import org.qiancheng.api.workflow.PlanDrafts.AdjustmentDraft;
import org.qiancheng.api.workflow.PlanDrafts.LinesDraft;
import org.qiancheng.api.workflow.PlanDrafts.PlanDraft;
import org.qiancheng.api.workflow.PlanDrafts.PublicationDraft;
import org.qiancheng.api.workflow.PlanProgress;
import org.qiancheng.api.workflow.TrainingPlan;
import org.qiancheng.api.workflow.TrainingPlans;

/**
 * Yearly training plans (年度培训计划), one per region and year, addressed by both
 * ({@code /plans/510000/2026}): drafted from the region's demand catalogue, published, adjusted once,
 * and their progress against the classes filed.
 */
@Component(service = PlansResource.class, scope = ServiceScope.PROTOTYPE)
@JakartarsResource
@JakartarsName("qiancheng.plans")
@JSONRequired
@Path("v1/plans")
@Produces(MediaType.APPLICATION_JSON)
public final class PlansResource {

    private final TrainingPlans plans;

    @Context
    UriInfo uri;

    @Activate
    public PlansResource(@Reference TrainingPlans plans) {
        this.plans = plans;
    }

    /** {@code POST /api/v1/plans}: a DRAFT plan, 201 with its address ({@code …/plans/{code}/{year}}) and ETag. */
    @OperationId("createPlan")
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(PlanDraft draft) {
        TrainingPlan created = plans.create(Requests.body(draft));
        return Response.created(uri.getAbsolutePathBuilder().path(created.regionCode())
                .path(Integer.toString(created.year())).build()).entity(created).tag(ETags.tag(created.version()))
                .build();
    }

    /** {@code GET /api/v1/plans?region=&year=&offset=&limit=}: by region, then year. */
    @OperationId("listPlans")
    @GET
    public Page<TrainingPlan> list(@QueryParam("region") String region, @QueryParam("year") String year,
            @QueryParam("offset") String offset, @QueryParam("limit") String limit) {
        Integer y = year == null || year.isBlank() ? null : Requests.integer("year", year, 0, 1900, 2100);
        return plans.plans(Requests.optionalRegionCode("region", region), y, Requests.offset(offset),
                Requests.limit(limit));
    }

    /** {@code GET /api/v1/plans/{code}/{year}}: with {@code ETag: "<version>"}. */
    @OperationId("getPlan")
    @GET
    @Path("{code}/{year}")
    public Response get(@PathParam("code") String code, @PathParam("year") String year) {
        TrainingPlan plan = plans.plan(code(code), year(year));
        return ETags.ok(plan, plan.version());
    }

    /** {@code PUT /api/v1/plans/{code}/{year}/lines} {@code {"lines": […]}} + {@code If-Match}: a draft's new lines. */
    @OperationId("replacePlanLines")
    @PUT
    @Path("{code}/{year}/lines")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response replaceLines(@PathParam("code") String code, @PathParam("year") String year,
            @HeaderParam(ETags.IF_MATCH) String ifMatch, LinesDraft body) {
        return versioned(code, year, ifMatch, body,
                (region, y, lines, expected) -> plans.replaceLines(region, y, lines.lines(), expected));
    }

    /** {@code POST /api/v1/plans/{code}/{year}/publish} {@code {"publishedOn"?}} + {@code If-Match}. */
    @OperationId("publishPlan")
    @POST
    @Path("{code}/{year}/publish")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response publish(@PathParam("code") String code, @PathParam("year") String year,
            @HeaderParam(ETags.IF_MATCH) String ifMatch, PublicationDraft body) {
        return versioned(code, year, ifMatch, body,
                (region, y, publication, expected) -> plans.publish(region, y, publication.publishedOn(), expected));
    }

    /** {@code POST /api/v1/plans/{code}/{year}/adjustment} {@code {"adjustedOn"?, "reason", "lines"}} + {@code If-Match}. */
    @OperationId("adjustPlan")
    @POST
    @Path("{code}/{year}/adjustment")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response adjust(@PathParam("code") String code, @PathParam("year") String year,
            @HeaderParam(ETags.IF_MATCH) String ifMatch, AdjustmentDraft body) {
        return versioned(code, year, ifMatch, body, plans::adjust);
    }

    /** {@code GET /api/v1/plans/{code}/{year}/progress}: the progress of a published plan, as of today. */
    @OperationId("getPlanProgress")
    @GET
    @Path("{code}/{year}/progress")
    public PlanProgress progress(@PathParam("code") String code, @PathParam("year") String year) {
        return plans.progress(code(code), year(year));
    }

    /** {@code GET /api/v1/plans/{code}/{year}/progress/export?format=csv|xlsx}: the progress as a download. */
    @OperationId("exportPlanProgress")
    @GET
    @Path("{code}/{year}/progress/export")
    @Produces({Exports.CSV_TYPE, Xlsx.TYPE})
    public Response export(@PathParam("code") String code, @PathParam("year") String year,
            @QueryParam("format") String format) {
        boolean xlsx = Exports.xlsx(format);
        PlanProgress progress = plans.progress(code(code), year(year));
        ExportTables.Table table = PlanProgressTable.of(progress);
        String name = progress.regionCode() + "-" + progress.year();
        return Exports.of(xlsx, "plan-progress-" + name, "培训计划进度-" + name, table.header(), table.rows());
    }

    private static String code(String code) {
        return Requests.regionCode("code", code);
    }

    private static int year(String year) {
        if (year == null || !year.matches("[0-9]{4}")) {
            throw Problems.invalid("year", "format:year", "must be a year of four digits, 1900 to 2100",
                    "须为四位数年份（1900 至 2100）");
        }
        return Requests.integer("year", year, 0, 1900, 2100);
    }

    /** A change of a plan, given the version the client read. */
    @FunctionalInterface
    private interface Change<B> {
        TrainingPlan apply(String region, int year, B body, long expectedVersion);
    }

    /**
     * A write to the plan of a region and year under {@code If-Match}: path, then body, then the
     * version are checked, in that order; 200 with the plan and its new {@code ETag}.
     */
    private <B> Response versioned(String code, String year, String ifMatch, B body, Change<B> change) {
        String region = code(code);
        int y = year(year);
        B checked = Requests.body(body);
        long expected = ETags.expected(ifMatch, () -> plans.plan(region, y).version());
        TrainingPlan changed = ETags.update(() -> change.apply(region, y, checked, expected));
        return ETags.ok(changed, changed.version());
    }
}
