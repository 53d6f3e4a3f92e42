package org.qiancheng.rest.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
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
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ServiceScope;
import org.osgi.service.jakartars.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsName;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;
import org.qiancheng.api.workflow.BatchReview;
import org.qiancheng.api.workflow.Claim;
import org.qiancheng.api.workflow.ClaimFilter;
import org.qiancheng.api.workflow.ClaimStatus;
import org.qiancheng.api.workflow.ClaimSummary;
import org.qiancheng.api.workflow.Claims;
import org.qiancheng.api.workflow.Disbursement;
import org.qiancheng.api.workflow.InstalmentKind;
import org.qiancheng.api.workflow.Page;
import org.qiancheng.api.workflow.PaymentState;
import org.qiancheng.api.workflow.ReviewOutcome;
import org.qiancheng.api.workflow.ReviewResult;
import org.qiancheng.engine.Violation;

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

    /** What a batch review decides. */
    public enum ReviewDecision {
        APPROVE, REJECT
    }

    /**
     * Body of a batch review: {@code decision}, and either {@code ids} (ticked rows) or {@code filter}
     * with {@code expect} (every claim the filter selects, as the caller saw it summarized).
     */
    public record BatchRequest(ReviewDecision decision, String reason, List<Long> ids, Selection filter,
            Expectation expect) {
    }

    /** The filter of a batch review: as the query parameters of the list. */
    public record Selection(Long classId, ClaimStatus status, PaymentState paymentState, String region) {
    }

    /** What the caller confirmed: the {@code count} and {@code total} of {@code GET /claims/summary}, as given. */
    public record Expectation(Long count, String total) {
    }

    /** {@code {"count": 3, "total": "1234.00"}}: the total as a string of 2 decimals, exactly. */
    public record SummaryView(long count, String total) {
        static SummaryView of(ClaimSummary summary) {
            return new SummaryView(summary.count(), summary.total().toPlainString());
        }
    }

    /** Why one claim of a batch was refused: the problem a single review would have answered, flat. */
    public record ItemProblem(String type, String title, int status, String detail, String detailZh,
            @JsonInclude(JsonInclude.Include.ALWAYS) String rule, @JsonInclude(JsonInclude.Include.ALWAYS) String field) {
        static ItemProblem of(RuntimeException refusal) {
            Problem p = ProblemMapper.problem(refusal, null);
            Violation v = p.violations().isEmpty() ? null : p.violations().get(0);
            return new ItemProblem(p.type(), p.title(), p.status(), p.detail(), p.detailZh(),
                    v == null ? null : v.rule(), v == null ? null : v.field());
        }
    }

    /** One claim of a batch review; {@code status} and {@code problem} are written even when null. */
    public record ItemView(long id, ReviewOutcome outcome, @JsonInclude(JsonInclude.Include.ALWAYS) ClaimStatus status,
            @JsonInclude(JsonInclude.Include.ALWAYS) ItemProblem problem) {
        static ItemView of(ReviewResult result) {
            return new ItemView(result.claimId(), result.outcome(), result.status(),
                    result.refusal() == null ? null : ItemProblem.of(result.refusal()));
        }
    }

    /** The answer to a batch review: every outcome is counted, 0 included. */
    public record BatchView(ReviewDecision decision, List<ItemView> results, Map<ReviewOutcome, Long> counts) {
        static BatchView of(ReviewDecision decision, BatchReview review) {
            List<ItemView> items = review.results().stream().map(ItemView::of).toList();
            Map<ReviewOutcome, Long> counts = new LinkedHashMap<>();
            for (ReviewOutcome outcome : ReviewOutcome.values()) {
                counts.put(outcome, items.stream().filter(i -> i.outcome() == outcome).count());
            }
            return new BatchView(decision, items, counts);
        }
    }

    /** The 409 of a stale selection: the problem, and what the filter selects now. */
    public record StaleSelection(String type, String title, String titleZh, int status, String detail,
            String detailZh, String instance, List<Violation> violations, SummaryView current) {
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

    /** {@code GET /api/v1/claims?classId=&status=&paymentState=&region=&offset=&limit=}. */
    @OperationId("listClaims")
    @GET
    public Page<Claim> list(@QueryParam("classId") String classId, @QueryParam("status") String status,
            @QueryParam("paymentState") String paymentState, @QueryParam("region") String region,
            @QueryParam("offset") String offset, @QueryParam("limit") String limit) {
        return claims.claims(filter(classId, status, paymentState, region), Requests.offset(offset),
                Requests.limit(limit));
    }

    /**
     * {@code GET /api/v1/claims/summary?classId=&status=&paymentState=&region=}: {@code {"count": n,
     * "total": "1234.00"}} of the claims the list would answer, counted and added up in the database.
     */
    @OperationId("summarizeClaims")
    @GET
    @Path("summary")
    public SummaryView summary(@QueryParam("classId") String classId, @QueryParam("status") String status,
            @QueryParam("paymentState") String paymentState, @QueryParam("region") String region) {
        return SummaryView.of(claims.summarize(filter(classId, status, paymentState, region)));
    }

    private static ClaimFilter filter(String classId, String status, String paymentState, String region) {
        return new ClaimFilter(Requests.optionalId("classId", classId),
                Requests.optionalEnum("status", status, ClaimStatus.class),
                Requests.optionalEnum("paymentState", paymentState, PaymentState.class),
                Requests.optionalRegionCode("region", region));
    }

    /**
     * {@code POST /api/v1/claims/reviews}: approves or rejects many claims, each as
     * {@code POST /claims/{id}/review} would (same rules, each in its own transaction, each audited),
     * with {@code {"decision": "APPROVE"|"REJECT", "reason": "…", "ids": [1, 2]}} (1–500 ids) or
     * {@code {"decision": …, "reason": …, "filter": {"classId", "status", "paymentState", "region"},
     * "expect": {"count": n, "total": "1234.00"}}}. 200 with one result per claim; 409
     * {@code stale-selection} with the {@code current} count and total, and nothing reviewed, when
     * the filter no longer selects what was confirmed; 422 naming the field for a malformed request.
     */
    @OperationId("reviewClaims")
    @POST
    @Path("reviews")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response reviewAll(BatchRequest request) {
        BatchRequest body = Requests.body(request);
        BatchChecks.check(body);
        boolean approve = body.decision() == ReviewDecision.APPROVE;
        String reason = BatchChecks.reason(body);
        BatchReview review;
        if (body.ids() != null) {
            review = claims.review(body.ids(), approve, reason);
        } else {
            Selection f = body.filter();
            ClaimFilter filter = new ClaimFilter(f.classId(), f.status(), f.paymentState(),
                    f.region() == null ? null : Requests.regionCode("filter.region", f.region()));
            ClaimSummary expected = new ClaimSummary(body.expect().count(), new BigDecimal(body.expect().total()));
            review = claims.review(filter, expected, approve, reason);
        }
        if (!review.confirmed()) {
            SummaryView now = SummaryView.of(review.matched());
            String message = "the filter now selects " + now.count() + " claims totalling " + now.total()
                    + " yuan, not the " + body.expect().count() + " totalling " + body.expect().total()
                    + " confirmed; nothing was reviewed: confirm the current selection";
            String zh = "筛选条件现匹配 " + now.count() + " 条申请、合计 " + now.total() + " 元，与确认的 "
                    + body.expect().count() + " 条、合计 " + body.expect().total() + " 元不符；未审核任何申请，请重新确认";
            Problem p = Problems.of(409, "expect: " + message, "expect：" + zh, uri.getRequestUri().getPath(),
                    List.of(new Violation("expect", "stale-selection", message)));
            return Response.status(409).type(ProblemMapper.PROBLEM_JSON).entity(new StaleSelection(p.type(),
                    p.title(), p.titleZh(), p.status(), p.detail(), p.detailZh(), p.instance(), p.violations(), now))
                    .build();
        }
        return Response.ok(BatchView.of(body.decision(), review)).build();
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
