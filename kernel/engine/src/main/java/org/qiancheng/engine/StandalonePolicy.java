package org.qiancheng.engine;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.qiancheng.api.catalog.Catalog;
import org.qiancheng.api.claim.ClaimInput;
import org.qiancheng.api.claim.ClassFacts;
import org.qiancheng.api.claim.Decision;
import org.qiancheng.api.claim.Eligibility;
import org.qiancheng.api.claim.ParameterUse;
import org.qiancheng.api.claim.PolicyIdentity;
import org.qiancheng.api.claim.SubsidyDecision;
import org.qiancheng.api.claim.TraineeFacts;
import org.qiancheng.api.parameter.ParameterException;
import org.qiancheng.api.parameter.ParameterSpec;
import org.qiancheng.api.policy.PolicyDescriptor;
import org.qiancheng.api.report.Report;
import org.qiancheng.api.report.ReportData;
import org.qiancheng.api.report.ReportDefinition;
import org.qiancheng.api.spi.ParentPolicy;
import org.qiancheng.api.spi.RegionPolicy;

/**
 * One region policy with its own validated parameters: a region deciding alone, or a city plugin
 * deciding on a parent decision it is given (as its case files state it inline). A city plugin is
 * composed with a loaded version of its parent by {@link #extending(StandalonePolicy)}.
 */
public final class StandalonePolicy implements LoadedPolicy {

    private final RegionPolicy policy;
    private final PolicyDescriptor descriptor;
    private final PolicyIdentity identity;
    private final ParameterSet parameters;

    private StandalonePolicy(RegionPolicy policy, PolicyDescriptor descriptor, PolicyIdentity identity,
            ParameterSet parameters) {
        this.policy = policy;
        this.descriptor = descriptor;
        this.identity = identity;
        this.parameters = parameters;
    }

    /**
     * Validates and loads a policy: its descriptor, its parameter files and its rules file
     * ({@code rules.json}, optional: without it the policy has no rules).
     *
     * @param policy the region's policy
     * @param bundleSymbolicName the bundle carrying it
     * @param bundleVersion the bundle's version, which the descriptor must match; {@code null}
     *     outside a framework
     * @param contentHash SHA-256 of the bundle's content
     * @return the loaded policy
     * @throws PolicyRefusedException with every reason it cannot be used
     */
    public static StandalonePolicy load(RegionPolicy policy, String bundleSymbolicName, String bundleVersion,
            String contentHash) throws PolicyRefusedException {
        return load(policy, bundleSymbolicName, bundleVersion, contentHash, Map.of());
    }

    /**
     * As {@link #load(RegionPolicy, String, String, String)}, with some parameters' values replaced.
     *
     * @param overrides parameter name → replacement {@code values} object
     */
    public static StandalonePolicy load(RegionPolicy policy, String bundleSymbolicName, String bundleVersion,
            String contentHash, Map<String, Object> overrides) throws PolicyRefusedException {
        List<String> reasons = new ArrayList<>();
        PolicyDescriptor descriptor = null;
        try {
            descriptor = policy.descriptor();
        } catch (RuntimeException e) {
            reasons.add("descriptor: " + e.getMessage());
        }
        if (descriptor != null) {
            reasons.addAll(PolicyChecks.descriptorProblems(policy, descriptor, bundleVersion));
        }
        ParameterSet parameters = null;
        try {
            parameters = ParameterSet.load(policy.getClass().getClassLoader(), policy.parameters(), overrides);
        } catch (ParameterException e) {
            reasons.addAll(e.problems());
        } catch (RuntimeException e) {
            reasons.add("parameters: " + e);
        }
        RuleSet rules = null;
        try {
            rules = RuleSet.load(policy.getClass().getClassLoader(),
                    policy.parameters().stream().map(ParameterSpec::name).collect(Collectors.toSet()), reasons);
        } catch (RuntimeException e) {
            reasons.add(RuleSet.FILE + ": " + e);
        }
        if (!reasons.isEmpty()) {
            throw new PolicyRefusedException(reasons);
        }
        PolicyIdentity identity = new PolicyIdentity(descriptor.regionCode(), bundleSymbolicName,
                descriptor.version(), contentHash);
        return new StandalonePolicy(policy, descriptor, identity, parameters.withRules(rules));
    }

    /** @return the region this policy refines, for a city plugin */
    public Optional<String> parentRegion() {
        return guarded("parent region", policy::parentRegion);
    }

