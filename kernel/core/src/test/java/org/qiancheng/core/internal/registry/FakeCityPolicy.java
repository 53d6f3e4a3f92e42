package org.qiancheng.core.internal.registry;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.qiancheng.api.catalog.Catalog;
import org.qiancheng.api.claim.ClaimInput;
import org.qiancheng.api.claim.ClassFacts;
import org.qiancheng.api.claim.Eligibility;
import org.qiancheng.api.claim.LineItem;
import org.qiancheng.api.claim.SubsidyDecision;
import org.qiancheng.api.claim.TraineeFacts;
import org.qiancheng.api.model.Citation;
import org.qiancheng.api.model.EffectivePeriod;
import org.qiancheng.api.model.LocalizedText;
import org.qiancheng.api.parameter.ParameterSpec;
import org.qiancheng.api.parameter.Parameters;
import org.qiancheng.api.policy.PolicyDescriptor;
import org.qiancheng.api.policy.SourceDocument;
import org.qiancheng.api.spi.RegionPolicy;
import org.qiancheng.api.spi.SubsidyPolicy;
import org.qiancheng.api.spi.TrainingCatalog;
import org.qiancheng.engine.StandalonePolicy;

/**
 * A city plugin extending the province of its code: adds one top-up line (rule C1) to whatever the
 * province decided. Optionally declares parameters, e.g. one of the province's names to override.
 */
final class FakeCityPolicy implements RegionPolicy {

    private final PolicyDescriptor descriptor;
    private final BigDecimal topUp;
    private final List<ParameterSpec> parameters;

    FakeCityPolicy(String region, String version, String from, String topUp, List<ParameterSpec> parameters) {
        this.descriptor = new PolicyDescriptor(region, new LocalizedText("测试市", "Test city"), version,
                new EffectivePeriod(LocalDate.parse(from), null),
                List.of(new SourceDocument("C-1", new LocalizedText("市通知", "City notice"), "test", null, false)));
        this.topUp = new BigDecimal(topUp);
        this.parameters = List.copyOf(parameters);
    }

    static Installed installed(long key, String region, String version, String from, String topUp) {
        return installed(key, new FakeCityPolicy(region, version, from, topUp, List.of()), Map.of());
    }

    /** @param overrides parameter name → replacement values, as a case file's {@code parameters} */
    static Installed installed(long key, FakeCityPolicy city, Map<String, Object> overrides) {
        try {
            return Installed.loaded(key, StandalonePolicy.load(city, "test.bundle." + key, city.descriptor.version(),
                    "hash-" + key, overrides));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Override
    public PolicyDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public Optional<String> parentRegion() {
        return Optional.of(descriptor.regionCode().substring(0, 2) + "0000");
    }

    @Override
    public List<ParameterSpec> parameters() {
        return parameters;
    }

    @Override
    public TrainingCatalog catalog() {
        return (on, parameters) -> new Catalog(descriptor.regionCode(), on, List.of(), List.of(), List.of(), List.of(),
                List.of(), Set.of(), true);
    }

    @Override
    public SubsidyPolicy subsidy() {
        return new SubsidyPolicy() {
            @Override
            public Eligibility eligibility(TraineeFacts trainee, ClassFacts classFacts, Parameters parameters) {
                return Eligibility.granted();
            }

            @Override
            public SubsidyDecision decide(ClaimInput input, Parameters parameters) {
                throw new UnsupportedOperationException("a city plugin decides on its province's decision");
            }

            @Override
            public SubsidyDecision decide(ClaimInput input, SubsidyDecision parent, Parameters parameters) {
                return new SubsidyDecision(Eligibility.granted(), List.of(new LineItem("C1",
                        new LocalizedText("市级补贴", "City top-up"), topUp, new Citation("C-1", "§一"))), List.of(),
                        List.of(), BigDecimal.ZERO);
            }
        };
    }
}
