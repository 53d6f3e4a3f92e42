package org.qiancheng.engine.cityfixture;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
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
import org.qiancheng.api.parameter.ParameterSpec;
import org.qiancheng.api.parameter.Parameters;
import org.qiancheng.api.policy.PolicyDescriptor;
import org.qiancheng.api.policy.SourceDocument;
import org.qiancheng.api.spi.RegionPolicy;
import org.qiancheng.api.spi.SubsidyPolicy;
import org.qiancheng.api.spi.TrainingCatalog;

/**
 * A tiny province for the city-plugin tests: grants the standard of
 * {@code parameters/testkit_city/province/standard.json} (rule P2, at most 2000 by PROV-2025 §三,
 * half payable in advance), refuses pensioners (rule P1), and offers two occupations, both on its
 * shortage list.
 */
public final class ProvincePolicy implements RegionPolicy, SubsidyPolicy {

    public static final String REGION = "990000";
    public static final String VERSION = "1.0.0";
    public static final String DOCUMENT = "PROV-2025";
    public static final String STANDARD = "testkit_city/province/standard";
    public static final String ELECTRICIAN = "4-10-01-05";
    public static final String WELDER = "6-25-03-00";

    private final PolicyDescriptor descriptor;

    /** The province 990000. */
    public ProvincePolicy() {
        this(REGION);
    }

    /** @param region the region this copy claims to be, to try a city against a wrong province */
    public ProvincePolicy(String region) {
        this.descriptor = new PolicyDescriptor(region, new LocalizedText("测试省", "Test province"), VERSION,
                new EffectivePeriod(LocalDate.of(2025, 1, 1), null),
                List.of(new SourceDocument(DOCUMENT, new LocalizedText("省通知", "Province notice"), "测试省人社厅",
                        LocalDate.of(2024, 12, 1), false)));
    }

    @Override
    public PolicyDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(ParameterSpec.table(STANDARD).atLeast("0").atMost("2000").boundBy(DOCUMENT + " §三"));
    }

    @Override
    public TrainingCatalog catalog() {
        return (on, parameters) -> new Catalog(descriptor.regionCode(), on,
                List.of(new Occupation(ELECTRICIAN, new LocalizedText("电工", "Electrician"),
                        Set.of(SkillLevel.JUNIOR, SkillLevel.INTERMEDIATE), List.of("province")),
                        new Occupation(WELDER, new LocalizedText("焊工", "Welder"), Set.of(SkillLevel.JUNIOR),
                                List.of("province"))),
                List.of(new ShortageEntry(ELECTRICIAN, new BigDecimal("0.10")),
                        new ShortageEntry(WELDER, new BigDecimal("0.20"))),
                List.of(), List.of(), List.of(), Set.of(TargetGroup.MIGRANT_WORKER), false);
    }

    @Override
    public SubsidyPolicy subsidy() {
        return this;
    }

    @Override
    public Eligibility eligibility(TraineeFacts trainee, ClassFacts classFacts, Parameters parameters) {
        if (trainee.receivesPension()) {
            return Eligibility.refused(new Reason("P1", new LocalizedText("领取养老金人员不予补贴",
                    "Pensioners are not subsidised"), new Citation(DOCUMENT, "§一")));
        }
        return Eligibility.granted();
    }

    @Override
    public SubsidyDecision decide(ClaimInput input, Parameters parameters) {
        ClassFacts facts = input.classFacts();
        Eligibility eligibility = eligibility(input.trainee(), facts, parameters);
        if (!eligibility.eligible()) {
            return SubsidyDecision.refused(eligibility);
        }
        BigDecimal standard = parameters.value(STANDARD, facts.startDate())
                .decimal(facts.occupationCode(), facts.level().name());
        LineItem line = new LineItem("P2", new LocalizedText("省补贴标准", "Province standard"), standard,
                parameters.reference(STANDARD));
        return new SubsidyDecision(eligibility, List.of(line),
                List.of(new Reason("P3", new LocalizedText("省说明", "Province note"), new Citation(DOCUMENT, "§五"))),
                List.of(), new BigDecimal("0.5"));
    }
}
