package org.qiancheng.core.internal.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.qiancheng.api.model.EffectivePeriod;
import org.qiancheng.api.registry.Activation;
import org.qiancheng.api.registry.ActivationException;
import org.qiancheng.api.registry.NoPolicyException;
import org.qiancheng.api.registry.PolicySnapshot;
import org.qiancheng.api.registry.PolicyStatus;
import org.qiancheng.api.registry.PolicyVersion;
import org.qiancheng.api.registry.RoutingIssue;
import org.qiancheng.engine.PolicyFailureException;

class RegistryTest {

    private static final String REGION = "990000";
    private final Registry registry = new Registry(Duration.ofSeconds(5));

    private String decidedBy(LocalDate day) {
        try (PolicySnapshot snapshot = registry.acquire(REGION, day)) {
            return snapshot.descriptor().version();
        }
    }

    private static final java.time.Instant AT = java.time.Instant.parse("2026-11-25T02:00:00Z");

    private String reason(String version) {
        return registry.versions().stream().filter(v -> v.descriptor().version().equals(version))
                .map(PolicyVersion::reason).findFirst().orElseThrow();
    }

    private static Activation withId(long id, Activation decision) {
        return new Activation(id, decision.regionCode(), decision.version(), decision.kind(), decision.retired(),
                decision.actor(), decision.at(), decision.reason());
    }

    private PolicyStatus status(String version) {
        return registry.versions().stream().filter(v -> v.descriptor().version().equals(version))
                .map(PolicyVersion::status).findFirst().orElseThrow();
    }

    @Test
    void routesByClassStartDateWithBothEndsOfAPeriodIncluded() {
        registry.install(FakePolicy.installed(1, REGION, "2021.1.0", "2021-04-30", "2021-12-31", "100"));
        registry.install(FakePolicy.installed(2, REGION, "2025.1.0", "2025-01-01", null, "200"));

        assertEquals("2021.1.0", decidedBy(LocalDate.parse("2021-04-30")));
        assertEquals("2021.1.0", decidedBy(LocalDate.parse("2021-12-31")));
        assertEquals("2025.1.0", decidedBy(LocalDate.parse("2025-01-01")));
        assertEquals("2025.1.0", decidedBy(LocalDate.parse("2030-06-01")), "an open period has no end");
        assertThrows(NoPolicyException.class, () -> decidedBy(LocalDate.parse("2021-04-29")));
        assertThrows(NoPolicyException.class, () -> decidedBy(LocalDate.parse("2022-01-01")), "a day in the gap");
        assertThrows(NoPolicyException.class, () -> registry.acquire("610100", LocalDate.parse("2025-01-01")));
    }

    @Test
    void reportsTheGapBetweenVersions() {
        registry.install(FakePolicy.installed(1, REGION, "2021.1.0", "2021-04-30", "2021-12-31", "100"));
        registry.install(FakePolicy.installed(2, REGION, "2025.1.0", "2025-01-01", null, "200"));

        assertEquals(List.of(new RoutingIssue(REGION, RoutingIssue.Kind.GAP,
                new EffectivePeriod(LocalDate.parse("2022-01-01"), LocalDate.parse("2024-12-31")),
                List.of("2021.1.0", "2025.1.0"))), registry.issues());
    }

    @Test
    void aLaterStartSucceedsButARevisionFromTheSameDayWaitsOnStandby() {
        registry.install(FakePolicy.installed(1, REGION, "2025.1.0", "2025-01-01", null, "100"));
        registry.install(FakePolicy.installed(2, REGION, "2025.2.0", "2025-01-01", null, "200"));
        registry.install(FakePolicy.installed(3, REGION, "2026.1.0", "2026-01-01", "2026-12-31", "300"));

        assertEquals("2025.1.0", decidedBy(LocalDate.parse("2025-06-01")), "the revision is not in force by itself");
        assertEquals("2026.1.0", decidedBy(LocalDate.parse("2026-01-01")), "a successor takes over from its start");
        assertEquals("2025.1.0", decidedBy(LocalDate.parse("2027-01-01")), "back to the open version after 2026");
        assertEquals(PolicyStatus.ACTIVE, status("2025.1.0"));
        assertEquals(PolicyStatus.STANDBY, status("2025.2.0"));
        assertTrue(reason("2025.2.0").contains("a revision of 2025.1.0"), reason("2025.2.0"));
        assertEquals(PolicyStatus.ACTIVE, status("2026.1.0"));
        assertEquals(1, registry.issues().stream().filter(i -> i.kind() == RoutingIssue.Kind.OVERLAP).count(),
                "only versions in force overlap");
    }

