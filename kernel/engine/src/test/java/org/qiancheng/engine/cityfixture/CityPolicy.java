package org.qiancheng.engine.cityfixture;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.qiancheng.api.catalog.Catalog;
import org.qiancheng.api.catalog.Occupation;
import org.qiancheng.api.catalog.ShortageEntry;
import org.qiancheng.api.claim.ClaimInput;
import org.qiancheng.api.claim.ClassFacts;
import org.qiancheng.api.claim.Eligibility;
import org.qiancheng.api.claim.LineItem;
import org.qiancheng.api.claim.Reason;
import org.qiancheng.api.claim.SubsidyDecision;
import org.qiancheng.api.claim.TraineeFacts;
import org.qiancheng.api.model.Citation;
import org.qiancheng.api.model.EffectivePeriod;
import org.qiancheng.api.model.LocalizedText;
import org.qiancheng.api.model.SkillLevel;
import org.qiancheng.api.model.TargetGroup;
import org.qiancheng.api.model.TrainingMode;
import org.qiancheng.api.parameter.ParameterSpec;
import org.qiancheng.api.parameter.Parameters;
import org.qiancheng.api.policy.PolicyDescriptor;
import org.qiancheng.api.policy.SourceDocument;
import org.qiancheng.api.spi.RegionPolicy;
import org.qiancheng.api.spi.SubsidyPolicy;
import org.qiancheng.api.spi.TrainingCatalog;

/**
 * A tiny city plugin, 990100, extending the province 990000: it overrides the province's standard
 * with its own file of the same name, adds a top-up line (rule C2) from
 * {@code parameters/testkit_city/top_up.json}, refuses online-only classes (rule C1), adds one
 * occupation and raises the electrician's shortage uplift.
 *
 * <p>Its parameter files must come from a class loader of its own (see {@code CityBundle}), as they
 * would from a bundle of its own: the override has the same resource name as the province's file.
 * It uses no package-private member of another class, so it can be defined by such a loader.
 */
public final class CityPolicy implements RegionPolicy, SubsidyPolicy {

    public static final String REGION = "990100";
    public static final String PARENT = "990000";
    public static final String VERSION = "1.0.0";
    public static final String DOCUMENT = "CITY-2025";
    /** The same name as the province's standard: the city's file replaces the province's. */
    public static final String STANDARD = "testkit_city/province/standard";
    public static final String TOP_UP = "testkit_city/top_up";
    public static final String CARPENTER = "6-29-02-01";
    public static final String ELECTRICIAN = "4-10-01-05";

    private final PolicyDescriptor descriptor = new PolicyDescriptor(REGION, new LocalizedText("测试市", "Test city"),
            VERSION, new EffectivePeriod(LocalDate.of(2025, 1, 1), null),
            List.of(new SourceDocument(DOCUMENT, new LocalizedText("市通知", "City notice"), "测试市人社局",
                    LocalDate.of(2024, 12, 15), false)));

    @Override
    public PolicyDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public Optional<String> parentRegion() {
        return Optional.of(PARENT);
    }

    @Override
    public List<ParameterSpec> parameters() {
        // no bounds of its own on the override: the province's bounds are checked when composing
        return List.of(ParameterSpec.table(STANDARD), ParameterSpec.number(TOP_UP).atLeast("0"));
    }

    @Override
    public TrainingCatalog catalog() {
        return (on, parameters) -> new Catalog(REGION, on,
                List.of(new Occupation(CARPENTER, new LocalizedText("木工", "Carpenter"), Set.of(SkillLevel.JUNIOR),
                        List.of("city"))),
                List.of(new ShortageEntry(ELECTRICIAN, new BigDecimal("0.30"))),
                List.of(), List.of(), List.of(), Set.of(TargetGroup.GRADUATE), false);
    }

    @Override
    public SubsidyPolicy subsidy() {
        return this;
    }

    @Override
    public Eligibility eligibility(TraineeFacts trainee, ClassFacts classFacts, Parameters parameters) {
        if (classFacts.mode() == TrainingMode.ONLINE_ONLY) {
            return Eligibility.refused(new Reason("C1", new LocalizedText("纯线上培训本市不予补贴",
                    "Online-only classes are not subsidised here"), new Citation(DOCUMENT, "§一")));
        }
        return Eligibility.granted();
    }

    /** Never used for a city plugin: the kernel asks {@link #decide(ClaimInput, SubsidyDecision, Parameters)}. */
    @Override
    public SubsidyDecision decide(ClaimInput input, Parameters parameters) {
        throw new UnsupportedOperationException("a city plugin decides on its province's decision");
    }

    @Override
    public SubsidyDecision decide(ClaimInput input, SubsidyDecision parent, Parameters parameters) {
        Eligibility eligibility = eligibility(input.trainee(), input.classFacts(), parameters);
        if (!eligibility.eligible()) {
            return SubsidyDecision.refused(eligibility);
        }
        BigDecimal topUp = parameters.value(TOP_UP, input.classFacts().startDate()).decimal();
        return new SubsidyDecision(eligibility,
                List.of(new LineItem("C2", new LocalizedText("市级补贴", "City top-up"), topUp,
                        parameters.reference(TOP_UP))),
                List.of(), List.of(new Reason("C3", new LocalizedText("市级复核", "City review"),
                        new Citation(DOCUMENT, "§五"))),
                BigDecimal.ZERO);
    }
}
