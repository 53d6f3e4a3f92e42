package org.qiancheng.engine;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.qiancheng.api.catalog.Catalog;
import org.qiancheng.api.claim.ClaimInput;
import org.qiancheng.api.claim.ClassFacts;
import org.qiancheng.api.claim.Decision;
import org.qiancheng.api.claim.Eligibility;
import org.qiancheng.api.claim.PolicyIdentity;
import org.qiancheng.api.claim.SubsidyDecision;
import org.qiancheng.api.claim.TraineeFacts;
import org.qiancheng.api.parameter.Parameters;
import org.qiancheng.api.policy.PolicyDescriptor;
import org.qiancheng.api.report.Report;
import org.qiancheng.api.report.ReportData;
import org.qiancheng.api.report.ReportDefinition;

/**
 * A city plugin over a loaded version of its parent region: the parent decides first, with the
 * city's same-named parameter files in place of its own, and the city adds to that decision (the
 * rules of {@code docs/writing-a-region-plugin.md}). Made by {@link StandalonePolicy#extending}.
 */
public final class ComposedPolicy implements LoadedPolicy {

    private final StandalonePolicy city;
    private final StandalonePolicy province;
    /** The province's parameters with the city's overrides. */
    private final Parameters provinceParameters;

    ComposedPolicy(StandalonePolicy city, StandalonePolicy province, Parameters provinceParameters) {
        this.city = city;
        this.province = province;
        this.provinceParameters = provinceParameters;
    }

    /** @return the parent version this plugin is composed with */
    public StandalonePolicy province() {
        return province;
    }

    @Override
    public PolicyDescriptor descriptor() {
        return city.descriptor();
    }

    @Override
    public PolicyIdentity identity() {
        return city.identity();
    }

    /** The parent's catalogue, refined by the city's. */
    @Override
    public Catalog catalog(LocalDate on) {
        ParentView view = new ParentView(province, provinceParameters);
        Catalog parent = view.catalog(on);
        return Composition.catalog(parent, city.catalogOn(on, view), city.descriptor().regionCode());
    }

    /** Eligible only when both the parent and the city find the trainee eligible. */
    @Override
    public Eligibility eligibility(TraineeFacts trainee, ClassFacts classFacts) {
        Eligibility parent = province.guarded("eligibility",
                () -> province.policy().subsidy().eligibility(trainee, classFacts, provinceParameters));
        return Composition.eligibility(parent, city.eligibility(trainee, classFacts));
    }

    /**
     * The parent's decision, then the city's lines on it; {@code basedOn} names the parent version.
     * What the parent's catalogue reads when the city asks for it is recorded with the parent's reads.
     */
    @Override
    public Decision decide(ClaimInput input) {
        TrackedParameters tracked = new TrackedParameters(provinceParameters);
        SubsidyDecision parent = province.guarded("decision",
                () -> province.policy().subsidy().decide(input, tracked));
        return city.decideOn(input, parent, new ParentView(province, tracked), tracked::uses,
                List.of(province.identity()));
    }

    /** The city's own reports. */
    @Override
    public List<ReportDefinition> reports() {
        return city.reports();
    }

    @Override
    public Optional<Report> report(String reportId, ReportData data) {
        return city.report(reportId, data);
    }
}
