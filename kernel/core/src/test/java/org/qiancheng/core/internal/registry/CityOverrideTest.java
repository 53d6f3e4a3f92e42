package org.qiancheng.core.internal.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.qiancheng.api.parameter.ParameterSpec;
import org.qiancheng.api.policy.PolicyDescriptor;
import org.qiancheng.api.registry.NoPolicyException;
import org.qiancheng.api.registry.PolicySnapshot;
import org.qiancheng.api.registry.PolicyStatus;
import org.qiancheng.api.registry.PolicyVersion;
import org.qiancheng.api.spi.RegionPolicy;
import org.qiancheng.api.spi.SubsidyPolicy;
import org.qiancheng.api.spi.TrainingCatalog;
import org.qiancheng.engine.StandalonePolicy;

/**
 * A city plugin's file of a province parameter must keep the province's bounds: a city that breaks
 * them is never used, and says why. (Both policies share the test class loader here, so the city's
 * override is given as replacement values, as a case file gives them.)
 */
class CityOverrideTest {

    private static final String STANDARD = "core_city/standard";
    private static final LocalDate DAY = LocalDate.parse("2025-06-01");

    private final Registry registry = new Registry(Duration.ofSeconds(5));

    /** The fake province, declaring a standard of at most 2000 [T-1 §三]. */
    private record BoundedProvince(FakePolicy fake) implements RegionPolicy {

        @Override
        public PolicyDescriptor descriptor() {
            return fake.descriptor();
        }

        @Override
        public List<ParameterSpec> parameters() {
            return List.of(ParameterSpec.number(STANDARD).atLeast("0").atMost("2000").boundBy("T-1 §三"));
        }

        @Override
        public TrainingCatalog catalog() {
            return fake.catalog();
        }

        @Override
        public SubsidyPolicy subsidy() {
            return fake.subsidy();
        }
    }

    CityOverrideTest() throws Exception {
        installProvince(registry);
    }

    private static void installProvince(Registry into) throws Exception {
        into.install(Installed.loaded(1, StandalonePolicy.load(new BoundedProvince(new FakePolicy("990000", "2025.1.0",
                "2025-01-01", null, "100")), "test.bundle.1", "2025.1.0", "hash-1")));
    }

    private Installed city(long key, String standard) {
        return city(registry, key, standard);
    }

    private static Installed city(Registry into, long key, String standard) {
        FakeCityPolicy city = new FakeCityPolicy("990100", "2025." + key + ".0", "2025-01-01", "30",
                List.of(ParameterSpec.number(STANDARD)));
        Installed installed = FakeCityPolicy.installed(key, city,
                Map.of(STANDARD, Map.of("2025-01-01", new BigDecimal(standard))));
        into.install(installed);
        return installed;
    }

    /** A province version that arrives after the city is checked when a request composes them. */
    private static Registry provinceAfterCity(String standard) throws Exception {
        Registry late = new Registry(Duration.ofSeconds(5));
        city(late, 2, standard);
        installProvince(late);
        return late;
    }

    @Test
    void aCityWithinTheProvincesBoundsIsUsed() {
        Installed city = city(2, "1500");

        try (PolicySnapshot snapshot = registry.acquire("990104", DAY)) {
            assertEquals(city.identity, snapshot.identity());
        }
    }

    @Test
    void aCityAboveTheProvincesMaximumIsNeverUsedAndSaysWhy() throws Exception {
        Registry late = provinceAfterCity("5000");

        NoPolicyException refused = assertThrows(NoPolicyException.class, () -> late.acquire("990104", DAY));
        assertEquals("990100", refused.regionCode());
        assertTrue(refused.getMessage().startsWith("policy 990100 2025.2.0 cannot extend 990000 2025.1.0: "),
                refused.getMessage());
        assertTrue(refused.getMessage().contains(STANDARD + "@2025-01-01: 5000 is above the maximum 2000"),
                refused.getMessage());
    }

    /**
     * docs/writing-a-region-plugin.md §2 and §5: an override outside the bounds of an installed
     * province version refuses the city version, listed REFUSED with the reason, and its districts
     * fall back to the province.
     */
    @Test
    void aCityAboveTheProvincesMaximumIsListedAsRefusedWithTheReason() {
        city(2, "5000");

        PolicyVersion listed = registry.versions().stream()
                .filter(v -> v.descriptor().regionCode().equals("990100")).findFirst().orElseThrow();
        assertEquals(PolicyStatus.REFUSED, listed.status(), "listed as " + listed.status());
        assertTrue(listed.reason() != null && listed.reason().contains("above the maximum 2000"), listed.reason());
        try (PolicySnapshot snapshot = registry.acquire("990104", DAY)) {
            assertEquals("990000", snapshot.identity().regionCode(), "a refused city leaves its districts to the province");
        }
    }

    @Test
    void aRefusedCompositionLeavesNoLeaseBehind() throws Exception {
        Registry late = provinceAfterCity("5000");

        assertThrows(NoPolicyException.class, () -> late.acquire("990104", DAY));
        assertThrows(NoPolicyException.class, () -> late.acquire("990104", DAY), "refused again, from the cache");
        assertTrue(late.uninstall(2), "nothing holds the city");
        assertTrue(late.uninstall(1), "nothing holds the province");
    }
}
