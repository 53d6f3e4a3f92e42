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
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.util.List;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ServiceScope;
import org.osgi.service.jakartars.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsName;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;
import org.qiancheng.api.workflow.Claim;
import org.qiancheng.api.workflow.RosterLine;
import org.qiancheng.api.workflow.Claims;
import org.qiancheng.api.workflow.Classes;
import org.qiancheng.api.workflow.Drafts.ClassDraft;
import org.qiancheng.api.workflow.Drafts.SurveyDraft;
import org.qiancheng.api.workflow.Enrolment;
import org.qiancheng.api.workflow.Enrolments;
import org.qiancheng.api.workflow.Page;
import org.qiancheng.api.workflow.Survey;
import org.qiancheng.api.workflow.TrainingClass;

/** Filed classes (开班备案), their enrolments and their claims [K1, K3, K4, K5, region eligibility]. */
@Component(service = ClassesResource.class, scope = ServiceScope.PROTOTYPE)
@JakartarsResource
@JakartarsName("qiancheng.classes")
@JSONRequired
@Path("v1/classes")
@Produces(MediaType.APPLICATION_JSON)
public final class ClassesResource {

    /** Body of an enrolment. */
    public record EnrolmentRequest(Long traineeId) {
    }

    /** The request header that makes a claims computation safe to repeat. */
    static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    /** Longest idempotency key accepted. */
    static final int MAX_KEY_LENGTH = 200;

    private final Classes classes;
    private final Enrolments enrolments;
    private final Claims claims;

    @Context
    UriInfo uri;

    @Activate
    public ClassesResource(@Reference Classes classes, @Reference Enrolments enrolments, @Reference Claims claims) {
        this.classes = classes;
        this.enrolments = enrolments;
        this.claims = claims;
    }

    /** {@code POST /api/v1/classes}: files a class, 201 with its address and {@code ETag}. */
    /** {@code POST /api/v1/classes/{id}/enrolments/import}: a CSV or XLSX file of resident IDs, all or nothing. */
    @OperationId("importEnrolments")
    @POST
    @Path("{id}/enrolments/import")
    @Consumes({"text/csv", MediaType.TEXT_PLAIN, Xlsx.TYPE})
    @Produces(MediaType.APPLICATION_JSON)
    public ImportSummary importEnrolments(@PathParam("id") long id,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) MediaType type, InputStream body) {
        return ImportSummary.of(enrolments.importEnrolments(id, TraineeCsv.idNumbers(TraineeCsv.rows(type, body))));
    }

    @OperationId("fileClass")
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response file(ClassDraft draft) {
        TrainingClass filed = classes.fileClass(Requests.body(draft));
        return ETags.created(uri, filed.id(), filed, filed.version());
    }

    /** {@code GET /api/v1/classes?region=&projectId=&offset=&limit=}. */
    @OperationId("listClasses")
    @GET
    public Page<TrainingClass> list(@QueryParam("region") String region, @QueryParam("projectId") String projectId,
            @QueryParam("offset") String offset, @QueryParam("limit") String limit) {
        return classes.classes(Requests.optionalRegionCode("region", region),
                Requests.optionalId("projectId", projectId), Requests.offset(offset), Requests.limit(limit));
    }

    /** {@code GET /api/v1/classes/{id}}: with {@code ETag: "<version>"}. */
    @OperationId("getClass")
    @GET
    @Path("{id}")
    public Response get(@PathParam("id") long id) {
        TrainingClass filed = classes.trainingClass(id);
        return ETags.ok(filed, filed.version());
    }

    /**
     * {@code POST /api/v1/classes/{id}/enrolments} with {@code {"traineeId": n}}: 201 with the
     * enrolment; 422 naming the rule when the trainee is in an overlapping class [K3] or the
     * region's policy finds the trainee ineligible; 409 when already enrolled.
     */
    @OperationId("enrol")
    @POST
    @Path("{id}/enrolments")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response enrol(@PathParam("id") long id, EnrolmentRequest request) {
        if (request == null || request.traineeId() == null) {
            throw Problems.invalid("traineeId", "required", "is required");
        }
        Enrolment enrolment = enrolments.enrol(id, request.traineeId());
        return Response.status(Response.Status.CREATED).entity(enrolment).build();
    }

    /** {@code GET /api/v1/classes/{id}/enrolments?offset=&limit=}: 404 when there is no such class. */
    @OperationId("listEnrolments")
    @GET
    @Path("{id}/enrolments")
    public Page<Enrolment> enrolments(@PathParam("id") long id, @QueryParam("offset") String offset,
            @QueryParam("limit") String limit) {
        int from = Requests.offset(offset);
        int size = Requests.limit(limit);
        classes.trainingClass(id);
        return enrolments.enrolments(id, from, size);
    }

    /**
     * {@code POST /api/v1/classes/{id}/claims}, optionally with {@code Idempotency-Key: <key>}:
     * computes and stores the claims of every enrolment that has an outcome and no claim yet, through
     * the policy in force on the class's start date; 200 with the class's claims after the request.
     * Repeating a request with the same key answers the same claims and computes nothing. 422 naming
     * the rule when the class may not claim (e.g. filed after its start [K1]).
     */
    @OperationId("computeClaims")
    @POST
    @Path("{id}/claims")
    public List<Claim> computeClaims(@PathParam("id") long id, @HeaderParam(IDEMPOTENCY_KEY) String key) {
        return claims.computeClaims(id, idempotencyKey(key));
    }

    /**
     * {@code GET /api/v1/classes/{id}/roster?format=csv}: the class's roster (花名册) as a CSV
     * attachment, resident IDs masked; 404 for a class outside the caller's regions.
     */
    @OperationId("exportRoster")
    @GET
    @Path("{id}/roster")
    @Produces({Exports.CSV_TYPE, Xlsx.TYPE})
    public Response roster(@PathParam("id") long id, @QueryParam("format") String format) {
        boolean xlsx = Exports.xlsx(format);
        List<RosterLine> lines = classes.roster(id);
        ExportTables.Table table = ExportTables.roster(lines);
        return Exports.of(xlsx, "roster-class-" + id, "花名册-班级" + id, table.header(), table.rows());
    }

    /**
     * {@code PUT /api/v1/classes/{id}/survey}: records the class's satisfaction survey, or replaces it
     * while no claim of the class is computed [K11].
     */
    @OperationId("recordSurvey")
    @PUT
    @Path("{id}/survey")
    @Consumes(MediaType.APPLICATION_JSON)
    public Survey recordSurvey(@PathParam("id") long id, SurveyDraft draft) {
        return classes.recordSurvey(id, Requests.body(draft));
    }

    /** {@code GET /api/v1/classes/{id}/survey}: 404 until a survey is recorded. */
    @OperationId("getSurvey")
    @GET
    @Path("{id}/survey")
    public Survey survey(@PathParam("id") long id) {
        return classes.survey(id).orElseThrow(() -> Problems.notFound("class " + id + " has no satisfaction survey"));
    }

    /** The key as sent, or {@code null} without the header; 422 when it is blank, too long or not visible ASCII. */
    static String idempotencyKey(String key) {
        if (key == null) {
            return null;
        }
        if (key.isBlank() || key.length() > MAX_KEY_LENGTH || !key.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
            throw Problems.invalid(IDEMPOTENCY_KEY, "format:idempotency-key", "must be 1 to " + MAX_KEY_LENGTH
                    + " visible ASCII characters chosen by the client for this request");
        }
        return key;
    }
}
