package org.qiancheng.rest.internal;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ServiceScope;
import org.osgi.service.jakartars.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsName;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;
import org.qiancheng.api.policy.SourceDocument;
import org.qiancheng.api.registry.Activation;
import org.qiancheng.api.registry.ActivationRequest;
import org.qiancheng.api.registry.ActivationRequests;
import org.qiancheng.api.registry.NoPolicyException;
import org.qiancheng.api.registry.PolicyRegistry;
import org.qiancheng.api.registry.PolicyVersion;
import org.qiancheng.api.registry.RoutingIssue;
import org.qiancheng.api.workflow.Comparison;
import org.qiancheng.api.workflow.Comparisons;
import org.qiancheng.api.workflow.Operators;

/** Installed policy versions, their standing, routing issues, documents and pins. */
@Component(service = PoliciesResource.class, scope = ServiceScope.PROTOTYPE)
@JakartarsResource
@JakartarsName("qiancheng.policies")
@JSONRequired
@Path("v1/policies")
@Produces(MediaType.APPLICATION_JSON)
public final class PoliciesResource {

    /**
     * Body of a pin request: the version, and optionally the region's decision sequence the operator read
     * ({@code sequence} of the region's latest decision in {@code GET /policies/{code}/activations}, 0 when
     * none): 409 when the region has moved past it.
     */
    public record Pin(String version, Long expectedSequence) {
    }

    private final PolicyRegistry registry;
    private final Comparisons comparisons;
    private final ActivationRequests requests;

    @Activate
    public PoliciesResource(@Reference PolicyRegistry registry, @Reference Comparisons comparisons,
            @Reference ActivationRequests requests) {
        this.registry = registry;
        this.comparisons = comparisons;
        this.requests = requests;
    }

    /** {@code GET /api/v1/policies}: every installed version, ACTIVE / STANDBY / REFUSED with the reason. */
    @OperationId("listPolicies")
    @GET
    public List<PolicyVersion> list() {
        return registry.versions();
    }

    /** {@code GET /api/v1/policies/issues}: overlaps and gaps between the valid versions of each region. */
    @OperationId("listRoutingIssues")
    @GET
    @Path("issues")
    public List<RoutingIssue> issues() {
        return registry.issues();
    }

    /** {@code GET /api/v1/policies/{code}/{version}/documents}: the notices a version implements. */
    @OperationId("listPolicyDocuments")
    @GET
    @Path("{code}/{version}/documents")
    public List<SourceDocument> documents(@PathParam("code") String code, @PathParam("version") String version) {
        String region = Requests.regionCode("code", code);
        return installed(region, version).descriptor().documents();
    }

    /** {@code PUT /api/v1/policies/{code}/pin} with {@code {"version": "…"}}: that version decides every date. */
    @OperationId("pinPolicy")
    @PUT
    @Path("{code}/pin")
    @Consumes(MediaType.APPLICATION_JSON)
    public List<PolicyVersion> pin(@PathParam("code") String code, Pin pin) {
        String region = Requests.regionCode("code", code);
        if (pin == null || pin.version() == null || pin.version().isBlank()) {
            throw Problems.invalid("version", "required", "is required");
        }
        try {
            registry.pin(region, pin.version(), sequence(pin.expectedSequence()));
        } catch (NoPolicyException e) {
            throw Problems.invalid("version", "installed-valid-version", e.getMessage());
        }
        return ofRegion(region);
    }

    /**
     * {@code DELETE /api/v1/policies/{code}/pin?expectedSequence=}: the region is routed by class start date
     * again; 409 when the region has moved past the optional {@code expectedSequence}.
     */
    @OperationId("unpinPolicy")
    @DELETE
    @Path("{code}/pin")
    public List<PolicyVersion> unpin(@PathParam("code") String code,
            @QueryParam("expectedSequence") String expectedSequence) {
        String region = Requests.regionCode("code", code);
        registry.unpin(region, Requests.optionalSequence("expectedSequence", expectedSequence));
        return ofRegion(region);
    }

    /** Body of a comparison: {@code candidate}, {@code from} and {@code to} (YYYY-MM-DD) required; {@code top} 1–100, default 10. */
    public record CompareRequest(String candidate, String from, String to, Integer top) {
    }

    /**
     * {@code POST /api/v1/policies/{code}/compare}: the stored claims of classes starting in
     * [from, to] that the region's own policy decided, decided again by the candidate (installed,
     * typically on STANDBY); answers how many change, the totals and per-occupation budget delta,
     * and the {@code top} largest differences with both decisions. Nothing is stored. 422 naming
     * {@code candidate}, {@code from}, {@code to} or {@code top}.
     */
    @OperationId("comparePolicy")
    @POST
    @Path("{code}/compare")
    @Consumes(MediaType.APPLICATION_JSON)
    public Comparison compare(@PathParam("code") String code, CompareRequest request) {
        String region = Requests.regionCode("code", code);
        CompareRequest body = Requests.body(request);
        if (body.candidate() == null || body.candidate().isBlank()) {
            throw Problems.invalid("candidate", "required", "is required: an installed version of the region");
        }
        if (body.from() == null || body.to() == null) {
            throw Problems.invalid(body.from() == null ? "from" : "to", "required", "is required, as YYYY-MM-DD");
        }
        return comparisons.compare(region, body.candidate().strip(), Requests.date("from", body.from(), null),
                Requests.date("to", body.to(), null), body.top() == null ? 10 : body.top());
    }

