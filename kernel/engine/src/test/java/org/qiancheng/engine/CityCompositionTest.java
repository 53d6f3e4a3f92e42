package org.qiancheng.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.qiancheng.api.claim.ClaimInput;
import org.qiancheng.api.claim.Decision;
import org.qiancheng.api.claim.LineItem;
import org.qiancheng.api.claim.ParameterUse;
import org.qiancheng.api.claim.Reason;
import org.qiancheng.api.model.Citation;
import org.qiancheng.engine.cityfixture.CityPolicy;
import org.qiancheng.engine.cityfixture.ProvincePolicy;

/**
 * {@link StandalonePolicy#extending(StandalonePolicy)}: a city plugin's decision is its province's, decided
 * with the city's parameter files in place of the province's, plus the city's own lines.
 */
class CityCompositionTest {

    static final String CITY_BUNDLE = "org.qiancheng.engine.city";
    static final String PROVINCE_BUNDLE = "org.qiancheng.engine.province";
    private static final LocalDate JAN_2025 = LocalDate.of(2025, 1, 1);
    private static final Citation PROVINCE_STANDARD = new Citation("PROV-2025", "§三");
    private static final Citation CITY_STANDARD = new Citation("CITY-2025", "§二");
    private static final Citation CITY_TOP_UP = new Citation("CITY-2025", "§四");

    /** A junior electrician class of 2025-03-03 in the city, offline, for a trainee who is no pensioner. */
    static final String INPUT = """
            {"class": {"occupation": "4-10-01-05", "level": "JUNIOR", "mode": "OFFLINE",
                       "startDate": "2025-03-03", "endDate": "2025-03-28", "hours": 80},
             "trainee": {"idNumber": "510104199001011230", "receivesPension": false},
             "outcome": {"passed": true, "employment": "STABLE", "employedOn": "2025-04-20"}}
            """;
    static final String PENSIONER = INPUT.replace("\"receivesPension\": false", "\"receivesPension\": true");
    static final String ONLINE = INPUT.replace("\"OFFLINE\"", "\"ONLINE_ONLY\"");

    private final StandalonePolicy province = load(new ProvincePolicy(), PROVINCE_BUNDLE, "prov-hash");
    private final StandalonePolicy city = load(CityBundle.city("city"), CITY_BUNDLE, "city-hash");

    static StandalonePolicy load(org.qiancheng.api.spi.RegionPolicy policy, String bundle, String hash) {
        try {
            return StandalonePolicy.load(policy, bundle, null, hash);
        } catch (PolicyRefusedException e) {
            throw new AssertionError(e.reasons().toString(), e);
        }
    }

    private ComposedPolicy composed() throws PolicyRefusedException {
        return city.extending(province);
    }

    private static ClaimInput claim(String json) {
        return Scenarios.parse(json, CityPolicy.REGION).input();
    }

    private static List<String> rules(List<Reason> reasons) {
        return reasons.stream().map(Reason::rule).toList();
    }

    @Test
    void theCityReadsItsOwnFileOfTheProvinceParameterNameWhileTheProvinceReadsItsOwn() {
        // the premise of every other test here: the two bundles' files of one name are different files
        assertEquals(CITY_STANDARD, city.parameters().reference(CityPolicy.STANDARD));
        assertEquals(PROVINCE_STANDARD, province.parameters().reference(ProvincePolicy.STANDARD));
        assertEquals(new BigDecimal("1000.00"), province.decide(claim(INPUT)).amount(), "the province alone");
    }

    @Test
    void theProvinceDecidesWithTheCityOverrideAndTheCityTopUpFollowsTheProvinceLines() throws Exception {
        Decision decision = composed().decide(claim(INPUT));

        List<LineItem> lines = decision.result().lines();
        assertEquals(List.of("P2", "C2"), lines.stream().map(LineItem::rule).toList());
        assertEquals(new BigDecimal("1800.00"), lines.get(0).amount(), "the city's standard, not the province's 1000");
        assertEquals(CITY_STANDARD, lines.get(0).citation());
        assertEquals(new BigDecimal("300.00"), lines.get(1).amount());
        assertEquals(new BigDecimal("2100.00"), decision.amount());
    }

    @Test
    void theCombinedDecisionIsTheCitysAndRestsOnTheProvince() throws Exception {
        Decision decision = composed().decide(claim(INPUT));

        assertEquals(city.identity(), decision.policy());
        assertEquals(CityPolicy.REGION, decision.policy().regionCode());
        assertEquals(List.of(province.identity()), decision.basedOn());
        assertEquals(CITY_BUNDLE, composed().identity().bundleSymbolicName());
    }

    @Test
    void theDecisionListsTheOverriddenParameterWithTheCityReferenceThenTheCitysOwnParameter() throws Exception {
        Decision decision = composed().decide(claim(INPUT));

        assertEquals(List.of(new ParameterUse(ProvincePolicy.STANDARD, JAN_2025, CITY_STANDARD),
                new ParameterUse(CityPolicy.TOP_UP, JAN_2025, CITY_TOP_UP)), decision.parameters());
    }

