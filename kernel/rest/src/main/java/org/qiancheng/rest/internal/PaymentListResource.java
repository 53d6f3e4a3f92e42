package org.qiancheng.rest.internal;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.LocalDate;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ServiceScope;
import org.osgi.service.jakartars.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsName;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;
import org.qiancheng.api.workflow.Claims;

/**
 * The payment list (拨付清单) a finance office files: the payments of a period within the caller's
 * regions, as a CSV attachment with a total row.
 */
@Component(service = PaymentListResource.class, scope = ServiceScope.PROTOTYPE)
@JakartarsResource
@JakartarsName("qiancheng.paymentlist")
@JSONRequired
@Path("v1/disbursements")
public final class PaymentListResource {

    private final Claims claims;
    private final Clock clock;

    @Activate
    public PaymentListResource(@Reference Claims claims, @Reference Clock clock) {
        this.claims = claims;
        this.clock = clock;
    }

    /**
     * {@code GET /api/v1/disbursements/export?from=&to=&region=&format=csv|xlsx}: the payments of
     * [from, to] (a year at most; {@code to} today and {@code from} the first of its month when
     * absent: the month's list so far), {@code region} a GB/T 2260 code narrowing the caller's
     * regions; by date, then id, and a total row.
     */
    @OperationId("exportPaymentList")
    @GET
    @Path("export")
    @Produces({Exports.CSV_TYPE, Xlsx.TYPE})
    public Response export(@QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("region") String region, @QueryParam("format") String format) {
        boolean xlsx = Exports.xlsx(format);
        LocalDate end = Requests.date("to", to, LocalDate.now(clock));
        LocalDate start = Requests.date("from", from, end.withDayOfMonth(1));
        if (end.isBefore(start)) {
            throw Problems.invalid("to", "not-before:from", "must not be before from");
        }
        String area = Requests.optionalRegionCode("region", region);
        ExportTables.Table table = ExportTables.payments(claims.paymentList(start, end, area));
        String suffix = start + "_" + end + (area == null ? "" : "_" + area);
        return Exports.of(xlsx, "payment-list_" + suffix, "拨付清单_" + suffix, table.header(), table.rows());
    }
}
