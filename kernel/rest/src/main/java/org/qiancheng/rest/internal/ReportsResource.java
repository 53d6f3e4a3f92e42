package org.qiancheng.rest.internal;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ServiceScope;
import org.osgi.service.jakartars.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsName;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;
import org.qiancheng.api.registry.NoPolicyException;
import org.qiancheng.api.registry.PolicyRegistry;
import org.qiancheng.api.registry.PolicySnapshot;
import org.qiancheng.api.report.ReportData;
import org.qiancheng.api.report.ReportDataSource;
import org.qiancheng.api.report.ReportDefinition;
import org.qiancheng.engine.ReportInputs;

/**
 * A region's reports, computed by the policy version in force on the last day of the period:
 * over the kernel's stored classes ({@code GET}), or over classes given inline ({@code POST}).
 * JSON by default; CSV with {@code Accept: text/csv} or {@code ?format=csv}.
 */
@Component(service = ReportsResource.class, scope = ServiceScope.PROTOTYPE)
@JakartarsResource
@JakartarsName("qiancheng.reports")
@JSONRequired
@Path("v1/reports/{code}")
public final class ReportsResource {

    static final String CSV = "text/csv";

    private final PolicyRegistry registry;
    private final Clock clock;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile ReportDataSource stored;

    @Context
    HttpHeaders headers;

    @Activate
    public ReportsResource(@Reference PolicyRegistry registry, @Reference Clock clock) {
        this.registry = registry;
        this.clock = clock;
    }

    /** {@code GET /api/v1/reports/{code}}: the reports the version in force today offers. */
    @OperationId("listReports")
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public List<ReportDefinition> list(@PathParam("code") String code) {
        try (PolicySnapshot policy = acquire(code, LocalDate.now(clock))) {
            return policy.reports();
        }
    }

    /** {@code GET /api/v1/reports/{code}/{report}?from=&to=}: the report over the stored classes. */
    @OperationId("getReport")
    @GET
    @Path("{report}")
    @Produces({MediaType.APPLICATION_JSON, CSV})
    public Response stored(@PathParam("code") String code, @PathParam("report") String report,
            @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("format") String format) {
        Period period = period(from, to);
        ReportDataSource source = stored;
        ReportData data = source == null ? new ReportData(code, period.from, period.to, List.of())
                : source.load(Requests.regionCode("code", code), period.from, period.to);
        return answer(code, report, data, format);
    }

    /** {@code POST /api/v1/reports/{code}/{report}?from=&to=} with {@code {"classes": […]}}: the report over those. */
    @OperationId("computeReport")
    @POST
    @Path("{report}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces({MediaType.APPLICATION_JSON, CSV})
    public Response inline(@PathParam("code") String code, @PathParam("report") String report,
            @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("format") String format,
            String body) {
        Period period = period(from, to);
        return answer(code, report, ReportInputs.parse(body, Requests.regionCode("code", code), period.from, period.to),
                format);
    }

    private Response answer(String code, String reportId, ReportData data, String format) {
        try (PolicySnapshot policy = acquire(code, data.to())) {
            ReportView view = policy.report(reportId, data)
                    .map(r -> ReportView.of(r, policy.identity(), data.classes().size()))
                    .orElseThrow(() -> Problems.notFound("region " + code + " has no report '" + reportId
                            + "'; it offers " + policy.reports().stream().map(ReportDefinition::id).toList()));
            return wantsCsv(format) ? Response.ok(view.csv(), CSV + ";charset=UTF-8").build()
                    : Response.ok(view, MediaType.APPLICATION_JSON).build();
        }
    }

    private PolicySnapshot acquire(String code, LocalDate day) {
        try {
            return registry.acquire(Requests.regionCode("code", code), day);
        } catch (NoPolicyException e) {
            throw Problems.notFound(e.getMessage());
        }
    }

    private boolean wantsCsv(String format) {
        if (format != null) {
            if (!format.equals("csv") && !format.equals("json")) {
                throw Problems.invalid("format", "enum:csv|json", "must be csv or json");
            }
            return format.equals("csv");
        }
        return headers != null && headers.getAcceptableMediaTypes().stream()
                .anyMatch(t -> t.isCompatible(MediaType.valueOf(CSV)) && !t.isWildcardType());
    }

    private Period period(String from, String to) {
        LocalDate end = Requests.date("to", to, LocalDate.now(clock));
        LocalDate start = Requests.date("from", from, end.withDayOfYear(1));
        if (start.isAfter(end)) {
            throw Problems.invalid("from", "not-after:to", "must not be after to " + end);
        }
        return new Period(start, end);
    }

    private record Period(LocalDate from, LocalDate to) {
    }
}