    /**
     * Composes this city plugin with a version of its parent region: the parent decides with this
     * plugin's parameter files in place of its own files of the same name, which must also keep the
     * parent's bounds.
     *
     * @param province the parent region's loaded policy
     * @return the composed policy
     * @throws PolicyRefusedException when this is not a plugin of that region, or an override
     *     breaks the parent's bounds
     */
    public ComposedPolicy extending(StandalonePolicy province) throws PolicyRefusedException {
        String expected = parentRegion().orElse(null);
        if (!province.descriptor.regionCode().equals(expected)) {
            throw new PolicyRefusedException(List.of(descriptor.regionCode() + " " + descriptor.version()
                    + " does not extend region " + province.descriptor.regionCode()));
        }
        List<String> problems = new ArrayList<>();
        Set<String> overridden = new TreeSet<>();
        for (ParameterSpec spec : province.policy.parameters()) {
            parameters.files().stream().filter(f -> f.name().equals(spec.name())).findFirst().ifPresent(file -> {
                overridden.add(spec.name());
                file.values().forEach((from, value) -> ParameterFile.ValueCheck.check(spec,
                        descriptor.regionCode() + ":" + spec.name() + "@" + from, value.plain(), file.reference(),
                        problems));
            });
        }
        if (!problems.isEmpty()) {
            throw new PolicyRefusedException(problems);
        }
        return new ComposedPolicy(this, province, new OverlayParameters(province.parameters, parameters, overridden,
                province.parameters.ruleSet()));
    }

    @Override
    public PolicyDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public PolicyIdentity identity() {
        return identity;
    }

    /** @return the validated parameters */
    public ParameterSet parameters() {
        return parameters;
    }

    @Override
    public Catalog catalog(LocalDate on) {
        return guarded("catalogue", () -> policy.catalog().catalog(on, parameters));
    }

    /** A city plugin's own catalogue, knowing its parent's; the composition merges it into the parent's. */
    Catalog catalogOn(LocalDate on, ParentPolicy parent) {
        return guarded("catalogue", () -> policy.catalog().catalog(on, parent, parameters));
    }

    @Override
    public Eligibility eligibility(TraineeFacts trainee, ClassFacts classFacts) {
        return guarded("eligibility", () -> policy.subsidy().eligibility(trainee, classFacts, parameters));
    }

    @Override
    public Decision decide(ClaimInput input) {
        TrackedParameters tracked = parameters.tracked();
        SubsidyDecision result = guarded("decision", () -> policy.subsidy().decide(input, tracked));
        return new Decision(identity, input, result, tracked.uses());
    }

    /**
     * Decides a city plugin's claim on a given parent decision, as a case file does when it states
     * the parent's decision inline instead of loading the parent's bundle. The plugin cannot read
     * the parent's catalogue here: use {@link #decideOn(ClaimInput, SubsidyDecision, ParentPolicy)}.
     *
     * @param input the claim's inputs
     * @param province the parent region's decision
     * @return the combined decision
     */
    public Decision decideOn(ClaimInput input, SubsidyDecision province) {
        return decideOn(input, province, StatedParent.NOT_STATED);
    }

    /**
     * Decides a city plugin's claim on a given parent decision and a given parent policy to read
     * from, as a case file does when it states the parent's decision and catalogue inline.
     *
     * @param input the claim's inputs
     * @param province the parent region's decision
     * @param parent what the plugin may read of its parent, e.g. its catalogue
     * @return the combined decision
     * @since 1.2
     */
    public Decision decideOn(ClaimInput input, SubsidyDecision province, ParentPolicy parent) {
        return decideOn(input, province, parent, List::of, List.of());
    }

    /**
     * The city's decision on the province's, with the parameters both read (the province's asked
     * for after the city decided, since the city may read the province's catalogue) and the
     * parent's identity.
     */
    Decision decideOn(ClaimInput input, SubsidyDecision province, ParentPolicy parent,
            Supplier<List<ParameterUse>> provinceUses, List<PolicyIdentity> basedOn) {
        TrackedParameters tracked = parameters.tracked();
        SubsidyDecision local = guarded("decision", () -> policy.subsidy().decide(input, province, parent, tracked));
        Map<String, ParameterUse> uses = new LinkedHashMap<>();
        for (ParameterUse use : provinceUses.get()) {
            uses.putIfAbsent(use.name() + "@" + use.effectiveFrom(), use);
        }
        for (ParameterUse use : tracked.uses()) {
            uses.putIfAbsent(use.name() + "@" + use.effectiveFrom(), use);
        }
        return new Decision(identity, input, Composition.decision(province, local), List.copyOf(uses.values()), basedOn);
    }

    @Override
    public List<ReportDefinition> reports() {
        return guarded("reports", () -> policy.reports().map(r -> r.definitions(parameters.rules())).orElse(List.of()));
    }

    @Override
    public Optional<Report> report(String reportId, ReportData data) {
        if (reports().stream().noneMatch(r -> r.id().equals(reportId))) {
            return Optional.empty();
        }
        return Optional.of(guarded("report " + reportId,
                () -> policy.reports().orElseThrow().produce(reportId, data, parameters)));
    }

    /** The region's own code, for the composition that calls it with other parameters. */
    RegionPolicy policy() {
        return policy;
    }

    /** Calls into the region's code; a throw or a missing answer becomes a failure naming this version. */
    <T> T guarded(String what, Supplier<T> call) {
        try {
            T result = call.get();
            if (result == null) {
                throw new IllegalStateException("returned nothing");
            }
            return result;
        } catch (RuntimeException e) {
            throw new PolicyFailureException("policy " + identity.regionCode() + " " + identity.version() + " ("
                    + identity.bundleSymbolicName() + ") failed in " + what + ": " + e.getMessage(), e);
        }
    }
}
