package org.qiancheng.rest.internal;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jakartars.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsName;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;
import org.qiancheng.api.catalog.Catalog;
import org.qiancheng.api.claim.ClassFacts;
import org.qiancheng.api.model.RegionCodes;
import org.qiancheng.api.registry.NoPolicyException;
import org.qiancheng.api.registry.PolicyRegistry;
import org.qiancheng.api.registry.PolicySnapshot;
import org.qiancheng.engine.Scenario;
import org.qiancheng.engine.Scenarios;

/**
 * {@code POST /api/v1/claims/preview}: a whole scenario inline, decided by the version in force on
 * the class's start date (or the version asked for), with the full cited trace. Nothing is stored.
 *
 * <p>Routing is the stored claims' rule: the class's region ({@code class.region}, by default the
 * scenario's {@code region}) decides, falling back to its city, province and the national policy,
 * so a preview and a stored claim of the same class meet the same policy version. The scenario's
 * {@code region} is the area asked about: a class outside it is refused (422 on {@code class.region}).
 * A named {@code version} is a version of the scenario's {@code region}.
 */
// a singleton, unlike the other resources: it holds nothing but the registry, and as a prototype
// every preview paid for a new component instance and its injection (≈ 10 % of a preview's samples)
@Component(service = PreviewResource.class)
@JakartarsResource
@JakartarsName("qiancheng.preview")
@JSONRequired
@Path("v1/claims/preview")
public final class PreviewResource {

    private final PolicyRegistry registry;

    @Activate
    public PreviewResource(@Reference PolicyRegistry registry) {
        this.registry = registry;
    }

    @OperationId("previewClaim")
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public DecisionView preview(byte[] body) {
        Scenario scenario = Scenarios.parse(Encodings.decode(body == null ? new byte[0] : body, Encodings.UTF_8, "body"),
                null);
        ClassFacts facts = scenario.input().classFacts();
        String classRegion = facts.regionCode();
        if (!RegionCodes.covers(scenario.region(), classRegion)) {
            throw Problems.invalid("class.region", "within:region", "the class's region " + classRegion
                    + " is not in the region asked for, " + scenario.region() + "; the class's region decides a claim",
                    "班级所在地区 " + classRegion + " 不在所请求的地区 " + scenario.region() + " 之内;补贴由班级所在地区的政策决定");
        }
        try (PolicySnapshot policy = scenario.version() == null
                ? registry.acquire(classRegion, facts.startDate())
                : registry.acquire(scenario.region(), scenario.version())) {
            checkCatalog(policy.catalog(facts.startDate()), facts);
            return DecisionView.of(policy.decide(scenario.input()));
        } catch (NoPolicyException e) {
            throw Problems.invalid(scenario.version() != null ? "version"
                    : classRegion.equals(scenario.region()) ? "region" : "class.region", "policy-in-force", e.getMessage());
        }
    }

    private static void checkCatalog(Catalog catalog, ClassFacts facts) {
        if (catalog.occupation(facts.occupationCode()).isEmpty()) {
            throw Problems.invalid("class.occupation", "catalog", "occupation " + facts.occupationCode()
                    + " is not in the catalogue of region " + catalog.regionCode() + " on " + catalog.on());
        }
        if (!catalog.offers(facts.occupationCode(), facts.level())) {
            throw Problems.invalid("class.level", "catalog", "occupation " + facts.occupationCode()
                    + " is not trained at level " + facts.level() + " in region " + catalog.regionCode());
        }
    }
}
