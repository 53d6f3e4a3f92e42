package org.qiancheng.rest.internal;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ServiceScope;
import org.osgi.service.jakartars.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsName;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;
import org.qiancheng.api.workflow.Drafts.EmploymentDraft;
import org.qiancheng.api.workflow.Drafts.OutcomeDraft;
import org.qiancheng.api.workflow.Enrolment;
import org.qiancheng.api.workflow.Enrolments;

/**
 * One enrolment: its attendance (考勤, one check-in per class day counts) and what became of the
 * trainee (assessment, certificate, employment), which a claim is later computed from.
 */
@Component(service = EnrolmentsResource.class, scope = ServiceScope.PROTOTYPE)
@JakartarsResource
@JakartarsName("qiancheng.enrolments")
@JSONRequired
@Path("v1/enrolments")
@Produces(MediaType.APPLICATION_JSON)
public final class EnrolmentsResource {

    /** Body of a check-in. */
    public record CheckIn(LocalDate day) {
    }

    private final Enrolments enrolments;

    @Activate
    public EnrolmentsResource(@Reference Enrolments enrolments) {
        this.enrolments = enrolments;
    }

    /** {@code GET /api/v1/enrolments/{id}}: with {@code ETag: "<version>"}. */
    @OperationId("getEnrolment")
    @GET
    @Path("{id}")
    public Response get(@PathParam("id") long id) {
        Enrolment enrolment = enrolments.enrolment(id);
        return ETags.ok(enrolment, enrolment.version());
    }

    /**
     * {@code POST /api/v1/enrolments/{id}/check-ins} with {@code {"day": "2026-12-08"}}: 200 with the
     * enrolment and its {@code ETag}; a day already checked in is counted once. 422 naming
     * {@code day} when it is missing.
     */
    @OperationId("checkIn")
    @POST
    @Path("{id}/check-ins")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response checkIn(@PathParam("id") long id, CheckIn request) {
        if (request == null || request.day() == null) {
            throw Problems.invalid("day", "required", "is required: the class day, as in {\"day\": \"2026-12-08\"}");
        }
        Enrolment enrolment = enrolments.checkIn(id, request.day());
        return ETags.ok(enrolment, enrolment.version());
    }

    /**
     * {@code PUT /api/v1/enrolments/{id}/outcome} with an outcome and {@code If-Match: "<version>"}:
     * 200 with the enrolment and its new {@code ETag}; 428 without the header, 412 when the version
     * is stale.
     */
    @OperationId("recordOutcome")
    @PUT
    @Path("{id}/outcome")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response recordOutcome(@PathParam("id") long id, @HeaderParam(ETags.IF_MATCH) String ifMatch,
            OutcomeDraft outcome) {
        long expected = ETags.expected(ifMatch, () -> enrolments.enrolment(id).version());
        OutcomeDraft draft = Requests.body(outcome);
        Enrolment recorded = ETags.update(() -> enrolments.recordOutcome(id, draft, expected));
        return ETags.ok(recorded, recorded.version());
    }

    /**
     * {@code PUT /api/v1/enrolments/{id}/employment} with {@code {employment, employedOn}}: employment
     * evidence that arrived after the enrolment's claim [K12]; the claim's top-up follows at the next
     * claims computation of the class or in the settlement of this month.
     */
    @OperationId("recordEmployment")
    @PUT
    @Path("{id}/employment")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response recordEmployment(@PathParam("id") long id, EmploymentDraft draft) {
        Enrolment recorded = enrolments.recordEmployment(id, Requests.body(draft));
        return ETags.ok(recorded, recorded.version());
    }
}
