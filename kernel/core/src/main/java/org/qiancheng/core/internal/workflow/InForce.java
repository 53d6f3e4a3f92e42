package org.qiancheng.core.internal.workflow;

import java.time.LocalDate;
import java.util.function.Function;
import org.qiancheng.api.registry.NoPolicyException;
import org.qiancheng.api.registry.PolicyRegistry;
import org.qiancheng.api.registry.PolicySnapshot;

/** Uses the policy in force for a region on a day; no policy is an input error naming the field. */
final class InForce {

    private InForce() {
    }

    static <T> T withPolicy(PolicyRegistry registry, String field, String region, LocalDate day,
            Function<PolicySnapshot, T> use) {
        try (PolicySnapshot policy = registry.acquire(region, day)) {
            return use.apply(policy);
        } catch (NoPolicyException e) {
            throw Checks.invalid(field, "policy-in-force", e.getMessage());
        }
    }
}
