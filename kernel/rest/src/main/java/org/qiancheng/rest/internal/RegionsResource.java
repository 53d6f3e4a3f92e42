package org.qiancheng.rest.internal;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ServiceScope;
import org.osgi.service.jakartars.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsName;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;
import org.qiancheng.api.catalog.Catalog;
import org.qiancheng.api.parameter.PublishedParameter;
import org.qiancheng.api.registry.NoPolicyException;
import org.qiancheng.api.registry.PolicyRegistry;
import org.qiancheng.api.registry.PolicySnapshot;
import org.qiancheng.api.registry.RegionSummary;

/** The regions present, and each region's catalogue on a day with the standards it decides with. */
@Component(service = RegionsResource.class, scope = ServiceScope.PROTOTYPE)
@JakartarsResource
@JakartarsName("qiancheng.regions")
@JSONRequired
@Path("v1/regions")
@Produces(MediaType.APPLICATION_JSON)
public final class RegionsResource {

    private final PolicyRegistry registry;
    private final Clock clock;

    @Activate
    public RegionsResource(@Reference PolicyRegistry registry, @Reference Clock clock) {
        this.registry = registry;
        this.clock = clock;
    }

    /** {@code GET /api/v1/regions}: every region with an installed policy, and its versions. */
    @OperationId("listRegions")
    @GET
    public List<RegionSummary> list() {
        return registry.regions();
    }

    /**
     * A catalogue with the amounts and shares its version decides with (the subsidy standard table,
     * shortage uplifts, …), each with its reference and the value in force.
     *
     * @param catalog the catalogue, its fields written at the top level
     * @param parameters the version's parameters in yuan or ratio in force on the day
     */
    public record CatalogView(@JsonUnwrapped Catalog catalog, List<PublishedParameter> parameters) {
    }

    /**
     * {@code GET /api/v1/regions/{code}/catalog?date=YYYY-MM-DD}: the catalogue of the version in
     * force on the day (today when no date is given), with its published parameters.
     */
    @OperationId("getCatalog")
    @GET
    @Path("{code}/catalog")
    public CatalogView catalog(@PathParam("code") String code, @QueryParam("date") String date) {
        LocalDate day = Requests.date("date", date, LocalDate.now(clock));
        try (PolicySnapshot policy = registry.acquire(Requests.regionCode("code", code), day)) {
            return new CatalogView(policy.catalog(day), policy.parameters(day));
        } catch (NoPolicyException e) {
            throw Problems.notFound(e.getMessage());
        }
    }
}
