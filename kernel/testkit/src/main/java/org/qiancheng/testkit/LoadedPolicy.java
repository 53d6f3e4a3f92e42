package org.qiancheng.testkit;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Set;
import java.util.TreeSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.qiancheng.api.catalog.Catalog;
import org.qiancheng.api.claim.ClaimInput;
import org.qiancheng.api.claim.ClassFacts;
import org.qiancheng.api.claim.Decision;
import org.qiancheng.api.claim.Eligibility;
import org.qiancheng.api.claim.ParameterUse;
import org.qiancheng.api.claim.PolicyIdentity;
import org.qiancheng.api.claim.SubsidyDecision;
import org.qiancheng.api.claim.TraineeFacts;
import org.qiancheng.api.model.RegionCodes;
import org.qiancheng.api.parameter.ParameterException;
import org.qiancheng.api.parameter.ParameterSpec;
import org.qiancheng.api.parameter.Parameters;
import org.qiancheng.api.policy.PolicyDescriptor;
import org.qiancheng.api.report.Report;
import org.qiancheng.api.report.ReportData;
import org.qiancheng.api.report.ReportDefinition;
import org.qiancheng.api.spi.EvaluationReport;
import org.qiancheng.api.spi.RegionPolicy;

/**
 * A region policy with its validated parameters and identity, evaluated exactly the same way in
 * the runtime and in a plain unit test: every decision records the policy identity and each dated
 * parameter value read, and a policy that throws is reported with its identity.
 */
public final class LoadedPolicy {

    private final RegionPolicy policy;
    private final PolicyDescriptor descriptor;
    private final PolicyIdentity identity;
    private final ParameterSet parameters;
    /** For a city plugin composed with its province: the province, and its parameters with the city's overrides. */
    private final LoadedPolicy parent;
    private final Parameters parentParameters;

    private LoadedPolicy(RegionPolicy policy, PolicyDescriptor descriptor, PolicyIdentity identity,
            ParameterSet parameters, LoadedPolicy parent, Parameters parentParameters) {
        this.policy = policy;
        this.descriptor = descriptor;
        this.identity = identity;
        this.parameters = parameters;
        this.parent = parent;
        this.parentParameters = parentParameters;
    }

    /**
     * Validates and loads a policy.
     *
     * @param policy the region's policy
     * @param bundleSymbolicName the bundle carrying it
     * @param bundleVersion the bundle's version, which the descriptor must match; {@code null}
     *     outside a framework
     * @param contentHash SHA-256 of the bundle's content
     * @return the loaded policy
     * @throws PolicyRefusedException with every reason it cannot be used
     */
    public static LoadedPolicy load(RegionPolicy policy, String bundleSymbolicName, String bundleVersion,
            String contentHash) throws PolicyRefusedException {
        return load(policy, bundleSymbolicName, bundleVersion, contentHash, Map.of());
    }

