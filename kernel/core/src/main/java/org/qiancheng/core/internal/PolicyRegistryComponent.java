package org.qiancheng.core.internal;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.osgi.framework.Bundle;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.qiancheng.api.claim.PolicyIdentity;
import org.qiancheng.api.policy.PolicyDescriptor;
import org.qiancheng.api.registry.PolicyRegistry;
import org.qiancheng.api.registry.PolicySnapshot;
import org.qiancheng.api.registry.PolicyVersion;
import org.qiancheng.api.registry.RegionSummary;
import org.qiancheng.api.registry.RoutingIssue;
import org.qiancheng.api.spi.RegionPolicy;
import org.qiancheng.testkit.LoadedPolicy;
import org.qiancheng.testkit.PolicyRefusedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tracks every {@link RegionPolicy} service. A version arriving is validated (descriptor matches
 * its bundle, parameters present and within bounds, its own case files pass) and installed, valid
 * or refused; a version
 * leaving is taken out of routing at once and its unregistration waits for the snapshots in use.
 * Immediate, so that versions are validated when they arrive, not when someone first asks.
 */
@Component(immediate = true)
public final class PolicyRegistryComponent implements PolicyRegistry {

    private static final Logger LOG = LoggerFactory.getLogger(PolicyRegistryComponent.class);
    private static final Duration DRAIN = Duration.ofSeconds(30);

    private final Registry registry = new Registry(DRAIN);

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addPolicy(ServiceReference<RegionPolicy> reference, RegionPolicy policy) {
        long key = (Long) reference.getProperty(Constants.SERVICE_ID);
        Bundle bundle = reference.getBundle();
        String hash = BundleContent.hash(bundle);
        String bundleVersion = bundle.getVersion().toString();
        try {
            LoadedPolicy loaded = LoadedPolicy.load(policy, bundle.getSymbolicName(), bundleVersion, hash);
            List<String> failing = ActivationGate.failingCases(bundle, policy, hash);
            if (!failing.isEmpty()) {
                throw new PolicyRefusedException(failing);
            }
            registry.install(Installed.loaded(key, loaded));
            LOG.info("Policy {} {} from {} installed; its cases pass", loaded.descriptor().regionCode(),
                    loaded.descriptor().version(), bundle.getSymbolicName());
        } catch (PolicyRefusedException e) {
            PolicyDescriptor descriptor = safeDescriptor(policy);
            if (descriptor == null) {
                LOG.error("Policy from {} refused and unidentifiable: {}", bundle.getSymbolicName(), e.reasons());
                return;
            }
            registry.install(Installed.refused(key, descriptor,
                    new PolicyIdentity(descriptor.regionCode(), bundle.getSymbolicName(), descriptor.version(), hash),
                    e.reasons()));
            LOG.warn("Policy {} {} from {} REFUSED: {}", descriptor.regionCode(), descriptor.version(),
                    bundle.getSymbolicName(), e.reasons());
        }
    }

    void removePolicy(ServiceReference<RegionPolicy> reference) throws InterruptedException {
        long key = (Long) reference.getProperty(Constants.SERVICE_ID);
        if (!registry.uninstall(key)) {
            LOG.warn("Policy service {} of {} removed while snapshots were still open after {}", key,
                    reference.getBundle().getSymbolicName(), DRAIN);
        }
    }

    @Override
    public List<RegionSummary> regions() {
        return registry.regions();
    }

    @Override
    public List<PolicyVersion> versions() {
        return registry.versions();
    }

    @Override
    public List<RoutingIssue> issues() {
        return registry.issues();
    }

    @Override
    public PolicySnapshot acquire(String regionCode, LocalDate classStart) {
        return registry.acquire(regionCode, classStart);
    }

    @Override
    public PolicySnapshot acquire(String regionCode, String version) {
        return registry.acquire(regionCode, version);
    }

    @Override
    public void pin(String regionCode, String version) {
        registry.pin(regionCode, version);
        LOG.info("Region {} pinned to policy version {}", regionCode, version);
    }

    @Override
    public void unpin(String regionCode) {
        registry.unpin(regionCode);
        LOG.info("Region {} routed by date again", regionCode);
    }

    private static PolicyDescriptor safeDescriptor(RegionPolicy policy) {
        try {
            return policy.descriptor();
        } catch (RuntimeException e) {
            return null;
        }
    }
}
