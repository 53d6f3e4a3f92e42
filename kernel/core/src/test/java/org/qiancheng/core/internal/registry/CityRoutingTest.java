package org.qiancheng.core.internal.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.qiancheng.api.claim.Decision;
import org.qiancheng.api.claim.LineItem;
import org.qiancheng.api.registry.NoPolicyException;
import org.qiancheng.api.registry.PolicySnapshot;

/** Which policy decides a district: its own, its city's plugin composed with the province, the province, the nation. */
class CityRoutingTest {

    private static final String DISTRICT = "990104";
    private static final String CITY = "990100";
    private static final String PROVINCE = "990000";
    private static final String NATIONAL = "100000";
    private static final LocalDate DAY = LocalDate.parse("2025-06-01");

    private final Registry registry = new Registry(Duration.ofSeconds(5));

    private static Installed province(long key, String version, String from, String to, String amount) {
        return FakePolicy.installed(key, PROVINCE, version, from, to, amount);
    }

    private static Installed city(long key, String from, String topUp) {
        return FakeCityPolicy.installed(key, CITY, "2025.1.0", from, topUp);
    }

    private Installed install(Installed version) {
        registry.install(version);
        return version;
    }

    private Decision decide(String region, LocalDate day) {
        try (PolicySnapshot snapshot = registry.acquire(region, day)) {
            return snapshot.decide(FactsFixture.claim());
        }
    }

    private static String amount(Decision decision) {
        return decision.amount().toPlainString();
    }

    @Test
    void aDistrictWithOnlyItsProvinceInstalledIsDecidedByTheProvince() {
        Installed province = install(province(1, "2025.1.0", "2025-01-01", null, "100"));

        Decision decision = decide(DISTRICT, DAY);
        assertEquals(province.identity, decision.policy());
        assertEquals("100.00", amount(decision));
        assertEquals(List.of(), decision.basedOn());
    }

    @Test
    void aDistrictOfACityWithAPluginIsDecidedByThePluginComposedWithTheProvince() {
        Installed province = install(province(1, "2025.1.0", "2025-01-01", null, "100"));
        Installed city = install(city(2, "2025-01-01", "30"));

        try (PolicySnapshot snapshot = registry.acquire(DISTRICT, DAY)) {
            assertEquals(city.identity, snapshot.identity());
            assertEquals(CITY, snapshot.descriptor().regionCode());
            Decision decision = snapshot.decide(FactsFixture.claim());
            assertEquals("130.00", amount(decision), "the province's 100 plus the city's top-up of 30");
            assertEquals(List.of("T1", "C1"), decision.result().lines().stream().map(LineItem::rule).toList());
            assertEquals(city.identity, decision.policy());
            assertEquals(List.of(province.identity), decision.basedOn());
        }
    }

    @Test
    void aDistrictOfAProvinceWithoutPoliciesIsDecidedByTheNationalPolicy() {
        Installed national = install(FakePolicy.installed(1, NATIONAL, "2025.1.0", "2025-01-01", null, "50"));
        install(FakePolicy.installed(2, "980000", "2025.1.0", "2025-01-01", null, "100"));

        Decision decision = decide(DISTRICT, DAY);
        assertEquals(national.identity, decision.policy());
        assertEquals("50.00", amount(decision));
    }

    @Test
    void aDistrictWithNoPolicyAnywhereUpItsChainHasNoPolicy() {
        install(FakePolicy.installed(1, "980000", "2025.1.0", "2025-01-01", null, "100"));

        NoPolicyException none = assertThrows(NoPolicyException.class, () -> registry.acquire(DISTRICT, DAY));
        assertEquals(DISTRICT, none.regionCode());
        assertTrue(none.getMessage().contains("no policy version of region " + DISTRICT), none.getMessage());
    }

    @Test
    void aProvinceVersionNotInForceOnTheDayIsNoFallback() {
        install(province(1, "2021.1.0", "2021-01-01", "2024-12-31", "100"));
        Installed national = install(FakePolicy.installed(2, NATIONAL, "2025.1.0", "2025-01-01", null, "50"));

        assertEquals(national.identity, decide(DISTRICT, DAY).policy());
        assertEquals("100.00", amount(decide(DISTRICT, LocalDate.parse("2022-01-01"))));
    }

    @Test
    void aRefusedCityPluginLeavesItsDistrictsToTheProvince() {
        Installed province = install(province(1, "2025.1.0", "2025-01-01", null, "100"));
        Installed good = city(2, "2025-01-01", "30");
        install(Installed.refused(2, good.descriptor, good.identity, List.of("top-up: above the maximum")));

        assertEquals(province.identity, decide(DISTRICT, DAY).policy());
    }

