package org.qiancheng.core.internal.registry;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.qiancheng.api.claim.PolicyIdentity;
import org.qiancheng.api.policy.PolicyDescriptor;
import org.qiancheng.api.registry.Activation;
import org.qiancheng.api.registry.ActivationException;
import org.qiancheng.api.registry.PolicyRegistry;
import org.qiancheng.api.registry.PolicySnapshot;
import org.qiancheng.api.registry.PolicyStatus;
import org.qiancheng.api.registry.PolicyVersion;
import org.qiancheng.api.registry.RegionSummary;
import org.qiancheng.api.registry.RoutingIssue;
import org.qiancheng.api.registry.StaleDecisionException;
import org.qiancheng.api.spi.RegionPolicy;
import org.qiancheng.api.workflow.Operators;
import org.qiancheng.persistence.PolicyActivations;
import org.qiancheng.persistence.WorkflowTx;
import org.qiancheng.engine.StandalonePolicy;
import org.qiancheng.engine.PolicyRefusedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tracks every {@link RegionPolicy} service. A version arriving is validated (descriptor matches
 * its bundle, parameters present and within bounds, its own case files pass) and installed, valid
 * or refused; a version
 * leaving is taken out of routing at once and its unregistration waits for the snapshots in use.
 * Immediate, so that versions are validated when they arrive, not when someone first asks.
 */
@Component(immediate = true, configurationPid = RegistryConfiguration.PID,
        service = {PolicyRegistry.class, Arrivals.class, Decisions.class})
@Designate(ocd = RegistryConfiguration.class)
public final class PolicyRegistryComponent implements PolicyRegistry, Arrivals, Decisions {

    private static final Logger LOG = LoggerFactory.getLogger(PolicyRegistryComponent.class);

    private final Registry registry;
    private final GuardLimits limits;
    private final Duration drain;
    private final int refreshSeconds;
    /** Serialises operators' decisions: checked, stored, then applied, one at a time. */
    private final Object decisions = new Object();
    /** Notified whenever a policy service has been dealt with; {@link #checked} waits on it. */
    private final Object arrivals = new Object();
    /** Services that arrived unidentifiable (their descriptor threw), with why; never in the registry. */
    private final Map<Long, List<String>> unidentifiable = new ConcurrentHashMap<>();
    /** Versions whose cases passed on this code before: not run again at a start. */
    private final PassedCases passed;
    /** The kernel's bundles that load a version and run its cases: part of what a passed run is keyed on. */
    private final Bundle[] kernel;
    private final ScheduledExecutorService refresher = Executors.newSingleThreadScheduledExecutor(
            r -> new Thread(r, "qc-policy-history"));

    @Reference
    private Clock clock;

    /** The stored history; absent while the database is down, when decisions are refused. */
    private volatile PolicyActivations store;
    /** Another node's decision read at once (PostgreSQL NOTIFY), not at the next periodic reading. */
    private volatile AutoCloseable notified;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindStore(PolicyActivations activations) {
        store = activations;
        refresh();
        closeNotified();
        notified = activations.onAppended(this::refresh);
    }

    void unbindStore(PolicyActivations activations) {
        if (store == activations) {
            store = null;
            closeNotified();
        }
    }

    private void closeNotified() {
        AutoCloseable subscription = notified;
        notified = null;
        if (subscription != null) {
            try {
                subscription.close();
            } catch (Exception e) {
                LOG.debug("closing the decision notifications: {}", e.toString());
            }
        }
    }

    @Activate
    public PolicyRegistryComponent(BundleContext context, RegistryConfiguration config) {
        this.drain = Duration.ofSeconds(config.drainSeconds());
        this.registry = new Registry(drain);
        this.limits = GuardLimits.of(config);
        this.refreshSeconds = config.historyRefreshSeconds();
        String home = context.getProperty("qc.home");
        this.passed = PassedCases.in(home == null ? null : Path.of(home).resolve("data"));
        this.kernel = new Bundle[] {context.getBundle(), FrameworkUtil.getBundle(StandalonePolicy.class)};
    }

    @Activate
    void start() {
        // other nodes on the same database decide too: their decisions arrive within seconds
        refresher.scheduleWithFixedDelay(this::refresh, refreshSeconds, refreshSeconds, TimeUnit.SECONDS);
    }

    @Deactivate
    void stop() {
        refresher.shutdownNow();
    }