    @Test
    void anActivationRetiresTheSameDaysTextAndARollbackRestoresIt() {
        registry.install(FakePolicy.installed(1, REGION, "2025.1.0", "2025-01-01", null, "100"));
        registry.install(FakePolicy.installed(2, REGION, "2025.2.0", "2025-01-01", null, "200"));
        registry.install(FakePolicy.installed(3, REGION, "2026.1.0", "2026-01-01", "2026-12-31", "300"));

        Activation activation = registry.activation(REGION, "2025.2.0", "李经办", "final text", AT);
        assertEquals(List.of("2025.1.0"), activation.retired());
        assertEquals("2025.1.0", decidedBy(LocalDate.parse("2025-06-01")), "nothing changes before it is recorded");
        registry.record(activation);
        assertEquals("2025.2.0", decidedBy(LocalDate.parse("2025-06-01")));
        assertEquals("2026.1.0", decidedBy(LocalDate.parse("2026-06-01")), "the successor keeps its dates");
        assertEquals(PolicyStatus.RETIRED, status("2025.1.0"));
        assertTrue(reason("2025.1.0").contains("replaced by 2025.2.0") && reason("2025.1.0").contains("李经办"));
        ActivationException twice = assertThrows(ActivationException.class,
                () -> registry.activation(REGION, "2025.2.0", "李经办", null, AT));
        assertEquals("already-active", twice.rule());

        Activation rollback = registry.rollback(REGION, "王科长", "complaints", AT);
        assertEquals("2025.2.0", rollback.version());
        assertEquals(List.of("2025.1.0"), rollback.retired());
        registry.record(rollback);
        assertEquals("2025.1.0", decidedBy(LocalDate.parse("2025-06-01")));
        assertEquals(PolicyStatus.STANDBY, status("2025.2.0"));
        assertTrue(reason("2025.2.0").contains("rolled back"));
        assertEquals("nothing-to-roll-back", assertThrows(ActivationException.class,
                () -> registry.rollback(REGION, "王科长", null, AT)).rule());
        assertThrows(NoPolicyException.class, () -> registry.activation(REGION, "2024.9.0", "李经办", null, AT));
    }

    @Test
    void theStoredHistoryGivesTheSameStateWhateverOrderTheVersionsArriveIn() {
        registry.install(FakePolicy.installed(1, REGION, "2025.1.0", "2025-01-01", null, "100"));
        registry.install(FakePolicy.installed(2, REGION, "2025.2.0", "2025-01-01", null, "200"));
        registry.install(FakePolicy.installed(3, REGION, "2025.3.0", "2025-01-01", null, "300"));
        registry.record(withId(1, registry.activation(REGION, "2025.3.0", "a", null, AT)));
        registry.record(withId(2, registry.activation(REGION, "2025.2.0", "b", null, AT)));
        registry.record(withId(3, registry.rollback(REGION, "c", null, AT)));
        List<Activation> history = registry.decisions(REGION);
        assertEquals("2025.3.0", decidedBy(LocalDate.parse("2025-06-01")), "the rollback returns to 2025.3.0");

        Registry restarted = new Registry(Duration.ofSeconds(5));
        restarted.load(history);
        restarted.install(FakePolicy.installed(13, REGION, "2025.3.0", "2025-01-01", null, "300"));
        restarted.install(FakePolicy.installed(11, REGION, "2025.1.0", "2025-01-01", null, "100"));
        restarted.install(FakePolicy.installed(12, REGION, "2025.2.0", "2025-01-01", null, "200"));
        try (PolicySnapshot snapshot = restarted.acquire(REGION, LocalDate.parse("2025-06-01"))) {
            assertEquals("2025.3.0", snapshot.descriptor().version());
        }
        assertEquals(registry.versions().stream().map(PolicyVersion::status).toList(),
                restarted.versions().stream().map(PolicyVersion::status).toList());
    }

