package org.qiancheng.testing.policy;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import org.osgi.service.component.annotations.Component;
import org.qiancheng.api.catalog.Catalog;
import org.qiancheng.api.catalog.StandardCatalog;
import org.qiancheng.api.claim.ClaimInput;
import org.qiancheng.api.claim.ClassFacts;
import org.qiancheng.api.claim.Eligibility;
import org.qiancheng.api.claim.LineItem;
import org.qiancheng.api.claim.SubsidyDecision;
import org.qiancheng.api.claim.TraineeFacts;
import org.qiancheng.api.model.EffectivePeriod;
import org.qiancheng.api.model.LocalizedText;
import org.qiancheng.api.model.TrainingMode;
import org.qiancheng.api.parameter.ParameterSpec;
import org.qiancheng.api.parameter.Parameters;
import org.qiancheng.api.policy.PolicyDescriptor;
import org.qiancheng.api.policy.SourceDocument;
import org.qiancheng.api.spi.RegionPolicy;
import org.qiancheng.api.spi.SubsidyPolicy;
import org.qiancheng.api.spi.TrainingCatalog;

/**
 * A small but complete region policy for tests: standard per occupation and level (T3), an
 * online-only factor (T4), pensioners refused (T1), failed trainees refused (T2); texts and clauses
 * in {@code rules.json}. Its identity comes from {@code policy.properties}, so one source tree builds
 * two versions.
 */
@Component(service = RegionPolicy.class)
public final class FixturePolicy implements RegionPolicy, TrainingCatalog, SubsidyPolicy {

    static final String STANDARD = "subsidy/standard";
    static final String ONLINE_FACTOR = "subsidy/online_factor";
    static final String OCCUPATIONS = "catalog/occupations";

    private final PolicyDescriptor descriptor = descriptorFrom("/policy.properties");

    @Override
    public PolicyDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(ParameterSpec.table(STANDARD).atLeast("0"),
                ParameterSpec.number(ONLINE_FACTOR).atLeast("0").atMost("1"),
                ParameterSpec.list(OCCUPATIONS));
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
    public Catalog catalog(LocalDate on, Parameters parameters) {
        return new Catalog(descriptor.regionCode(), on, StandardCatalog.occupations(parameters.value(OCCUPATIONS, on)), List.of(), List.of(), List.of(), List.of(),
                Set.of(), true);
    }

    @Override
    public Eligibility eligibility(TraineeFacts trainee, ClassFacts classFacts, Parameters parameters) {
        if (trainee.receivesPension()) {
            return Eligibility.refused(parameters.rules().reason("T1"));
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
        if (!input.outcome().passed()) {
            return SubsidyDecision.refused(parameters.rules().reason("T2"));
        }
        LocalDate on = facts.startDate();
        BigDecimal standard = parameters.value(STANDARD, on).decimal(facts.occupationCode(), facts.level().name());
        List<LineItem> lines = new ArrayList<>();
        lines.add(parameters.rules().line("T3", standard));
        if (facts.mode() == TrainingMode.ONLINE_ONLY) {
            BigDecimal factor = parameters.value(ONLINE_FACTOR, on).decimal();
            lines.add(parameters.rules().line("T4", standard.multiply(factor.subtract(BigDecimal.ONE))));
        }
        return SubsidyDecision.granted(lines, List.of(), List.of());
    }

    private static PolicyDescriptor descriptorFrom(String resource) {
        Properties p = new Properties();
        try (InputStream in = FixturePolicy.class.getResourceAsStream(resource)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String to = p.getProperty("to", "");
        return new PolicyDescriptor(p.getProperty("region"),
                new LocalizedText(p.getProperty("name.zh"), p.getProperty("name.en")), p.getProperty("version"),
                new EffectivePeriod(LocalDate.parse(p.getProperty("from")), to.isBlank() ? null : LocalDate.parse(to)),
                List.of(new SourceDocument(p.getProperty("document"), new LocalizedText(p.getProperty("document.zh"),
                        p.getProperty("document.en")), "测试发文机关", LocalDate.parse(p.getProperty("from")), false)));
    }
}
