package org.qiancheng.engine.cityfixture;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.qiancheng.api.catalog.Catalog;
import org.qiancheng.api.catalog.ShortageEntry;
import org.qiancheng.api.claim.ClaimInput;
import org.qiancheng.api.claim.ClassFacts;
import org.qiancheng.api.claim.Eligibility;
import org.qiancheng.api.claim.LineItem;
import org.qiancheng.api.claim.SubsidyDecision;
import org.qiancheng.api.claim.TraineeFacts;
import org.qiancheng.api.model.EffectivePeriod;
import org.qiancheng.api.model.LocalizedText;
import org.qiancheng.api.parameter.ParameterSpec;
import org.qiancheng.api.parameter.Parameters;
import org.qiancheng.api.policy.PolicyDescriptor;
import org.qiancheng.api.policy.SourceDocument;
import org.qiancheng.api.spi.ParentPolicy;
import org.qiancheng.api.spi.RegionPolicy;
import org.qiancheng.api.spi.SubsidyPolicy;
import org.qiancheng.api.spi.TrainingCatalog;

/**
 * A city of {@link ChainProvince} that keeps no copy of the province's chains: occupations of the
 * province's chains on the class's start date get {@code testkit_chain/top_up} of the province's
 * amount (rule C6, CITY-2025 §六), and its catalogue lists them as local shortage occupations at
 * that rate.
 */
public final class ChainCity implements RegionPolicy, SubsidyPolicy, TrainingCatalog {

    public static final String REGION = "990100";
    public static final String TOP_UP = "testkit_chain/top_up";

    private final PolicyDescriptor descriptor = new PolicyDescriptor(REGION, new LocalizedText("测试市", "Test city"),
            "1.0.0", new EffectivePeriod(LocalDate.of(2025, 1, 1), null),
            List.of(new SourceDocument("CITY-2025", new LocalizedText("市通知", "City notice"), "测试市人社局",
                    LocalDate.of(2024, 12, 15), false)));

    @Override
    public PolicyDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(ParameterSpec.number(TOP_UP).atLeast("0").atMost("0.30"));
    }

    @Override
    public TrainingCatalog catalog() {
        return this;
    }

    @Override
    public SubsidyPolicy subsidy() {
        return this;
    }

    @Override
    public Optional<String> parentRegion() {
        return Optional.of(ProvincePolicy.REGION);
    }

    /** Alone: nothing local. */
    @Override
    public Catalog catalog(LocalDate on, Parameters parameters) {
        return new Catalog(REGION, on, List.of(), List.of(), List.of(), List.of(), List.of(), Set.of(), false);
    }

    @Override
    public Catalog catalog(LocalDate on, ParentPolicy parent, Parameters parameters) {
        BigDecimal rate = parameters.value(TOP_UP, on).decimal();
        List<ShortageEntry> shortage = parent.catalog(on).chains().stream()
                .flatMap(c -> c.occupationCodes().stream()).distinct().map(o -> new ShortageEntry(o, rate)).toList();
        return new Catalog(REGION, on, List.of(), shortage, List.of(), List.of(), List.of(), Set.of(), false);
    }

    @Override
    public Eligibility eligibility(TraineeFacts trainee, ClassFacts classFacts, Parameters parameters) {
        return Eligibility.granted();
    }

    @Override
    public SubsidyDecision decide(ClaimInput input, Parameters parameters) {
        return SubsidyDecision.nothingAdded();
    }

    @Override
    public SubsidyDecision decide(ClaimInput input, SubsidyDecision parent, ParentPolicy province,
            Parameters parameters) {
        LocalDate start = input.classFacts().startDate();
        String occupation = input.classFacts().occupationCode();
        boolean chain = province.catalog(start).chains().stream().anyMatch(c -> c.occupationCodes().contains(occupation));
        if (!parent.eligibility().eligible() || !chain) {
            return SubsidyDecision.nothingAdded();
        }
        BigDecimal rate = parameters.value(TOP_UP, start).decimal();
        LineItem line = new LineItem("C6", new LocalizedText("产业链职业上浮", "Chain occupation top-up"),
                parent.amount().multiply(rate), parameters.reference(TOP_UP));
        return SubsidyDecision.granted(List.of(line), List.of(), List.of());
    }
}