    @Test
    void aCityPluginWhoseProvinceHasNoVersionInForceOnTheDayHasNoPolicyNamingTheProvince() {
        install(province(1, "2021.1.0", "2021-01-01", "2024-12-31", "100"));
        install(city(2, "2021-01-01", "30"));

        NoPolicyException none = assertThrows(NoPolicyException.class, () -> registry.acquire(DISTRICT, DAY));
        assertEquals(CITY, none.regionCode());
        assertTrue(none.getMessage().contains("extends region " + PROVINCE), none.getMessage());
        assertTrue(none.getMessage().contains("no version in force on " + DAY), none.getMessage());
        assertEquals("130.00", amount(decide(DISTRICT, LocalDate.parse("2022-01-01"))), "while the province was");
    }

    @Test
    void aCityPluginWithoutAnyProvinceInstalledHasNoPolicyNamingTheProvince() {
        install(city(1, "2025-01-01", "30"));

        NoPolicyException none = assertThrows(NoPolicyException.class, () -> registry.acquire(CITY, DAY));
        assertTrue(none.getMessage().contains("extends region " + PROVINCE), none.getMessage());
    }

    @Test
    void theCitysOwnCodeIsDecidedByThePluginAndTheProvincesByTheProvinceAlone() {
        Installed province = install(province(1, "2025.1.0", "2025-01-01", null, "100"));
        Installed city = install(city(2, "2025-01-01", "30"));

        assertEquals(city.identity, decide(CITY, DAY).policy());
        assertEquals("130.00", amount(decide(CITY, DAY)));
        assertEquals(province.identity, decide(PROVINCE, DAY).policy());
        assertEquals("100.00", amount(decide(PROVINCE, DAY)));
        assertEquals(List.of(), decide(PROVINCE, DAY).basedOn());
    }

    @Test
    void theCityIsComposedWithTheProvinceVersionInForceOnTheClassStart() {
        Installed old = install(province(1, "2021.1.0", "2021-01-01", "2024-12-31", "100"));
        Installed current = install(province(2, "2025.1.0", "2025-01-01", null, "200"));
        install(FakeCityPolicy.installed(3, CITY, "2021.1.0", "2021-01-01", "30"));

        Decision in2022 = decide(DISTRICT, LocalDate.parse("2022-01-01"));
        assertEquals("130.00", amount(in2022));
        assertEquals(List.of(old.identity), in2022.basedOn());
        Decision in2025 = decide(DISTRICT, DAY);
        assertEquals("230.00", amount(in2025));
        assertEquals(List.of(current.identity), in2025.basedOn());
    }

    @Test
    void aPinOnTheProvinceChoosesTheVersionTheCityIsComposedWith() {
        Installed lower = install(province(1, "2025.1.0", "2025-01-01", null, "100"));
        Installed higher = install(province(2, "2025.2.0", "2025-01-01", null, "200"));
        install(city(3, "2025-01-01", "30"));
        assertEquals(List.of(lower.identity), decide(DISTRICT, DAY).basedOn(),
                "unpinned, the version in force: the revision from the same day waits on standby");

        pin(PROVINCE, "2025.2.0");
        Decision pinned = decide(DISTRICT, DAY);
        assertEquals("230.00", amount(pinned));
        assertEquals(List.of(higher.identity), pinned.basedOn());

        unpin(PROVINCE);
        assertEquals("130.00", amount(decide(DISTRICT, DAY)));
    }

    @Test
    void aCityVersionAskedForByNameIsComposedWithTheProvinceInForceWhenItStarts() {
        install(province(1, "2021.1.0", "2021-01-01", "2024-12-31", "100"));
        Installed current = install(province(2, "2025.1.0", "2025-01-01", null, "200"));
        Installed city = install(city(3, "2025-01-01", "30"));

        try (PolicySnapshot snapshot = registry.acquire(CITY, "2025.1.0")) {
            Decision decision = snapshot.decide(FactsFixture.claim());
            assertEquals(city.identity, decision.policy());
            assertEquals(List.of(current.identity), decision.basedOn());
            assertEquals("230.00", amount(decision));
        }
    }

    /** Pins as the component does: the decision is made, then recorded. */
    private void pin(String region, String version) {
        registry.record(registry.pin(region, version, "test", java.time.Instant.EPOCH));
    }

    private void unpin(String region) {
        registry.record(registry.unpin(region, "test", java.time.Instant.EPOCH));
    }
}
