package org.qiancheng.core.internal.registry;

import java.time.Duration;
import java.util.List;
import org.osgi.framework.Bundle;
import org.qiancheng.api.registry.PolicyVersion;

/**
 * What the registry made of the region policies a bundle just started registered, so that the hot
 * folder can decide whether the bundle may take the place of the one it replaces. Kernel-internal.
 */
public interface Arrivals {

    /**
     * The outcome of validating a bundle's region policies.
     *
     * @param versions each policy version the bundle registered, with its standing
     * @param refusals why it may not take a working version's place: each refused version with its
     *     reasons, a policy that could not be identified, none registered, or validation still running
     */
    record Outcome(List<PolicyVersion> versions, List<String> refusals) {

        public Outcome {
            versions = List.copyOf(versions);
            refusals = List.copyOf(refusals);
        }

        /** @return whether the bundle registered region policies and every one is valid */
        public boolean valid() {
            return !versions.isEmpty() && refusals.isEmpty();
        }
    }

    /**
     * Waits until every region policy the (started) bundle registered has been validated.
     *
     * @param bundle a bundle just started
     * @param forService how long to wait for it to register a region policy at all
     * @param forValidation how long its validation may take
     */
    Outcome checked(Bundle bundle, Duration forService, Duration forValidation) throws InterruptedException;
}
