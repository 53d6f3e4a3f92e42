package org.qiancheng.engine;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.qiancheng.api.claim.Decision;
import org.qiancheng.api.claim.ParameterUse;
import org.qiancheng.api.claim.PolicyIdentity;
import org.qiancheng.api.model.Citation;
import org.qiancheng.engine.modulefixture.TinyPolicy;

class CaseRunnerTest {

    private static final String BUNDLE = "org.qiancheng.engine.tiny";
    private static final String HASH = "0123abcd";

    /** A junior class of 2025-03-03 and a trainee who is no pensioner: worth 1000 under the tiny policy. */
    private static final String INPUT = """
            {"class": {"occupation": "4-10-01-05", "level": "JUNIOR", "mode": "OFFLINE",
                       "startDate": "2025-03-03", "endDate": "2025-03-28", "hours": 80},
             "trainee": {"idNumber": "510104199001011230", "receivesPension": false},
             "outcome": {"passed": true, "employment": "STABLE", "employedOn": "2025-04-20"}}
            """;

    private static final String PENSIONER = INPUT.replace("\"receivesPension\": false", "\"receivesPension\": true");

    private static final String TOO_HIGH = """
            {"testkit_fixture/tiny/standard": {"2025-01-01": {"4-10-01-05": {"JUNIOR": 6000}}}}
            """;

    private final CaseRunner runner = new CaseRunner(new TinyPolicy(), BUNDLE, HASH);

    private static PolicyCase policyCase(String input, String expect) {
        return PolicyCases.read("case.json", """
                {"name": "a case", "rules": ["T2"], "input": %s, "expect": %s}
                """.formatted(input, expect));
    }

    private static PolicyCase activationCase(String parameters, String activationRefused) {
        return PolicyCases.read("activation.json", """
                {"name": "an activation case", "rules": ["T2"], "parameters": %s,
                 "expect": {"activationRefused": [%s]}}
                """.formatted(parameters, activationRefused));
    }

    private CaseResult run(PolicyCase policyCase) {
        return runner.run(policyCase);
    }

    private static void assertFailsWith(CaseResult result, String start) {
        assertFalse(result.passed(), "the case must fail");
        assertTrue(result.failures().stream().anyMatch(f -> f.startsWith(start)),
                "expected a failure starting '" + start + "' among " + result.failures());
    }

    @Test
    void aCaseWhoseExpectationsHoldPasses() {
        CaseResult result = run(policyCase(INPUT, """
                {"eligible": true, "amount": 1000, "advanceShare": 0.5,
                 "lines": [{"rule": "T2", "amount": 1000.00, "citation": "[TINY-2025 §三]"}]}
                """));
        assertTrue(result.passed(), result.toString());
        assertEquals(List.of(), result.failures());
        assertTrue(result.toString().startsWith("PASS case.json — a case"), result.toString());
    }

    @Test
    void aWrongExpectedAmountFails() {
        CaseResult result = run(policyCase(INPUT, """
                {"eligible": true, "amount": 999}
                """));
        assertFailsWith(result, "expected amount 999 but was 1000.00");
        assertEquals(1, result.failures().size(), result.failures().toString());
        assertTrue(result.toString().startsWith("FAIL case.json — a case: expected amount"), result.toString());
    }

    @Test
    void aMissingExpectedLineFails() {
        assertFailsWith(run(policyCase(INPUT, """
                {"lines": [{"rule": "T2", "amount": 1000}, {"rule": "T9", "amount": 1000}]}
                """)), "expected line T9 1000 among [T2 Subsidy standard 1000.00 [TINY-2025 §三]]");
    }

    @Test
    void aLineWithAnotherCitationDoesNotCountAsTheExpectedLine() {
        assertFailsWith(run(policyCase(INPUT, """
                {"lines": [{"rule": "T2", "amount": 1000, "citation": "[TINY-2025 §四]"}]}
                """)), "expected line T2 1000 [TINY-2025 §四]");
    }

    @Test
    void aWrongEligibilityOrAdvanceShareFails() {
        CaseResult result = run(policyCase(INPUT, """
                {"eligible": false, "advanceShare": 0.25}
                """));
        assertFailsWith(result, "expected eligible=false but was true");
        assertFailsWith(result, "expected advance share 0.25 but was 0.5");
    }

