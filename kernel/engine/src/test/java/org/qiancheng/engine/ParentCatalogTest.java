package org.qiancheng.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.qiancheng.api.catalog.ShortageEntry;
import org.qiancheng.api.claim.ClaimInput;
import org.qiancheng.api.claim.Decision;
import org.qiancheng.api.claim.LineItem;
import org.qiancheng.api.claim.ParameterUse;
import org.qiancheng.api.model.Citation;
import org.qiancheng.engine.cityfixture.ChainCity;
import org.qiancheng.engine.cityfixture.ChainProvince;
import org.qiancheng.engine.cityfixture.ProvincePolicy;

/**
 * A city plugin reads its parent's catalogue through {@link org.qiancheng.api.spi.ParentPolicy}: the
 * city's top-up for the province's chain occupations keeps no copy of the province's chain list.
 */
class ParentCatalogTest {

    private static final LocalDate JAN_2025 = LocalDate.of(2025, 1, 1);
    private static final String WELDER_INPUT = CityCompositionTest.INPUT.replace(ProvincePolicy.ELECTRICIAN,
            ProvincePolicy.WELDER);

    private final StandalonePolicy province = CityCompositionTest.load(new ChainProvince(), "province", "p-hash");
    private final StandalonePolicy city = CityCompositionTest.load(new ChainCity(), "city", "c-hash");

    private static ClaimInput claim(String json) {
        return Scenarios.parse(json, ChainCity.REGION).input();
    }

    @Test
    void aChainOccupationGetsTheCityTopUpReadFromTheProvincesChains() throws Exception {
        Decision decision = city.extending(province).decide(claim(CityCompositionTest.INPUT));

        List<LineItem> lines = decision.result().lines();
        assertEquals(List.of("P2", "C6"), lines.stream().map(LineItem::rule).toList());
        assertEquals(new BigDecimal("100.00"), lines.get(1).amount(), "10% of the province's 1000");
        assertEquals(new Citation("CITY-2025", "§六"), lines.get(1).citation());
        assertEquals(new BigDecimal("1100.00"), decision.amount());
    }

    @Test
    void theProvincesChainFileIsRecordedAmongTheParametersRead() throws Exception {
        Decision decision = city.extending(province).decide(claim(CityCompositionTest.INPUT));

        List<ParameterUse> uses = decision.parameters();
        assertTrue(uses.contains(new ParameterUse(ChainProvince.CHAINS, JAN_2025, new Citation("PROV-2025", "§一"))),
                uses.toString());
        assertTrue(uses.contains(new ParameterUse(ChainCity.TOP_UP, JAN_2025, new Citation("CITY-2025", "§六"))),
                uses.toString());
    }

    @Test
    void anOccupationOutsideTheProvincesChainsGetsNoTopUp() throws Exception {
        Decision decision = city.extending(province).decide(claim(WELDER_INPUT));

        assertEquals(List.of("P2"), decision.result().lines().stream().map(LineItem::rule).toList());
    }

    @Test
    void theCitysCatalogueIsDerivedFromTheProvincesChainsAndMergedIntoIt() throws Exception {
        var catalog = city.extending(province).catalog(JAN_2025);

        assertEquals(ChainCity.REGION, catalog.regionCode());
        assertEquals(List.of(new ShortageEntry(ProvincePolicy.ELECTRICIAN, new BigDecimal("0.10"))), catalog.shortage());
        assertEquals(List.of("k-equipment"), catalog.chains().stream().map(c -> c.code()).toList());
    }

    @Test
    void aCaseStatesTheParentsCatalogueAndTheTestKitRunsThePluginOnIt() {
        String json = """
                {"name": "A chain occupation gets the top-up", "rules": ["C6"],
                 "input": %s,
                 "parent": {"lines": [{"rule": "P", "amount": 1000, "citation": "PROV-2025 §三"}],
                            "catalog": {"chains": [{"code": "k", "occupations": ["4-10-01-05"]}]}},
                 "expect": {"amount": 1100, "lines": [{"rule": "C6", "amount": 100, "citation": "[CITY-2025 §六]"}]}}
                """.formatted(CityCompositionTest.INPUT);
        CaseResult result = new CaseRunner(new ChainCity(), "city", "c-hash").run(PolicyCases.read("chain.json", json));

        assertTrue(result.passed(), result.toString());
    }

    @Test
    void aCaseThatStatesNoParentCatalogueFailsSayingWhatToState() {
        String json = """
                {"name": "A chain occupation gets the top-up", "rules": ["C6"],
                 "input": %s,
                 "parent": {"lines": [{"rule": "P", "amount": 1000, "citation": "PROV-2025 §三"}]},
                 "expect": {"amount": 1100}}
                """.formatted(CityCompositionTest.INPUT);
        CaseResult result = new CaseRunner(new ChainCity(), "city", "c-hash").run(PolicyCases.read("chain.json", json));

        assertFalse(result.passed());
        assertTrue(result.toString().contains("\"catalog\""), result.toString());
    }

    @Test
    void aMalformedStatedChainIsAViolationOfTheCaseFile() {
        String json = """
                {"name": "n", "rules": ["C6"], "input": %s,
                 "parent": {"lines": [], "catalog": {"chains": [{"occupations": ["4-10-01-05"]}], "extra": 1}},
                 "expect": {"amount": 0}}
                """.formatted(CityCompositionTest.INPUT);
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> PolicyCases.read("bad.json", json));

        assertTrue(e.getMessage().contains("parent.catalog.chains[0].code"), e.getMessage());
        assertTrue(e.getMessage().contains("parent.catalog.extra"), e.getMessage());
    }
}
