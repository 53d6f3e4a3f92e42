package org.qiancheng.engine.modulefixture;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
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
import org.qiancheng.api.parameter.ParameterSpec;
import org.qiancheng.api.parameter.Parameters;
import org.qiancheng.api.policy.PolicyDescriptor;
import org.qiancheng.api.policy.SourceDocument;
import org.qiancheng.api.spi.RegionPolicy;
import org.qiancheng.api.spi.SubsidyPolicy;
import org.qiancheng.api.spi.TrainingCatalog;

/**
 * The smallest useful region policy, for the test kit's own tests: region 990000 grants the
 * standard of {@code parameters/testkit_fixture/tiny/standard.json} for the class's occupation and
 * level (rule T2, half of it payable in advance) and refuses pensioners (rule T1).
 *
 * <p>It depends on the API only and sits in a package of its own, so that {@code ModulePathTest}
 * can copy its class file into an automatic module.
 */
public final class TinyPolicy implements RegionPolicy, SubsidyPolicy {

    public static final String REGION = "990000";
    public static final String VERSION = "1.0.0";
    public static final String STANDARD = "testkit_fixture/tiny/standard";
    public static final String DOCUMENT = "TINY-2025";

    private final PolicyDescriptor descriptor = new PolicyDescriptor(REGION, new LocalizedText("测试区", "Test region"),
            VERSION, new EffectivePeriod(LocalDate.of(2025, 1, 1), null),
            List.of(new SourceDocument(DOCUMENT, new LocalizedText("测试通知", "Test notice"), "测试发文机关",
                    LocalDate.of(2024, 12, 1), false)));

    @Override
    public PolicyDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(ParameterSpec.table(STANDARD).atLeast("0").atMost("5000").boundBy(DOCUMENT + " §三"));
    }

    @Override
    public TrainingCatalog catalog() {
        return (on, parameters) -> {
            throw new UnsupportedOperationException("the tiny policy has no catalogue");
        };
    }

    @Override
    public SubsidyPolicy subsidy() {
        return this;
    }

    @Override
    public Eligibility eligibility(TraineeFacts trainee, ClassFacts classFacts, Parameters parameters) {
        if (trainee.receivesPension()) {
            return Eligibility.refused(new Reason("T1", new LocalizedText("领取养老金人员不予补贴",
                    "Pensioners are not subsidised"), new Citation(DOCUMENT, "§一")));
        }
        return Eligibility.granted();
    }

    @Override
    public SubsidyDecision decide(ClaimInput input, Parameters parameters) {
        ClassFacts facts = input.classFacts();
        Eligibility eligibility = eligibility(input.trainee(), facts, parameters);
        if (!eligibility.eligible()) {
            return new SubsidyDecision(eligibility, List.of(), List.of(), List.of(), BigDecimal.ZERO);
        }
        BigDecimal standard = parameters.value(STANDARD, facts.startDate())
                .decimal(facts.occupationCode(), facts.level().name());
        LineItem line = new LineItem("T2", new LocalizedText("补贴标准", "Subsidy standard"), standard,
                parameters.reference(STANDARD));
        return new SubsidyDecision(eligibility, List.of(line), List.of(), List.of(), new BigDecimal("0.5"));
    }
}