    /**
     * As {@link #load(RegionPolicy, String, String, String)}, with some parameters' values replaced.
     *
     * @param overrides parameter name → replacement {@code values} object
     */
    public static LoadedPolicy load(RegionPolicy policy, String bundleSymbolicName, String bundleVersion,
            String contentHash, Map<String, Object> overrides) throws PolicyRefusedException {
        List<String> reasons = new ArrayList<>();
        PolicyDescriptor descriptor = null;
        try {
            descriptor = policy.descriptor();
        } catch (RuntimeException e) {
            reasons.add("descriptor: " + e.getMessage());
        }
        if (descriptor != null) {
            parentProblem(policy, descriptor).ifPresent(reasons::add);
        }
        if (descriptor != null && bundleVersion != null && !baseVersion(bundleVersion).equals(descriptor.version())) {
            reasons.add("descriptor: version " + descriptor.version() + " does not match bundle version "
                    + bundleVersion);
        }
        ParameterSet parameters = null;
        try {
            parameters = ParameterSet.load(policy.getClass().getClassLoader(), policy.parameters(), overrides);
        } catch (ParameterException e) {
            reasons.addAll(e.problems());
        } catch (RuntimeException e) {
            reasons.add("parameters: " + e);
        }
        if (!reasons.isEmpty()) {
            throw new PolicyRefusedException(reasons);
        }
        PolicyIdentity identity = new PolicyIdentity(descriptor.regionCode(), bundleSymbolicName,
                descriptor.version(), contentHash);
        return new LoadedPolicy(policy, descriptor, identity, parameters, null, null);
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
    public LoadedPolicy extending(LoadedPolicy province) throws PolicyRefusedException {
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
        return new LoadedPolicy(policy, descriptor, identity, parameters, province,
                new OverlayParameters(province.parameters, parameters, overridden));
    }

    /** @return the descriptor */
    public PolicyDescriptor descriptor() {
        return descriptor;
    }

    /** @return the identity recorded in decisions */
    public PolicyIdentity identity() {
        return identity;
    }

    /** @return the validated parameters */
    public ParameterSet parameters() {
        return parameters;
    }

    /** @return the catalogue in force on a day; a city plugin's refines its parent's */
    public Catalog catalog(LocalDate on) {
        Catalog own = guarded("catalogue", () -> policy.catalog().catalog(on, parameters));
        if (parent == null) {
            return own;
        }
        Catalog province = parent.guarded("catalogue", () -> parent.policy.catalog().catalog(on, parentParameters));
        return Composition.catalog(province, own, descriptor.regionCode());
    }

    /** @return the trainee's eligibility for the class; a city plugin's requires its parent's too */
    public Eligibility eligibility(TraineeFacts trainee, ClassFacts classFacts) {
        Eligibility own = guarded("eligibility", () -> policy.subsidy().eligibility(trainee, classFacts, parameters));
        if (parent == null) {
            return own;
        }
        Eligibility province = parent.guarded("eligibility",
                () -> parent.policy.subsidy().eligibility(trainee, classFacts, parentParameters));
        return Composition.eligibility(province, own);
    }

    /** @return the reproducible decision for the claim; a city plugin's adds to its parent's */
    public Decision decide(ClaimInput input) {
        if (parent == null) {
            TrackedParameters tracked = parameters.tracked();
            SubsidyDecision result = guarded("decision", () -> policy.subsidy().decide(input, tracked));
            return new Decision(identity, input, result, tracked.uses());
        }
        TrackedParameters provinceTracked = new TrackedParameters(parentParameters);
        SubsidyDecision province = parent.guarded("decision",
                () -> parent.policy.subsidy().decide(input, provinceTracked));
        return decideOn(input, province, provinceTracked.uses(), List.of(parent.identity));
    }

    /**
     * Decides a city plugin's claim on a given parent decision, as a case file does when it states
     * the parent's decision inline instead of loading the parent's bundle.
     *
     * @param input the claim's inputs
     * @param province the parent region's decision
     * @return the combined decision
     */
    public Decision decideOn(ClaimInput input, SubsidyDecision province) {
        return decideOn(input, province, List.of(), List.of());
    }

    private Decision decideOn(ClaimInput input, SubsidyDecision province, List<ParameterUse> provinceUses,
            List<PolicyIdentity> basedOn) {
        TrackedParameters tracked = parameters.tracked();
        SubsidyDecision local = guarded("decision", () -> policy.subsidy().decide(input, province, tracked));
        Map<String, ParameterUse> uses = new LinkedHashMap<>();
        for (ParameterUse use : provinceUses) {
            uses.putIfAbsent(use.name() + "@" + use.effectiveFrom(), use);
        }
        for (ParameterUse use : tracked.uses()) {
            uses.putIfAbsent(use.name() + "@" + use.effectiveFrom(), use);
        }
        return new Decision(identity, input, Composition.decision(province, local), List.copyOf(uses.values()), basedOn);
    }

    /** @return the reports offered */
    public List<ReportDefinition> reports() {
        return guarded("reports", () -> policy.reports().map(EvaluationReport::definitions).orElse(List.of()));
    }

    /** @return the report, or empty when the policy offers no report with that id */
    public Optional<Report> report(String reportId, ReportData data) {
        if (reports().stream().noneMatch(r -> r.id().equals(reportId))) {
            return Optional.empty();
        }
        return Optional.of(guarded("report " + reportId,
                () -> policy.reports().orElseThrow().produce(reportId, data, parameters)));
    }

    private <T> T guarded(String what, Supplier<T> call) {
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

    /** A plugin's parent must be its own city or province (510104 may extend 510100 or 510000). */
    private static Optional<String> parentProblem(RegionPolicy policy, PolicyDescriptor descriptor) {
        Optional<String> parent;
        try {
            parent = policy.parentRegion();
        } catch (RuntimeException e) {
            return Optional.of("parent region: " + e.getMessage());
        }
        String own = descriptor.regionCode();
        if (parent.isPresent() && (parent.get().equals(own) || !(parent.get().equals(RegionCodes.city(own))
                || parent.get().equals(RegionCodes.province(own))))) {
            return Optional.of("parent region " + parent.get() + " is not the city or province of " + own);
        }
        return Optional.empty();
    }

    private static String baseVersion(String version) {
        String[] parts = version.split("\\.");
        return parts.length <= 3 ? version : parts[0] + "." + parts[1] + "." + parts[2];
    }
}