    @Test
    void aRefusalCitingTheExpectedRulePasses() {
        CaseResult result = run(policyCase(PENSIONER, """
                {"eligible": false, "amount": 0, "refusedBecause": ["T1"]}
                """));
        assertTrue(result.passed(), result.toString());
    }

    @Test
    void aRefusalForAnotherRuleThanExpectedFails() {
        assertFailsWith(run(policyCase(PENSIONER, """
                {"eligible": false, "refusedBecause": ["T7"]}
                """)), "expected a eligibility reason for rule T7");
    }

    @Test
    void anExpectedFlagThatIsNotRaisedFails() {
        assertFailsWith(run(policyCase(INPUT, """
                {"flags": ["T5"]}
                """)), "expected a flag for rule T5 among []");
    }

    @Test
    void anActivationCasePassesWhenTheOverrideBreaksABound() {
        CaseResult result = run(activationCase(TOO_HIGH,
                "\"testkit_fixture/tiny/standard@2025-01-01[4-10-01-05][JUNIOR]: 6000 is above the maximum 5000\""));
        assertTrue(result.passed(), result.toString());
        assertNull(result.decision());
    }

    @Test
    void anActivationCaseFailsWhenThePolicyIsAccepted() {
        CaseResult result = run(PolicyCases.read("activation.json", """
                {"name": "refused without overrides?", "rules": ["T2"],
                 "expect": {"activationRefused": ["above the maximum"]}}
                """));
        assertFailsWith(result, "expected the policy to be refused at activation with [above the maximum],"
                + " but it was accepted");
        assertNull(result.decision());
    }

    @Test
    void anActivationCaseFailsWhenAnOverrideWithinTheBoundsIsAccepted() {
        assertFailsWith(run(activationCase("""
                {"testkit_fixture/tiny/standard": {"2025-01-01": {"4-10-01-05": {"JUNIOR": 5000}}}}
                """, "\"above the maximum\"")), "expected the policy to be refused at activation");
    }

    @Test
    void anActivationCaseFailsWhenTheRefusalGivesAnotherReason() {
        assertFailsWith(run(activationCase(TOO_HIGH, "\"below the minimum\"")),
                "refusal reasons [testkit_fixture/tiny/standard@2025-01-01[4-10-01-05][JUNIOR]: 6000 is above");
    }

    @Test
    void anUnexpectedRefusalAtActivationFailsAnOrdinaryCase() {
        PolicyCase policyCase = PolicyCases.read("case.json", """
                {"name": "a case", "rules": ["T2"], "parameters": %s, "input": %s, "expect": {"amount": 6000}}
                """.formatted(TOO_HIGH, INPUT));
        assertFailsWith(run(policyCase), "the policy was refused at activation: [testkit_fixture/tiny/standard@");
    }

    @Test
    void anOverrideWithinTheBoundsIsUsedForTheDecision() {
        PolicyCase policyCase = PolicyCases.read("case.json", """
                {"name": "a case", "rules": ["T2"], "parameters": %s, "input": %s, "expect": {"amount": 4321}}
                """.formatted(TOO_HIGH.replace("6000", "4321"), INPUT));
        CaseResult result = run(policyCase);
        assertTrue(result.passed(), result.toString());
        assertEquals(List.of(new ParameterUse(TinyPolicy.STANDARD, LocalDate.of(2025, 1, 1),
                new Citation("TINY-2025", "§三"))), result.decision().parameters());
    }

    @Test
    void theDecisionRecordsThePolicyIdentityAndTheParametersRead() {
        CaseResult result = run(policyCase(INPUT, """
                {"amount": 1000}
                """));
        Decision decision = result.decision();
        assertEquals(new PolicyIdentity("990000", BUNDLE, "1.0.0", HASH), decision.policy());
        assertEquals(List.of(new ParameterUse(TinyPolicy.STANDARD, LocalDate.of(2025, 1, 1),
                new Citation("TINY-2025", "§三"))), decision.parameters());
        assertEquals(LocalDate.of(2025, 3, 3), decision.input().classFacts().startDate());
        assertEquals(new BigDecimal("1000.00"), decision.amount());
    }

    @Test
    void aClassStartingOnALaterValuesStartDateUsesThatValue() {
        CaseResult result = run(policyCase(INPUT.replace("2025-03-03", "2025-07-01").replace("2025-03-28",
                "2025-07-20"), """
                {"amount": 1200}
                """));
        assertTrue(result.passed(), result.toString());
        assertEquals(LocalDate.of(2025, 7, 1), result.decision().parametersEffective());
    }

