package org.qiancheng.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.qiancheng.api.claim.Eligibility;
import org.qiancheng.api.claim.LineItem;
import org.qiancheng.api.claim.ParameterUse;
import org.qiancheng.api.claim.SubsidyDecision;
import org.qiancheng.api.model.Citation;
import org.qiancheng.engine.cityfixture.CityPolicy;

/** Case files of a city plugin state the province's decision inline, in {@code "parent"}. */
class CityCaseRunnerTest {

    private static final String PARENT_1000 = """
            {"lines": [{"rule": "P2", "amount": 1000, "citation": "PROV-2025 §三"}], "advanceShare": 0.5}
            """;
    private static final String PARENT_REFUSED = """
            {"eligible": false, "reasons": [{"rule": "P1", "citation": "PROV-2025 §一"}]}
            """;

    private final CaseRunner runner = new CaseRunner(CityBundle.city("city"), CityCompositionTest.CITY_BUNDLE,
            "city-hash");

    private static PolicyCase cityCase(String parent, String expect) {
        return PolicyCases.read("city.json", """
                {"name": "a city case", "rules": ["C2"], "input": %s, "parent": %s, "expect": %s}
                """.formatted(CityCompositionTest.INPUT, parent, expect));
    }

    private static String rejection(String parent) {
        return assertThrows(IllegalArgumentException.class, () -> cityCase(parent, "{\"amount\": 0}")).getMessage();
    }

    @Test
    void aCaseWhoseCombinedAmountIsExpectedPasses() {
        CaseResult result = runner.run(cityCase(PARENT_1000, """
                {"eligible": true, "amount": 1300, "advanceShare": 0.5,
                 "lines": [{"rule": "P2", "amount": 1000, "citation": "[PROV-2025 §三]"},
                           {"rule": "C2", "amount": 300, "citation": "[CITY-2025 §四]"}]}
                """));

        assertTrue(result.passed(), result.toString());
        assertEquals(List.of(), result.decision().basedOn(), "an inline parent has no identity to rest on");
        assertEquals(List.of(new ParameterUse(CityPolicy.TOP_UP, LocalDate.of(2025, 1, 1),
                new Citation("CITY-2025", "§四"))), result.decision().parameters());
    }

    @Test
    void aCaseExpectingOnlyTheParentsAmountFails() {
        CaseResult result = runner.run(cityCase(PARENT_1000, "{\"amount\": 1000}"));

        assertFalse(result.passed());
        assertEquals(1, result.failures().size(), result.failures().toString());
        assertTrue(result.failures().get(0).startsWith("expected amount 1000 but was 1300.00"),
                result.failures().toString());
    }

    @Test
    void aRefusedParentRefusesTheCityCaseForTheParentsReason() {
        CaseResult result = runner.run(cityCase(PARENT_REFUSED, """
                {"eligible": false, "amount": 0, "refusedBecause": ["P1"]}
                """));

        assertTrue(result.passed(), result.toString());
        assertEquals(List.of(), result.decision().result().lines());
    }

    @Test
    void aCaseOverridingTheCitysOwnParameterUsesTheValue() {
        PolicyCase policyCase = PolicyCases.read("city.json", """
                {"name": "a larger top-up", "rules": ["C2"], "parameters": {"testkit_city/top_up": {"2025-01-01": 500}},
                 "input": %s, "parent": %s, "expect": {"amount": 1500}}
                """.formatted(CityCompositionTest.INPUT, PARENT_1000));

        CaseResult result = runner.run(policyCase);
        assertTrue(result.passed(), result.toString());
    }

    @Test
    void aCityCaseWithoutAParentDecisionFailsAskingForIt() {
        CaseResult result = runner.run(PolicyCases.read("no-parent.json", """
                {"name": "no parent", "rules": ["C2"], "input": %s, "expect": {"amount": 300}}
                """.formatted(CityCompositionTest.INPUT)));

        assertFalse(result.passed());
        assertEquals(List.of("the policy extends region 990000: state the parent's decision in \"parent\""),
                result.failures());
        assertNull(result.decision());
    }

    @Test
    void theParentDecisionIsReadIntoASubsidyDecision() {
        SubsidyDecision parent = cityCase(PARENT_1000, "{\"amount\": 1300}").parent();

        assertEquals(Eligibility.granted(), parent.eligibility());
        assertEquals(List.of("P2"), parent.lines().stream().map(LineItem::rule).toList());
        assertEquals(new BigDecimal("1000.00"), parent.amount());
        assertEquals(new Citation("PROV-2025", "§三"), parent.lines().get(0).citation());
        assertEquals(0, new BigDecimal("0.5").compareTo(parent.advanceShare()));
        assertFalse(cityCase(PARENT_REFUSED, "{\"amount\": 0}").parent().eligibility().eligible());
        assertNull(PolicyCases.read("plain.json", """
                {"name": "no parent", "rules": ["T2"], "input": %s, "expect": {"amount": 1}}
                """.formatted(CityCompositionTest.INPUT)).parent());
    }

    @Test
    void aParentLineWithoutCitationIsRejectedNamingTheField() {
        String message = rejection("""
                {"lines": [{"rule": "P2", "amount": 1000}]}
                """);
        assertTrue(message.startsWith("city.json: "), message);
        assertTrue(message.contains("parent.lines[0].citation: is required"), message);
    }

    @Test
    void aParentLineWithAMalformedCitationIsRejected() {
        String message = rejection("""
                {"lines": [{"rule": "P2", "amount": 1000, "citation": "somewhere"}]}
                """);
        assertTrue(message.contains("parent.lines[0].citation: not a citation"), message);
    }

    @Test
    void aRefusedParentWithoutReasonsIsRejected() {
        String message = rejection("{\"eligible\": false}");
        assertTrue(message.contains("parent.reasons: a refused parent decision needs at least one reason"), message);
    }

    @Test
    void anUnknownFieldInTheParentIsRejected() {
        String message = rejection("{\"amount\": 1000}");
        assertTrue(message.contains("parent.amount: unknown field"), message);
    }

    /**
     * ParentDecisions documents two forms, {"eligible": true, "lines": …} and {"eligible": false,
     * "reasons": …}, and SubsidyDecision itself rejects a refusal with line items; the case reader instead
     * drops the lines of a refused parent without a word, so a contradictory case file passes unnoticed.
     */
    @Test
    void aRefusedParentWithLineItemsIsRejected() {
        String message = rejection("""
                {"eligible": false, "reasons": [{"rule": "P1", "citation": "PROV-2025 §一"}],
                 "lines": [{"rule": "P2", "amount": 1000, "citation": "PROV-2025 §三"}]}
                """);
        assertTrue(message.contains("parent.lines"), message);
    }
}
