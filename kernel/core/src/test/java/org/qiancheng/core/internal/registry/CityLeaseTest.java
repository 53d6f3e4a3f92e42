package org.qiancheng.core.internal.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.qiancheng.api.registry.NoPolicyException;
import org.qiancheng.api.registry.PolicySnapshot;

/** A snapshot of a city plugin holds both the plugin and the province version it is composed with. */
class CityLeaseTest {

    private static final String DISTRICT = "990104";
    private static final LocalDate DAY = LocalDate.parse("2025-06-01");

    private final Registry registry = new Registry(Duration.ofSeconds(5));
    private final Installed province = FakePolicy.installed(1, "990000", "2025.1.0", "2025-01-01", null, "100");
    private final Installed city = FakeCityPolicy.installed(2, "990100", "2025.1.0", "2025-01-01", "30");

    CityLeaseTest() {
        registry.install(province);
        registry.install(city);
    }

    private CompletableFuture<Boolean> uninstallInTheBackground(Installed version) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return registry.uninstall(version.key);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        });
    }

    /** Spins (bounded) until the removal has taken the version out of the registry. */
    private void awaitOutOfRouting(Installed version) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (registry.versions().stream().anyMatch(v -> v.identity().equals(version.identity))) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the removal never took " + version.identity + " out of routing");
            }
            Thread.onSpinWait();
        }
    }

    @Test
    void aComposedSnapshotLeasesBothTheCityAndTheProvinceUntilClosed() {
        PolicySnapshot snapshot = registry.acquire(DISTRICT, DAY);
        assertEquals(1, city.inUse.get());
        assertEquals(1, province.inUse.get());

        snapshot.close();
        snapshot.close();
        assertEquals(0, city.inUse.get(), "closing twice releases once");
        assertEquals(0, province.inUse.get());
    }

    @Test
    void removingTheProvinceWaitsForAnOpenCitySnapshot() throws Exception {
        PolicySnapshot inFlight = registry.acquire(DISTRICT, DAY);

        CompletableFuture<Boolean> removal = uninstallInTheBackground(province);
        awaitOutOfRouting(province);
        assertFalse(removal.isDone(), "removal waits while a snapshot composed with the province is open");
        assertEquals("130.00", inFlight.decide(FactsFixture.claim()).amount().toPlainString(),
                "the request in flight still decides with the province it started with");
        NoPolicyException orphan = assertThrows(NoPolicyException.class, () -> registry.acquire(DISTRICT, DAY),
                "new requests find the city without a province");
        assertTrue(orphan.getMessage().contains("extends region 990000"), orphan.getMessage());

        inFlight.close();
        assertTrue(removal.get(5, TimeUnit.SECONDS));
    }

    @Test
    void removingTheCityWaitsForAnOpenCitySnapshot() throws Exception {
        PolicySnapshot inFlight = registry.acquire(DISTRICT, DAY);

        CompletableFuture<Boolean> removal = uninstallInTheBackground(city);
        awaitOutOfRouting(city);
        assertFalse(removal.isDone(), "removal waits while the city's snapshot is open");
        assertEquals("130.00", inFlight.decide(FactsFixture.claim()).amount().toPlainString());
        try (PolicySnapshot next = registry.acquire(DISTRICT, DAY)) {
            assertEquals(province.identity, next.identity(), "new requests fall back to the province");
        }

        inFlight.close();
        assertTrue(removal.get(5, TimeUnit.SECONDS));
    }

    @Test
    void aProvinceSnapshotDoesNotHoldTheCity() throws Exception {
        try (PolicySnapshot provinceOnly = registry.acquire("990000", DAY)) {
            assertEquals(0, city.inUse.get());
            assertTrue(uninstallInTheBackground(city).get(5, TimeUnit.SECONDS), "nothing holds the city");
            assertEquals(1, province.inUse.get());
        }
    }
}