    @Test
    void anInputOfAnotherRegionFails() {
        CaseResult result = run(policyCase(INPUT.replaceFirst("\\{", "{\"region\": \"610100\", "), """
                {"amount": 1000}
                """));
        assertFailsWith(result, "input region 610100 is not in the policy's region 990000");
    }

    @Test
    void anInputOfASubRegionIsAccepted() {
        CaseResult result = run(policyCase(INPUT.replaceFirst("\\{", "{\"region\": \"990100\", "), """
                {"amount": 1000}
                """));
        assertTrue(result.passed(), result.toString());
    }

    @Test
    void anInvalidInputFailsNamingTheField() {
        CaseResult result = run(policyCase(INPUT.replace("\"hours\": 80", "\"hours\": -80"), """
                {"amount": 1000}
                """));
        assertFailsWith(result, "input: class.hours: must be at least 0");
        assertNull(result.decision());
    }

    @Test
    void runAllRunsEveryCaseInOrderWithoutThrowing() {
        List<CaseResult> results = runner.runAll(List.of(policyCase(INPUT, "{\"amount\": 1000}"),
                policyCase(INPUT, "{\"amount\": 1}"), activationCase(TOO_HIGH, "\"above the maximum\"")));
        assertEquals(List.of(true, false, true), results.stream().map(CaseResult::passed).toList());
    }

    @Test
    void aCaseWithoutRulesIsRejectedNamingTheFile() {
        var rejected = assertThrows(IllegalArgumentException.class, () -> PolicyCases.read("no-rules.json", """
                {"name": "no rules", "input": %s, "expect": {"amount": 1000}}
                """.formatted(INPUT)));
        assertTrue(rejected.getMessage().startsWith("no-rules.json: "), rejected.getMessage());
        assertTrue(rejected.getMessage().contains("rules: name at least one rule id"), rejected.getMessage());
        assertThrows(IllegalArgumentException.class, () -> PolicyCases.read("empty-rules.json", """
                {"name": "empty rules", "rules": [], "input": %s, "expect": {"amount": 1000}}
                """.formatted(INPUT)));
    }

    @Test
    void aCaseWithoutInputIsRejectedNamingTheFileUnlessItExpectsARefusalAtActivation() {
        var rejected = assertThrows(IllegalArgumentException.class, () -> PolicyCases.read("no-input.json", """
                {"name": "no input", "rules": ["T2"], "expect": {"amount": 1000}}
                """));
        assertEquals("no-input.json: input: is required unless the case expects activationRefused",
                rejected.getMessage());
        PolicyCase activation = assertDoesNotThrow(() -> PolicyCases.read("activation.json", """
                {"name": "refused", "rules": ["T2"], "expect": {"activationRefused": ["above"]}}
                """));
        assertNull(activation.input());
        assertEquals(List.of("above"), activation.expect().activationRefused());
    }

    @Test
    void aCaseFileThatIsNotJsonIsRejectedNamingTheFile() {
        var rejected = assertThrows(IllegalArgumentException.class, () -> PolicyCases.read("broken.json", "{"));
        assertTrue(rejected.getMessage().startsWith("broken.json: expected a quoted key at line 1"),
                rejected.getMessage());
    }

    @Test
    void aCaseFileReadsIntoAPolicyCase() {
        PolicyCase read = PolicyCases.read("full.json", """
                {"name": "everything", "rules": ["T1", "T2"], "parameters": %s, "input": %s,
                 "expect": {"eligible": true, "amount": 1000, "lines": [{"rule": "T2", "amount": 1000}],
                            "refusedBecause": [], "flags": ["T5"], "advanceShare": 0.5}}
                """.formatted(TOO_HIGH, INPUT));
        assertEquals("full.json", read.file());
        assertEquals("everything", read.name());
        assertEquals(List.of("T1", "T2"), read.rules());
        assertEquals(List.of("testkit_fixture/tiny/standard"), List.copyOf(read.parameters().keySet()));
        assertEquals(new PolicyCase.Expectation(List.of(), true, new BigDecimal("1000"),
                List.of(new PolicyCase.ExpectedLine("T2", new BigDecimal("1000"), null)), List.of(), List.of("T5"),
                List.of(), new BigDecimal("0.5")), read.expect());
    }
}