    @Test
    void notesAndFlagsOfBothAreKeptAndTheProvincesAdvanceShareApplies() throws Exception {
        var result = composed().decide(claim(INPUT)).result();

        assertEquals(List.of("P3"), rules(result.notes()));
        assertEquals(List.of("C3"), rules(result.flags()));
        assertEquals(0, new BigDecimal("0.5").compareTo(result.advanceShare()),
                "the city answers 0 but the province's share is kept: " + result.advanceShare());
    }

    @Test
    void composingChangesNeitherTheProvinceNorTheCityItExtends() throws Exception {
        composed();

        assertEquals(new BigDecimal("1000.00"), province.decide(claim(INPUT)).amount());
        assertEquals(List.of(), province.decide(claim(INPUT)).basedOn());
        assertThrows(PolicyFailureException.class, () -> city.decide(claim(INPUT)),
                "the city on its own has no province decision to add to");
    }

    @Test
    void anOverrideAboveTheProvincesMaximumIsRefusedNamingTheParameter() {
        StandalonePolicy tooHigh = load(CityBundle.city("too_high"), CITY_BUNDLE, "too-high-hash");

        var refused = assertThrows(PolicyRefusedException.class, () -> tooHigh.extending(province));
        assertEquals(List.of("990100:testkit_city/province/standard@2025-01-01[4-10-01-05][JUNIOR]: 5000 is above"
                + " the maximum 2000 set by [PROV-2025 §三]"), refused.reasons());
    }

    @Test
    void aCityCannotExtendAProvinceOfAnotherRegion() {
        StandalonePolicy elsewhere = load(new ProvincePolicy("980000"), PROVINCE_BUNDLE, "elsewhere-hash");

        var refused = assertThrows(PolicyRefusedException.class, () -> city.extending(elsewhere));
        assertEquals(List.of("990100 1.0.0 does not extend region 980000"), refused.reasons());
        assertThrows(PolicyRefusedException.class, () -> city.extending(city), "nor a city, its own region");
    }

    @Test
    void aPolicyThatStandsAloneExtendsNothing() {
        assertFalse(province.parentRegion().isPresent());
        var refused = assertThrows(PolicyRefusedException.class, () -> province.extending(province));
        assertEquals(List.of("990000 1.0.0 does not extend region 990000"), refused.reasons());
    }

    @Test
    void whenTheProvinceRefusesTheCombinedDecisionRefusesWithTheProvinceReasonsAndNoLines() throws Exception {
        Decision decision = composed().decide(claim(PENSIONER));

        assertFalse(decision.result().eligibility().eligible());
        assertEquals(List.of("P1"), rules(decision.result().eligibility().reasons()));
        assertEquals(List.of(), decision.result().lines(), "not even the city's top-up");
        assertEquals(0, BigDecimal.ZERO.compareTo(decision.amount()));
    }

    @Test
    void whenTheCityRefusesTheCombinedDecisionRefusesWithTheCityReasons() throws Exception {
        Decision decision = composed().decide(claim(ONLINE));

        assertFalse(decision.result().eligibility().eligible());
        assertEquals(List.of("C1"), rules(decision.result().eligibility().reasons()));
        assertEquals(List.of(), decision.result().lines(), "not the province's lines either");
    }

    @Test
    void whenBothRefuseTheProvinceReasonsComeFirstThenTheCitys() throws Exception {
        Decision decision = composed().decide(claim(PENSIONER.replace("\"OFFLINE\"", "\"ONLINE_ONLY\"")));

        assertFalse(decision.result().eligibility().eligible());
        assertEquals(List.of("P1", "C1"), rules(decision.result().eligibility().reasons()));
    }

    @Test
    void eligibilityAtEnrolmentRequiresBothTheProvinceAndTheCity() throws Exception {
        ComposedPolicy composed = composed();
        ClaimInput ok = claim(INPUT);
        ClaimInput both = claim(PENSIONER.replace("\"OFFLINE\"", "\"ONLINE_ONLY\""));

        assertTrue(composed.eligibility(ok.trainee(), ok.classFacts()).eligible());
        assertEquals(List.of("P1"), rules(composed.eligibility(claim(PENSIONER).trainee(), ok.classFacts()).reasons()));
        assertEquals(List.of("C1"), rules(composed.eligibility(ok.trainee(), claim(ONLINE).classFacts()).reasons()));
        assertEquals(List.of("P1", "C1"), rules(composed.eligibility(both.trainee(), both.classFacts()).reasons()));
    }

    @Test
    void aFailingProvinceIsReportedWithTheProvincesIdentity() throws Exception {
        // an occupation the (city's) standard table does not have makes the province's rules throw
        PolicyFailureException failure = assertThrows(PolicyFailureException.class,
                () -> composed().decide(claim(INPUT.replace("4-10-01-05", "2-02-10-07"))));
        assertTrue(failure.getMessage().startsWith("policy 990000 1.0.0 (" + PROVINCE_BUNDLE + ") failed in decision"),
                failure.getMessage());
    }
}