    @Test
    void aRequestHoldingAVersionFinishesWithItAcrossAnActivationAndARollback() {
        registry.install(FakePolicy.installed(1, REGION, "2025.1.0", "2025-01-01", null, "100"));
        registry.install(FakePolicy.installed(2, REGION, "2025.2.0", "2025-01-01", null, "200"));
        try (PolicySnapshot inFlight = registry.acquire(REGION, LocalDate.parse("2025-06-01"))) {
            registry.record(registry.activation(REGION, "2025.2.0", "a", null, AT));
            assertEquals("2025.2.0", decidedBy(LocalDate.parse("2025-06-01")), "new requests see the swap at once");
            assertEquals(new java.math.BigDecimal("100.00"), inFlight.decide(FactsFixture.claim()).amount(),
                    "the request in flight keeps 2025.1.0");
            registry.record(registry.rollback(REGION, "a", null, AT));
            assertEquals("2025.1.0", inFlight.decide(FactsFixture.claim()).policy().version());
        }
    }

    @Test
    void aVersionThatHangsFailsItsOwnRequestsWithinTheLimitAndNoOtherRegionsRequests() throws Exception {
        registry.install(FakePolicy.hanging(1, REGION, "2025.1.0", "2025-01-01", Duration.ofMillis(200)));
        registry.install(FakePolicy.installed(2, "980000", "2025.1.0", "2025-01-01", null, "300"));

        long begin = System.nanoTime();
        try (PolicySnapshot hanging = registry.acquire(REGION, LocalDate.parse("2025-06-01"))) {
            PolicyFailureException failed = assertThrows(PolicyFailureException.class,
                    () -> hanging.decide(FactsFixture.claim()));
            assertTrue(failed.getMessage().contains("did not answer decide within 200 ms"), failed.getMessage());
        }
        assertTrue(System.nanoTime() - begin < TimeUnit.SECONDS.toNanos(5),
                "answered within the limit, not when the bundle returned");
        try (PolicySnapshot other = registry.acquire("980000", LocalDate.parse("2025-06-01"))) {
            assertEquals(new java.math.BigDecimal("300.00"), other.decide(FactsFixture.claim()).amount());
        }
        assertTrue(registry.uninstall(1), "a hanging version still leaves");
    }

    @Test
    void aVersionBeingValidatedIsListedButDecidesNothing() {
        registry.install(FakePolicy.installed(1, REGION, "2025.1.0", "2025-01-01", null, "100"));
        Installed arriving = FakePolicy.installed(2, REGION, "2026.1.0", "2026-01-01", null, "200");
        registry.install(Installed.validating(2, arriving.descriptor, arriving.identity));

        assertEquals(PolicyStatus.VALIDATING, status("2026.1.0"));
        assertEquals(List.of("2025.1.0"), registry.regions().get(0).versions(), "regions list checked versions only");
        assertEquals("2025.1.0", decidedBy(LocalDate.parse("2026-06-01")), "the version in force stays in force");
        registry.install(arriving);
        assertEquals(PolicyStatus.ACTIVE, status("2026.1.0"));
        assertEquals("2026.1.0", decidedBy(LocalDate.parse("2026-06-01")));
    }

    @Test
    void activatingAVersionStillBeingValidatedIsAConflictNamingItsStatus() {
        registry.install(FakePolicy.installed(1, REGION, "2025.1.0", "2025-01-01", null, "100"));
        Installed arriving = FakePolicy.installed(2, REGION, "2025.2.0", "2025-01-01", null, "200");
        registry.install(Installed.validating(2, arriving.descriptor, arriving.identity));

        ActivationException refused = assertThrows(ActivationException.class,
                () -> registry.activation(REGION, "2025.2.0", "op", null, AT));
        assertEquals("status:VALIDATING", refused.rule());
        assertThrows(NoPolicyException.class, () -> registry.activation(REGION, "2031.1.0", "op", null, AT),
                "a version not installed at all is still not found");
        registry.install(arriving);
        assertEquals("2025.2.0", registry.activation(REGION, "2025.2.0", "op", null, AT).version());
    }

