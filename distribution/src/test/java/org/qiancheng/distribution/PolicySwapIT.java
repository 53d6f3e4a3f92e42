package org.qiancheng.distribution;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.bundle;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.inject.Inject;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.util.tracker.ServiceTracker;
import org.qiancheng.api.claim.ClaimInput;
import org.qiancheng.api.registry.Activation;
import org.qiancheng.api.registry.PolicyRegistry;
import org.qiancheng.api.registry.PolicySnapshot;
import org.qiancheng.api.registry.PolicyStatus;
import org.qiancheng.api.registry.PolicyVersion;
import org.qiancheng.engine.Scenarios;

/**
 * The two shipped Sichuan 2025 texts inside the framework: 2025.2.0 waits on STANDBY, an activation
 * swaps it in for new requests while a request already holding 2025.1.0 finishes with it, the
 * choice is read back from the database by a registry started again (the kernel's core bundle
 * stopped and started), and a rollback swaps back.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class PolicySwapIT extends PlatformTestSupport {

    private static final String SICHUAN = "510000";
    private static final LocalDate CLASS_START = LocalDate.parse("2026-03-02");
    /** The class of {@code PolicySwapE2EIT}: 980.00 under 2025.1.0, 975.00 under 2025.2.0. */
    private static final java.nio.file.Path CLASS_OF_2026 = java.nio.file.Path.of(
            "src/test/resources/examples/preview-sichuan-2026.json");

    @Inject
    private BundleContext context;

    @Configuration
    public Option[] configuration() throws Exception {
        return baseConfiguration(
                bundle(DIST.resolve("defaults/deploy/region-sichuan-2025.1.0.jar").toUri().toString()),
                bundle(DIST.resolve("defaults/deploy/region-sichuan-2025-2-2025.2.0.jar").toUri().toString()));
    }

    @Test
    public void activationSwapsNewRequestsKeepsTheOneInFlightSurvivesARestartAndRollsBack() throws Exception {
        PolicyRegistry registry = awaitRegistry();
        awaitStatus(registry, "2025.2.0", PolicyStatus.STANDBY);
        ClaimInput claim = Scenarios.parse(Files.readString(CLASS_OF_2026), null).input();

        try (PolicySnapshot inFlight = registry.acquire(SICHUAN, CLASS_START)) {
            assertEquals("2025.1.0", inFlight.identity().version());
            Activation activated = registry.activate(SICHUAN, "2025.2.0", "it", "final text");
            assertEquals(List.of("2025.1.0"), activated.retired());
            assertEquals(new BigDecimal("975.00"), decide(registry, claim));
            assertEquals("the request in flight finishes with the version it started with",
                    new BigDecimal("980.00"), inFlight.decide(claim).amount());
        }
        assertEquals(PolicyStatus.RETIRED, status(registry, "2025.1.0"));

        Bundle core = coreBundle();
        core.stop();
        core.start();
        PolicyRegistry restarted = awaitRegistry();
        awaitStatus(restarted, "2025.2.0", PolicyStatus.ACTIVE);
        assertEquals("the stored activation is replayed", PolicyStatus.RETIRED, status(restarted, "2025.1.0"));
        assertEquals(new BigDecimal("975.00"), decide(restarted, claim));

        restarted.rollback(SICHUAN, "it", "review");
        assertEquals(new BigDecimal("980.00"), decide(restarted, claim));
        assertEquals(PolicyStatus.STANDBY, status(restarted, "2025.2.0"));
        assertEquals(2, restarted.activations(SICHUAN).size());
    }

    private static BigDecimal decide(PolicyRegistry registry, ClaimInput claim) {
        try (PolicySnapshot snapshot = registry.acquire(SICHUAN, CLASS_START)) {
            return snapshot.decide(claim).amount();
        }
    }

    private static PolicyStatus status(PolicyRegistry registry, String version) {
        return registry.versions().stream().filter(v -> v.descriptor().regionCode().equals(SICHUAN)
                && v.descriptor().version().equals(version)).map(PolicyVersion::status).findFirst().orElseThrow();
    }

    /** Waits (bounded, on the registry's own state) until the version has the status. */
    private static void awaitStatus(PolicyRegistry registry, String version, PolicyStatus wanted) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (registry.versions().stream().noneMatch(v -> v.descriptor().regionCode().equals(SICHUAN)
                && v.descriptor().version().equals(version) && v.status() == wanted)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(version + " never " + wanted + ": " + registry.versions());
            }
            Thread.onSpinWait();
        }
    }

    /** Waits on service events (no polling) for the registry, and holds it for the rest of the test. */
    private PolicyRegistry awaitRegistry() throws InterruptedException {
        ServiceTracker<PolicyRegistry, PolicyRegistry> tracker = new ServiceTracker<>(context, PolicyRegistry.class, null);
        tracker.open();
        try {
            if (tracker.waitForService(TimeUnit.SECONDS.toMillis(30)) != null) {
                // a use of our own, as before, so that the component stays active after the tracker closes
                PolicyRegistry registry = context.getService(tracker.getServiceReference());
                if (registry != null) {
                    return registry;
                }
            }
            throw new AssertionError("no PolicyRegistry service");
        } finally {
            tracker.close();
        }
    }

    private Bundle coreBundle() {
        for (Bundle bundle : context.getBundles()) {
            if ("org.qiancheng.core".equals(bundle.getSymbolicName())) {
                return bundle;
            }
        }
        throw new AssertionError("no core bundle");
    }
}
