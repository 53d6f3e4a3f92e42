package org.qiancheng.rest.internal;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ServiceScope;
import org.osgi.service.jakartars.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsName;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;
import org.qiancheng.api.dashboard.Dashboard;
import org.qiancheng.api.dashboard.Dashboards;

/** {@code GET /api/v1/dashboard?year=}: the console's overview of a year within the user's regions. */
@Component(service = DashboardResource.class, scope = ServiceScope.PROTOTYPE)
@JakartarsResource
@JakartarsName("qiancheng.dashboard")
@JSONRequired
@Path("v1/dashboard")
@Produces(MediaType.APPLICATION_JSON)
public final class DashboardResource {

    private final Dashboards dashboards;

    @Activate
    public DashboardResource(@Reference Dashboards dashboards) {
        this.dashboards = dashboards;
    }

    /** {@code year}: four digits, 1900–2100 (the kernel checks the range); this year when absent. */
    @OperationId("getDashboard")
    @GET
    public Dashboard dashboard(@QueryParam("year") String year) {
        return dashboards.dashboard(year(year));
    }

    static Integer year(String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        if (!value.matches("[0-9]{4}")) {
            throw Problems.invalid("year", "format:year", "must be a year of four digits, e.g. 2026",
                    "须为四位数字的年份，如 2026");
        }
        return Integer.valueOf(value);
    }
}
