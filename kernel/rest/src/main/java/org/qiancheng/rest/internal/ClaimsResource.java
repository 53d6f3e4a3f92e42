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
import java.util.List;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ServiceScope;
import org.osgi.service.jakartars.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsName;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;
import org.qiancheng.api.workflow.Claim;
import org.qiancheng.api.workflow.ClaimStatus;
import org.qiancheng.api.workflow.Claims;
import org.qiancheng.api.workflow.Disbursement;
import org.qiancheng.api.workflow.InstalmentKind;
import org.qiancheng.api.workflow.Page;
import org.qiancheng.api.workflow.PaymentState;

/**
 * Stored subsidy claims (computed by {@code POST /api/v1/classes/{id}/claims}) and their review.
 * A claim is written as the record: status, amount, payment state ({@code UNPAID}, {@code ADVANCED},
 * {@code PAID}, with {@code paid} and {@code outstanding}), the kernel's findings and the full decision
 * (policy identity, inputs with the resident ID masked, cited lines, dated parameters) [K5].
 * A claim is paid in instalments ({@code /api/v1/claims/{id}/disbursements}): an advance within
 * the share its decision allows, then the balance once it is approved.
 * {@code POST /api/v1/claims/preview} is a separate resource that stores nothing.
 */
@Component(service = ClaimsResource.class, scope = ServiceScope.PROTOTYPE)
@JakartarsResource
@JakartarsName("qiancheng.claims")
@JSONRequired
@Path("v1/claims")
@Produces(MediaType.APPLICATION_JSON)
public final class ClaimsResource {

    /** Body of a review: {@code approve} is required, {@code reason} too when rejecting. */
    public record Review(Boolean approve, String reason) {
    }

    /** Body of a payment: {@code kind} is required. */
    public record DisbursementRequest(InstalmentKind kind) {
    }

    private final Claims claims;

    @Context
    UriInfo uri;

    @Activate
    public ClaimsResource(@Reference Claims claims) {
        this.claims = claims;
    }

    /** {@code GET /api/v1/claims?classId=&status=&paymentState=&offset=&limit=}. */
    @OperationId("listClaims")
    @GET
    public Page<Claim> list(@QueryParam("classId") String classId, @QueryParam("status") String status,
            @QueryParam("paymentState") String paymentState, @QueryParam("offset") String offset,
            @QueryParam("limit") String limit) {
        return claims.claims(Requests.optionalId("classId", classId),
                Requests.optionalEnum("status", status, ClaimStatus.class),
                Requests.optionalEnum("paymentState", paymentState, PaymentState.class), Requests.offset(offset),
                Requests.limit(limit));
    }

    /** {@code GET /api/v1/claims/{id}}: with {@code ETag: "<version>"}. */
    @OperationId("getClaim")
    @GET
    @Path("{id}")
    public Response get(@PathParam("id") long id) {
        Claim claim = claims.claim(id);
        return ETags.ok(claim, claim.version());
    }

    /**
     * {@code POST /api/v1/claims/{id}/review} with {@code {"approve": true|false, "reason": "…"}} and
     * {@code If-Match: "<version>"}: 200 with the reviewed claim and its new {@code ETag}; 428 without
     * the header, 412 when the version is stale, 422 naming {@code reason} for a rejection without
     * one, 409 when the claim is not awaiting review.
     */
    @OperationId("reviewClaim")
    @POST
    @Path("{id}/review")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response review(@PathParam("id") long id, @HeaderParam(ETags.IF_MATCH) String ifMatch,
            Review review) {
        long expected = ETags.expected(ifMatch, () -> claims.claim(id).version());
        Review body = Requests.body(review);
        if (body.approve() == null) {
            throw Problems.invalid("approve", "required", "is required: true to approve, false to reject");
        }
        String reason = body.reason() == null || body.reason().isBlank() ? null : body.reason().strip();
        if (!body.approve() && reason == null) {
            throw Problems.invalid("reason", "required", "is required when rejecting a claim");
        }
        Claim reviewed = ETags.update(() -> claims.review(id, body.approve(), reason, expected));
        return ETags.ok(reviewed, reviewed.version());
    }

    /**
     * {@code POST /api/v1/claims/{id}/disbursements} with {@code {"kind": "ADVANCE"|"BALANCE"}},
     * optionally with {@code Idempotency-Key: <key>}: pays the instalment, 201 with the payment and
     * the address of the claim's payments. The advance is at most the share the claim's decision
     * allows (422 naming {@code kind} when it allows none) and precedes the balance; the balance is
     * paid on an approved claim; each is paid once (409 otherwise, as for a frozen or rejected
     * claim). Repeating a request with the same key answers the same payment and pays nothing.
     * 422 naming {@code kind} when it is missing or unknown, 404 when there is no such claim.
     */
    @OperationId("disburse")
    @POST
    @Path("{id}/disbursements")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response disburse(@PathParam("id") long id, @HeaderParam(ClassesResource.IDEMPOTENCY_KEY) String key,
            DisbursementRequest request) {
        String idempotencyKey = ClassesResource.idempotencyKey(key);
        if (request == null || request.kind() == null) {
            throw Problems.invalid("kind", "required", "is required: one of " + List.of(InstalmentKind.values()));
        }
        Disbursement paid = claims.disburse(id, request.kind(), idempotencyKey);
        return Response.created(uri.getAbsolutePath()).entity(paid).build();
    }

    /** {@code GET /api/v1/claims/{id}/disbursements}: the claim's payments, oldest first; 404 without the claim. */
    @OperationId("listDisbursements")
    @GET
    @Path("{id}/disbursements")
    public List<Disbursement> disbursements(@PathParam("id") long id) {
        return claims.disbursements(id);
    }
}
