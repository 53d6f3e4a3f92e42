package org.qiancheng.core.internal.registry;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
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

/** A region policy that grants one line whose amount says which version decided. */
final class FakePolicy implements RegionPolicy {

    private final PolicyDescriptor descriptor;
    private final BigDecimal amount;
    private boolean hangs;

    FakePolicy(String region, String version, String from, String to, String amount) {
        this.descriptor = new PolicyDescriptor(region, new LocalizedText("测试", "Test"), version,
                new EffectivePeriod(LocalDate.parse(from), to == null ? null : LocalDate.parse(to)),
                List.of(new SourceDocument("T-1", new LocalizedText("测试通知", "Test notice"), "test", null, false)));
        this.amount = new BigDecimal(amount);
    }

    static Installed installed(long key, String region, String version, String from, String to, String amount) {
        try {
            return Installed.loaded(key, StandalonePolicy.load(new FakePolicy(region, version, from, to, amount),
                    "test.bundle." + key, version, "hash-" + key));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** A version whose decisions never return (until interrupted), with a short call limit. */
    static Installed hanging(long key, String region, String version, String from, java.time.Duration limit) {
        FakePolicy policy = new FakePolicy(region, version, from, null, "0");
        policy.hangs = true;
        try {
            return Installed.loaded(key, StandalonePolicy.load(policy, "test.bundle." + key, version, "hash-" + key),
                    GuardLimits.DEFAULT.withCallLimit(limit));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Override
    public PolicyDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of();
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
                while (hangs) {
                    try {
                        Thread.sleep(60_000);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException("interrupted while hanging", e);
                    }
                }
                return new SubsidyDecision(Eligibility.granted(), List.of(new LineItem("T1",
                        new LocalizedText("固定", "Fixed"), amount, new Citation("T-1", "§一"))), List.of(), List.of(),
                        BigDecimal.ZERO);
            }
        };
    }
}