    private void refresh() {
        PolicyActivations current = store;
        if (current == null) {
            return;
        }
        try {
            registry.load(current.all());
        } catch (RuntimeException e) {
            LOG.warn("Policy history not read: {}", e.toString());
        }
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addPolicy(ServiceReference<RegionPolicy> reference, RegionPolicy policy) {
        try {
            validate(reference, policy);
        } finally {
            synchronized (arrivals) {
                arrivals.notifyAll();
            }
        }
    }

    private void validate(ServiceReference<RegionPolicy> reference, RegionPolicy policy) {
        long key = (Long) reference.getProperty(Constants.SERVICE_ID);
        Bundle bundle = reference.getBundle();
        String hash = BundleContent.hash(bundle);
        String bundleVersion = bundle.getVersion().toString();
        PolicyDescriptor arriving = safeDescriptor(policy);
        if (arriving != null) {
            // listed as VALIDATING while its cases run; the version in force stays in force
            registry.install(Installed.validating(key, arriving,
                    new PolicyIdentity(arriving.regionCode(), bundle.getSymbolicName(), arriving.version(), hash)));
        }
        try {
            StandalonePolicy loaded = StandalonePolicy.load(policy, bundle.getSymbolicName(), bundleVersion, hash);
            String casesKey = PassedCases.key(hash, PassedCases.code(bundle, kernel), Runtime.version().toString());
            boolean passedBefore = passed.contains(casesKey);
            if (!passedBefore) {
                List<String> failing = ActivationGate.failingCases(bundle, policy, hash);
                if (!failing.isEmpty()) {
                    throw new PolicyRefusedException(failing);
                }
                passed.add(casesKey);
            }
            Installed installed = registry.install(Installed.loaded(key, loaded, limits));
            if (installed.valid()) {
                LOG.info("Policy {} {} from {} installed; its cases pass{}", loaded.descriptor().regionCode(),
                        loaded.descriptor().version(), bundle.getSymbolicName(),
                        passedBefore ? " (passed before on this content and code, not run again)" : "");
            } else {
                LOG.warn("Policy {} {} from {} REFUSED: {}", installed.region(), installed.version(),
                        bundle.getSymbolicName(), installed.refusal);
            }
        } catch (PolicyRefusedException e) {
            PolicyDescriptor descriptor = safeDescriptor(policy);
            if (descriptor == null) {
                LOG.error("Policy from {} refused and unidentifiable: {}", bundle.getSymbolicName(), e.reasons());
                unidentifiable.put(key, e.reasons());
                registry.forget(key);
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
        unidentifiable.remove(key);
        if (!registry.uninstall(key)) {
            LOG.warn("Policy service {} of {} removed while snapshots were still open after {}", key,
                    reference.getBundle().getSymbolicName(), drain);
        }
    }

    @Override
    public Outcome checked(Bundle bundle, Duration forService, Duration forValidation) throws InterruptedException {
        long start = System.nanoTime();
        synchronized (arrivals) {
            while (true) {
                List<Long> keys = policyServices(bundle);
                List<PolicyVersion> versions = new ArrayList<>();
                List<String> refusals = new ArrayList<>();
                boolean pending = false;
                for (long key : keys) {
                    Optional<PolicyVersion> standing = registry.standing(key);
                    if (unidentifiable.containsKey(key)) {
                        refusals.add("a region policy that cannot describe itself: " + unidentifiable.get(key));
                    } else if (standing.isEmpty() || standing.get().status() == PolicyStatus.VALIDATING) {
                        pending = true;
                    } else {
                        versions.add(standing.get());
                        if (standing.get().status() == PolicyStatus.REFUSED) {
                            refusals.add(standing.get().descriptor().regionCode() + " "
                                    + standing.get().descriptor().version() + " REFUSED: " + standing.get().reason());
                        }
                    }
                }
                Duration waited = Duration.ofNanos(System.nanoTime() - start);
                Duration limit = keys.isEmpty() ? forService : forValidation;
                if (!keys.isEmpty() && !pending) {
                    return new Outcome(versions, refusals);
                }
                if (waited.compareTo(limit) >= 0) {
                    refusals.add(keys.isEmpty() ? bundle.getSymbolicName() + " " + bundle.getVersion()
                            + " registered no region policy service within " + forService.toSeconds() + " s"
                            : "still VALIDATING after " + forValidation.toSeconds() + " s");
                    return new Outcome(versions, refusals);
                }
                arrivals.wait(Math.max(1, limit.minus(waited).toMillis()));
            }
        }
    }

    private static List<Long> policyServices(Bundle bundle) {
        ServiceReference<?>[] registered = bundle.getRegisteredServices();
        List<Long> keys = new ArrayList<>();
        for (ServiceReference<?> service : registered == null ? new ServiceReference<?>[0] : registered) {
            String[] classes = (String[]) service.getProperty(Constants.OBJECTCLASS);
            if (Arrays.asList(classes).contains(RegionPolicy.class.getName())) {
                keys.add((Long) service.getProperty(Constants.SERVICE_ID));
            }
        }
        return keys;
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
    public Optional<PolicyVersion> version(String regionCode, String version) {
        return registry.version(regionCode, version);
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
        pin(regionCode, version, null);
    }

    @Override
    public void pin(String regionCode, String version, Long expectedSequence) {
        decide(regionCode, expectedSequence, () -> registry.pin(regionCode, version, Operators.current(),
                clock.instant()), audited("pinned"));
        LOG.info("Region {} pinned to policy version {}", regionCode, version);
    }

    @Override
    public void unpin(String regionCode) {
        unpin(regionCode, null);
    }

    @Override
    public void unpin(String regionCode, Long expectedSequence) {
        decide(regionCode, expectedSequence, () -> registry.unpin(regionCode, Operators.current(), clock.instant()),
                audited("unpinned"));
        LOG.info("Region {} routed by date again", regionCode);
    }

    @Override
    public long sequence(String regionCode) {
        return registry.sequence(regionCode);
    }

    @Override
    public Activation activate(String regionCode, String version, String actor, String reason) {
        return activate(regionCode, version, actor, reason, null, audited("activated"));
    }

    @Override
    public Activation activate(String regionCode, String version, String actor, String reason,
            BiConsumer<WorkflowTx, Activation> alongside) {
        return activate(regionCode, version, actor, reason, null, alongside);
    }

    @Override
    public Activation activate(String regionCode, String version, String actor, String reason, Long expectedSequence,
            BiConsumer<WorkflowTx, Activation> alongside) {
        Activation stored = decide(regionCode, expectedSequence, () -> registry.activation(regionCode, version, actor,
                reason, clock.instant()), alongside);
        LOG.info("Policy {} {} activated by {} at decision {}; retired {}", regionCode, version, actor,
                stored.sequence(), stored.retired());
        return stored;
    }

    @Override
    public void checkActivation(String regionCode, String version) {
        synchronized (decisions) {
            refresh();
            registry.activation(regionCode, version, Operators.current(), null, clock.instant());
        }
    }

    @Override
    public Activation rollback(String regionCode, String actor, String reason) {
        return rollback(regionCode, actor, reason, null);
    }

    @Override
    public Activation rollback(String regionCode, String actor, String reason, Long expectedSequence) {
        Activation stored = decide(regionCode, expectedSequence, () -> registry.rollback(regionCode, actor, reason,
                clock.instant()), audited("rolled-back"));
        LOG.info("Policy {} {} rolled back by {}; in force again {}", regionCode, stored.version(), actor,
                stored.retired());
        return stored;
    }

    /**
     * The audit entry of a one-person decision (entity {@code policy}, id 0: the decision's own id is in
     * the entry), written in the transaction that stores it; the actor is the decision's.
     */
    private static BiConsumer<WorkflowTx, Activation> audited(String action) {
        return (tx, stored) -> tx.audit().append(stored.at(), stored.actor(), "policy." + action, "policy", 0, null,
                stored);
    }

    @Override
    public List<Activation> activations(String regionCode) {
        return registry.decisions(regionCode);
    }

    /**
     * Checks a decision against the present state, stores it as the region's next decision when the
     * region is still at {@code expectedSequence} (else as this node knows it after reading the
     * history again), then applies it. The store refuses it when another decision, of any node, took
     * that step first ({@link StaleDecisionException}); this node then reads the history again.
     */
    private Activation decide(String region, Long expectedSequence, Supplier<Activation> check,
            BiConsumer<WorkflowTx, Activation> alongside) {
        synchronized (decisions) {
            PolicyActivations current = store;
            if (current == null) {
                throw new ActivationException("database-unavailable",
                        "the decision cannot be stored: the database is not available");
            }
            refresh();
            long at = expectedSequence != null ? expectedSequence : registry.sequence(region);
            if (at != registry.sequence(region)) {
                // checked against the state the operator did not see: say what changed instead
                throw stale(region, at);
            }
            Activation stored;
            try {
                stored = current.append(check.get(), at, alongside);
            } catch (StaleDecisionException e) {
                refresh();
                throw e;
            }
            registry.record(stored);
            return stored;
        }
    }

    private StaleDecisionException stale(String region, long expected) {
        List<Activation> all = registry.decisions(region);
        int from = (int) Math.min(Math.max(expected, 0), all.size());
        return new StaleDecisionException(region, expected, all.size(), all.subList(from, all.size()));
    }

    private static PolicyDescriptor safeDescriptor(RegionPolicy policy) {
        try {
            return policy.descriptor();
        } catch (RuntimeException e) {
            return null;
        }
    }
}
