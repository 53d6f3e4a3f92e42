package org.qiancheng.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.qiancheng.api.model.RegionCodes;
import org.qiancheng.api.policy.PolicyDescriptor;
import org.qiancheng.api.spi.RegionPolicy;

/** What a policy's descriptor must satisfy before its parameters are even read. */
final class PolicyChecks {

    private PolicyChecks() {
    }

    /** @return why the descriptor cannot be used with this bundle version; empty when it can */
    static List<String> descriptorProblems(RegionPolicy policy, PolicyDescriptor descriptor, String bundleVersion) {
        List<String> problems = new ArrayList<>();
        parentProblem(policy, descriptor).ifPresent(problems::add);
        if (bundleVersion != null && !baseVersion(bundleVersion).equals(descriptor.version())) {
            problems.add("descriptor: version " + descriptor.version() + " does not match bundle version "
                    + bundleVersion);
        }
        return problems;
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

    /** {@code 2025.1.0.qualifier} → {@code 2025.1.0}: the descriptor names the policy, not the build. */
    private static String baseVersion(String version) {
        String[] parts = version.split("\\.");
        return parts.length <= 3 ? version : parts[0] + "." + parts[1] + "." + parts[2];
    }
}