    /**
     * Body of an activation request or a rollback: why, for the history (optional), and the region's
     * decision sequence the operator read (optional): 409 when the region has moved past it. A request
     * keeps the sequence (its own or the region's at the time), and its confirmation is 409 when the
     * region moves before it.
     */
    public record Decision(String reason, Long expectedSequence) {
    }

    /**
     * {@code POST /api/v1/policies/{code}/{version}/activate} with {@code {"reason": "…"}}: requests the
     * activation (two-person activation): 202 with the PENDING request, which another policy
     * administrator confirms ({@code POST /activation-requests/{id}/confirm}) within 24 hours. Checked
     * as an activation first, and nothing is stored on a refusal: 404 when the version is not installed
     * (or its region is outside the user's), 422 when it is refused, 409 when it is active already,
     * still VALIDATING (rule {@code status:VALIDATING}) or a request for it is pending.
     */
    @OperationId("activatePolicy")
    @POST
    @Path("{code}/{version}/activate")
    public Response activate(@PathParam("code") String code, @PathParam("version") String version, Decision body) {
        String region = Requests.regionCode("code", code);
        return Response.accepted(requests.request(region, version, reason(body),
                sequence(body == null ? null : body.expectedSequence()))).build();
    }

    /**
     * {@code GET /api/v1/policies/activation-requests?status=PENDING}: the requests in the user's
     * regions, newest first; those found past their time are EXPIRED first.
     */
    @OperationId("listActivationRequests")
    @GET
    @Path("activation-requests")
    public List<ActivationRequest> activationRequests(@QueryParam("status") String status) {
        return requests.list(Requests.optionalEnum("status", status, ActivationRequest.Status.class));
    }

    /**
     * {@code POST /api/v1/policies/activation-requests/{id}/confirm}: another policy administrator than
     * the requester activates the version at once; 200 with the stored activation. 403
     * {@code separation-of-duties} for the requester, 409 {@code expired} after 24 hours, 409 when it
     * is not pending, 404 for an unknown request or one outside the user's regions.
     */
    @OperationId("confirmActivation")
    @POST
    @Path("activation-requests/{id}/confirm")
    public Activation confirm(@PathParam("id") long id) {
        return requests.confirm(id);
    }

    /** {@code DELETE /api/v1/policies/activation-requests/{id}}: cancels a pending request (either administrator). */
    @OperationId("cancelActivationRequest")
    @DELETE
    @Path("activation-requests/{id}")
    public ActivationRequest cancel(@PathParam("id") long id) {
        return requests.cancel(id);
    }

    /**
     * {@code POST /api/v1/policies/{code}/rollback} with {@code {"reason": "…"}}: undoes the latest
     * activation of the region still in effect, at once; 200 with the stored decision, 409 when
     * there is nothing to roll back.
     */
    @OperationId("rollbackPolicy")
    @POST
    @Path("{code}/rollback")
    public Activation rollback(@PathParam("code") String code, Decision body) {
        return registry.rollback(Requests.regionCode("code", code), Operators.current(), reason(body),
                sequence(body == null ? null : body.expectedSequence()));
    }

    /** {@code GET /api/v1/policies/{code}/activations}: the operators' decisions about the region, oldest first. */
    @OperationId("listActivations")
    @GET
    @Path("{code}/activations")
    public List<Activation> activations(@PathParam("code") String code) {
        return registry.activations(Requests.regionCode("code", code));
    }

    private static Long sequence(Long expectedSequence) {
        if (expectedSequence != null && expectedSequence < 0) {
            throw Problems.invalid("expectedSequence", "min:0", "must be 0 or more: the sequence of the region's"
                    + " latest decision, 0 when it has none");
        }
        return expectedSequence;
    }

    private static String reason(Decision body) {
        if (body == null || body.reason() == null || body.reason().isBlank()) {
            return null;
        }
        if (body.reason().length() > 1000) {
            throw Problems.invalid("reason", "max-length:1000", "must be at most 1000 characters");
        }
        return body.reason().strip();
    }

    private PolicyVersion installed(String region, String version) {
        return registry.version(region, version).orElseThrow(() -> Problems.notFound("version " + version
                + " of region " + region + " is not installed"));
    }

    private List<PolicyVersion> ofRegion(String region) {
        return registry.versions().stream().filter(v -> v.descriptor().regionCode().equals(region)).toList();
    }
}
