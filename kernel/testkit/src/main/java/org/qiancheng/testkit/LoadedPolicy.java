package org.qiancheng.testkit;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.qiancheng.api.catalog.Catalog;
import org.qiancheng.api.claim.ClaimInput;
import org.qiancheng.api.claim.ClassFacts;
import org.qiancheng.api.claim.Decision;
import org.qiancheng.api.claim.Eligibility;
import org.qiancheng.api.claim.PolicyIdentity;
import org.qiancheng.api.claim.SubsidyDecision;
import org.qiancheng.api.claim.TraineeFacts;
import org.qiancheng.api.parameter.ParameterException;
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

    private LoadedPolicy(RegionPolicy policy, PolicyDescriptor descriptor, PolicyIdentity identity,
            ParameterSet parameters) {
        this.policy = policy;
        this.descriptor = descriptor;
        this.identity = identity;
        this.parameters = parameters;
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
        return new LoadedPolicy(policy, descriptor, identity, parameters);
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

    /** @return the catalogue in force on a day */
    public Catalog catalog(LocalDate on) {
        return guarded("catalogue", () -> policy.catalog().catalog(on, parameters));
    }

    /** @return the trainee's eligibility for the class */
    public Eligibility eligibility(TraineeFacts trainee, ClassFacts classFacts) {
        return guarded("eligibility", () -> policy.subsidy().eligibility(trainee, classFacts, parameters));
    }

    /** @return the reproducible decision for the claim */
    public Decision decide(ClaimInput input) {
        TrackedParameters tracked = parameters.tracked();
        SubsidyDecision result = guarded("decision", () -> policy.subsidy().decide(input, tracked));
        return new Decision(identity, input, result, tracked.uses());
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

    private static String baseVersion(String version) {
        String[] parts = version.split("\\.");
        return parts.length <= 3 ? version : parts[0] + "." + parts[1] + "." + parts[2];
    }
}
