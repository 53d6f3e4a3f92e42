package org.qiancheng.rest.internal;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ServiceScope;
import org.osgi.service.jakartars.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsName;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;
import org.qiancheng.api.catalog.Catalog;
import org.qiancheng.api.claim.ClassFacts;
import org.qiancheng.api.registry.NoPolicyException;
import org.qiancheng.api.registry.PolicyRegistry;
import org.qiancheng.api.registry.PolicySnapshot;
import org.qiancheng.engine.Scenario;
import org.qiancheng.engine.Scenarios;

/**
 * {@code POST /api/v1/claims/preview}: a whole scenario inline, decided by the version in force on
 * the class's start date (or the version asked for), with the full cited trace. Nothing is stored.
 */
@Component(service = PreviewResource.class, scope = ServiceScope.PROTOTYPE)
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
        try (PolicySnapshot policy = scenario.version() == null
                ? registry.acquire(scenario.region(), facts.startDate())
                : registry.acquire(scenario.region(), scenario.version())) {
            checkCatalog(policy.catalog(facts.startDate()), facts);
            return DecisionView.of(policy.decide(scenario.input()));
        } catch (NoPolicyException e) {
            throw Problems.invalid(scenario.version() == null ? "region" : "version", "policy-in-force", e.getMessage());
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