    @Test
    void aRefusedVersionIsNeverListedAmongTheRegionsVersions() {
        registry.install(FakePolicy.installed(1, REGION, "2025.1.0", "2025-01-01", null, "100"));
        Installed broken = FakePolicy.installed(2, REGION, "2026.1.0", "2026-01-01", null, "200");
        registry.install(Installed.refused(2, broken.descriptor, broken.identity, List.of("case x: expected 1")));
        Installed alone = FakePolicy.installed(3, "980000", "2026.1.0", "2026-01-01", null, "300");
        registry.install(Installed.refused(3, alone.descriptor, alone.identity, List.of("case y: expected 2")));

        assertEquals(1, registry.regions().size(), "a region whose only version is refused is not listed");
        assertEquals(List.of("2025.1.0"), registry.regions().get(0).versions());
        assertEquals(PolicyStatus.REFUSED, registry.standing(2).orElseThrow().status());
        assertEquals(PolicyStatus.ACTIVE, registry.standing(1).orElseThrow().status());
    }

    @Test
    void aPinOverridesTheDateUntilUnpinned() {
        registry.install(FakePolicy.installed(1, REGION, "2021.1.0", "2021-04-30", "2021-12-31", "100"));
        registry.install(FakePolicy.installed(2, REGION, "2025.1.0", "2025-01-01", null, "200"));

        pin(REGION, "2021.1.0");
        assertEquals("2021.1.0", decidedBy(LocalDate.parse("2025-06-01")));
        assertEquals(PolicyStatus.STANDBY, status("2025.1.0"));
        assertTrue(registry.versions().stream().anyMatch(PolicyVersion::pinned));

        unpin(REGION);
        assertEquals("2025.1.0", decidedBy(LocalDate.parse("2025-06-01")));
        assertThrows(NoPolicyException.class, () -> pin(REGION, "2019.1.0"));
    }

    @Test
    void aRefusedVersionNeverDecidesAndSaysWhy() {
        registry.install(FakePolicy.installed(1, REGION, "2025.1.0", "2025-01-01", null, "100"));
        Installed good = FakePolicy.installed(2, REGION, "2025.2.0", "2025-01-01", null, "200");
        registry.install(Installed.refused(2, good.descriptor, good.identity, List.of("subsidy/share: below 0.20")));

        assertEquals("2025.1.0", decidedBy(LocalDate.parse("2025-06-01")));
        PolicyVersion refused = registry.versions().stream().filter(v -> v.status() == PolicyStatus.REFUSED)
                .findFirst().orElseThrow();
        assertEquals("subsidy/share: below 0.20", refused.reason());
        NoPolicyException asked = assertThrows(NoPolicyException.class, () -> registry.acquire(REGION, "2025.2.0"));
        assertTrue(asked.getMessage().contains("below 0.20"));
    }

    @Test
    void aRequestInFlightKeepsItsVersionAndRemovalWaitsForIt() throws Exception {
        registry.install(FakePolicy.installed(1, REGION, "2025.1.0", "2025-01-01", null, "100"));
        PolicySnapshot inFlight = registry.acquire(REGION, LocalDate.parse("2025-06-01"));

        CompletableFuture<Boolean> removal = CompletableFuture.supplyAsync(() -> {
            try {
                return registry.uninstall(1);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        });
        // the version left routing at once, so new requests no longer find it ...
        assertThrows(NoPolicyException.class, () -> awaitGone(LocalDate.parse("2025-06-01")));
        assertFalse(removal.isDone(), "removal waits while the snapshot is open");
        // ... while the request that holds it still decides with it
        assertEquals("100.00", inFlight.decide(FactsFixture.claim()).amount().toPlainString());

        inFlight.close();
        assertTrue(removal.get(5, TimeUnit.SECONDS));
    }

    @Test
    void removalGivesUpAfterTheDrainTimeout() throws Exception {
        Registry impatient = new Registry(Duration.ofMillis(50));
        impatient.install(FakePolicy.installed(1, REGION, "2025.1.0", "2025-01-01", null, "100"));
        PolicySnapshot leaked = impatient.acquire(REGION, LocalDate.parse("2025-06-01"));
        assertFalse(impatient.uninstall(1));
        leaked.close();
    }

    /** Acquires until the removal has taken the version out; fails the test if it never does. */
    private void awaitGone(LocalDate day) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (System.nanoTime() < deadline) {
            registry.acquire(REGION, day).close();
            Thread.onSpinWait();
        }
        throw new AssertionError("the version never left routing");
    }

    /** Pins as the component does: the decision is made, then recorded. */
    private void pin(String region, String version) {
        registry.record(registry.pin(region, version, "test", java.time.Instant.EPOCH));
    }

    private void unpin(String region) {
        registry.record(registry.unpin(region, "test", java.time.Instant.EPOCH));
    }
}
