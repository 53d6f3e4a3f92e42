package org.qiancheng.api.spi;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.qiancheng.api.catalog.StandardCatalog;
import org.qiancheng.api.parameter.ParameterSpec;
import org.qiancheng.api.policy.PolicyDescriptor;
import org.qiancheng.api.policy.PolicyFiles;
import org.qiancheng.api.report.StandardReports;

/**
 * A region policy assembled from the standard parts, so that a region writes only its subsidy
 * rules: the descriptor from {@code policy.properties} beside the subclass, the
 * {@link StandardCatalog} with its parameter files, {@code targets/goals}, and the given reports.
 *
 * <pre>
 * &#64;Component(service = RegionPolicy.class)
 * public final class ExamplePolicy extends StandardRegionPolicy {
 *     public ExamplePolicy() {
 *         super(new ExampleSubsidy(), ExampleSubsidy.specs(),
 *                 new StandardReports("EX-2025 §二(六)", "EX-2025 §一", "EX-2025 §二(六)"));
 *     }
 * }</pre>
 *
 * @since 1.1
 */
public abstract class StandardRegionPolicy implements RegionPolicy {

    private final PolicyDescriptor descriptor;
    private final TrainingCatalog catalog;
    private final SubsidyPolicy subsidy;
    private final EvaluationReport reports;
    private final List<ParameterSpec> parameters;

    /**
     * @param subsidy the region's subsidy rules
     * @param subsidySpecs the parameters the subsidy rules read, with their bounds
     * @param reports the region's reports (usually {@link StandardReports})
     */
    protected StandardRegionPolicy(SubsidyPolicy subsidy, List<ParameterSpec> subsidySpecs, EvaluationReport reports) {
        this.descriptor = PolicyFiles.descriptor(getClass());
        this.catalog = new StandardCatalog(descriptor.regionCode());
        this.subsidy = subsidy;
        this.reports = reports;
        List<ParameterSpec> specs = new ArrayList<>(StandardCatalog.specs());
        specs.addAll(subsidySpecs);
        specs.add(ParameterSpec.list(StandardReports.GOALS));
        this.parameters = List.copyOf(specs);
    }

    @Override
    public final PolicyDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public final List<ParameterSpec> parameters() {
        return parameters;
    }

    @Override
    public final TrainingCatalog catalog() {
        return catalog;
    }

    @Override
    public final SubsidyPolicy subsidy() {
        return subsidy;
    }

    @Override
    public final Optional<EvaluationReport> reports() {
        return Optional.of(reports);
    }
}
