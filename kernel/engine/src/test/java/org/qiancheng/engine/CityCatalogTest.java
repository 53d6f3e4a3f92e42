package org.qiancheng.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.qiancheng.api.catalog.Catalog;
import org.qiancheng.api.catalog.Occupation;
import org.qiancheng.api.catalog.ShortageEntry;
import org.qiancheng.api.model.TargetGroup;
import org.qiancheng.engine.cityfixture.CityPolicy;
import org.qiancheng.engine.cityfixture.ProvincePolicy;

/** A city plugin's catalogue is its province's, refined by the city's. */
class CityCatalogTest {

    private static final LocalDate DAY = LocalDate.of(2025, 3, 3);

    private final StandalonePolicy province = CityCompositionTest.load(new ProvincePolicy(),
            CityCompositionTest.PROVINCE_BUNDLE, "prov-hash");
    private final Catalog catalog = composedCatalog();

    private Catalog composedCatalog() {
        try {
            return CityCompositionTest.load(CityBundle.city("city"), CityCompositionTest.CITY_BUNDLE, "city-hash")
                    .extending(province).catalog(DAY);
        } catch (PolicyRefusedException e) {
            throw new AssertionError(e.reasons().toString(), e);
        }
    }

    private static Map<String, BigDecimal> uplifts(Catalog catalog) {
        return catalog.shortage().stream()
                .collect(Collectors.toMap(ShortageEntry::occupationCode, ShortageEntry::uplift));
    }

    @Test
    void theOccupationsAreTheProvincesFollowedByTheCitys() {
        assertEquals(List.of(ProvincePolicy.ELECTRICIAN, ProvincePolicy.WELDER, CityPolicy.CARPENTER),
                catalog.occupations().stream().map(Occupation::code).toList());
    }

    @Test
    void theCitysShortageEntryReplacesTheProvincesForTheSameOccupation() {
        assertEquals(Map.of(ProvincePolicy.ELECTRICIAN, new BigDecimal("0.30"),
                ProvincePolicy.WELDER, new BigDecimal("0.20")), uplifts(catalog));
        assertEquals(2, catalog.shortage().size(), "one entry per occupation: " + catalog.shortage());
        assertEquals(new BigDecimal("0.10"), uplifts(province.catalog(DAY)).get(ProvincePolicy.ELECTRICIAN),
                "the province's own catalogue keeps its uplift");
    }

    @Test
    void theComposedCatalogueIsTheCitysForTheDayAskedWithTheFocusGroupsOfBoth() {
        assertEquals(CityPolicy.REGION, catalog.regionCode());
        assertEquals(DAY, catalog.on());
        assertEquals(Set.of(TargetGroup.MIGRANT_WORKER, TargetGroup.GRADUATE), catalog.focusGroups());
        assertEquals(ProvincePolicy.REGION, province.catalog(DAY).regionCode());
    }
}
