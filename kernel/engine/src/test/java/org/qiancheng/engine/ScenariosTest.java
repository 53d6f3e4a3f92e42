package org.qiancheng.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.qiancheng.api.claim.ClaimInput;
import org.qiancheng.api.claim.ClassFacts;
import org.qiancheng.api.claim.ClassResults;
import org.qiancheng.api.claim.TraineeFacts;
import org.qiancheng.api.claim.TraineeOutcome;
import org.qiancheng.api.model.Certificate;
import org.qiancheng.api.model.CertificateKind;
import org.qiancheng.api.model.EmploymentOutcome;
import org.qiancheng.api.model.PriorSubsidy;
import org.qiancheng.api.model.ResidentId;
import org.qiancheng.api.model.SkillLevel;
import org.qiancheng.api.model.TargetGroup;
import org.qiancheng.api.model.TrainingKind;
import org.qiancheng.api.model.TrainingMode;
import org.qiancheng.engine.internal.Json;

class ScenariosTest {

    /** A case file input: no region, no kind, no household region, no class results. */
    private static final String MINIMAL = """
            {
              "class": {"occupation": "4-10-01-05", "level": "JUNIOR", "mode": "OFFLINE",
                        "startDate": "2025-03-03", "endDate": "2025-03-28", "hours": 80},
              "trainee": {"idNumber": "510104199001011230"},
              "outcome": {"passed": true, "employment": "STABLE", "employedOn": "2025-04-20"}
            }
            """;

    private static String previewText() {
        try (InputStream in = ScenariosTest.class.getClassLoader().getResourceAsStream("scenarios/preview-990000.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> preview() {
        return (Map<String, Object>) Json.parse(previewText());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> at(Map<String, Object> tree, String member) {
        return (Map<String, Object>) tree.get(member);
    }

    private static List<Violation> violations(Object tree, String defaultRegion) {
        return assertThrows(InvalidScenarioException.class, () -> Scenarios.read(tree, defaultRegion)).violations();
    }

    private static void assertViolation(List<Violation> violations, String field, String rule) {
        assertTrue(violations.stream().anyMatch(v -> v.field().equals(field) && v.rule().equals(rule)),
                "expected " + field + " " + rule + " among " + violations);
    }

    private static void assertOnlyViolation(Map<String, Object> tree, String field, String rule) {
        List<Violation> violations = violations(tree, null);
        assertViolation(violations, field, rule);
        assertEquals(1, violations.size(), violations.toString());
    }

    @Test
    void aPreviewReadsIntoAClaimInput() {
        Scenario scenario = Scenarios.parse(previewText(), null);
        assertEquals("990000", scenario.region());
        assertNull(scenario.version());
        ClaimInput input = scenario.input();
        assertEquals(new ClassFacts("990000", "4-10-01-05", SkillLevel.JUNIOR, TrainingMode.ONLINE_ONLY,
                TrainingKind.ENTERPRISE, LocalDate.of(2025, 3, 3), LocalDate.of(2025, 3, 28), 80), input.classFacts());
        assertEquals(new ClassResults(20, 19, 18, 16, 12, 1, new BigDecimal("0.92")), input.results());
        assertEquals(new TraineeFacts(new ResidentId("510104199001011230"), Set.of(TargetGroup.MIGRANT_WORKER),
                Set.of(), "510100", "990100", false, List.of()), input.trainee());
        assertEquals(new TraineeOutcome(true, new Certificate(CertificateKind.SKILL_LEVEL, SkillLevel.JUNIOR,
                LocalDate.of(2025, 4, 10)), EmploymentOutcome.STABLE, LocalDate.of(2025, 4, 20)), input.outcome());
    }

    @Test
    void aVersionAndAClassRegionAreTakenWhenGiven() {
        Map<String, Object> tree = preview();
        tree.put("version", "2025.1.0");
        at(tree, "class").put("region", "990100");
        Scenario scenario = Scenarios.read(tree, null);
        assertEquals("2025.1.0", scenario.version());
        assertEquals("990000", scenario.region(), "the policy asked for");
        assertEquals("990100", scenario.input().classFacts().regionCode(), "where the class is filed");
    }

    @Test
    void aClassWithoutASurveyIsSatisfiedByAssumptionAndSaysSo() {
        Map<String, Object> tree = preview();
        at(tree, "results").remove("satisfaction");
        at(tree, "results").put("surveyed", false);
        ClassResults results = Scenarios.read(tree, null).input().results();
        assertEquals(new ClassResults(20, 19, 18, 16, 12, 1, BigDecimal.ONE, false), results);

        at(tree, "results").put("satisfaction", new BigDecimal("0.9"));
        var violations = violations(tree, null);
        assertEquals("results.satisfaction", violations.get(0).field());
        assertEquals("absent-when:surveyed=false", violations.get(0).rule());

        at(tree, "results").remove("surveyed");
        assertTrue(Scenarios.read(tree, null).input().results().surveyed(), "a satisfaction given is a survey");
        at(tree, "results").remove("satisfaction");
        assertEquals("results.satisfaction", violations(tree, null).get(0).field());
    }

    @Test
    void priorSubsidiesAreRead() {
        Map<String, Object> tree = preview();
        at(tree, "trainee").put("priorSubsidies", Json.parse("""
                [{"classStart": "2024-05-06", "region": "990000", "occupation": "4-10-01-05", "level": "JUNIOR",
                  "amount": 800}]
                """));
        assertEquals(List.of(new PriorSubsidy(LocalDate.of(2024, 5, 6), "990000", "4-10-01-05", SkillLevel.JUNIOR,
                new BigDecimal("800"))), Scenarios.read(tree, null).input().trainee().priorSubsidies());
    }

    @Test
    void withoutARegionTheDefaultRegionIsAsked() {
        Scenario scenario = Scenarios.parse(MINIMAL, "990000");
        assertEquals("990000", scenario.region());
        assertEquals("990000", scenario.input().classFacts().regionCode());
    }

    @Test
    void theKindDefaultsToGeneral() {
        assertEquals(TrainingKind.GENERAL, Scenarios.parse(MINIMAL, "990000").input().classFacts().kind());
    }

    @Test
    void theHouseholdRegionDefaultsToTheFirstSixDigitsOfTheIdAndTheResidenceToTheHousehold() {
        TraineeFacts trainee = Scenarios.parse(MINIMAL, "990000").input().trainee();
        assertEquals("510104", trainee.householdRegion());
        assertEquals("510104", trainee.residenceRegion());
        assertEquals(false, trainee.receivesPension());
        assertTrue(trainee.groups().isEmpty());
    }

    @Test
    void withoutClassResultsTheTraineeIsAClassOfOne() {
        assertEquals(new ClassResults(1, 1, 1, 0, 1, 0, BigDecimal.ONE),
                Scenarios.parse(MINIMAL, "990000").input().results());
    }

    @Test
    void aClassOfOneCountsTheTraineesOwnOutcome() {
        String stable = "\"employment\": \"STABLE\", \"employedOn\": \"2025-04-20\"";
        String failedWithoutWork = MINIMAL.replace("\"passed\": true, " + stable, "\"passed\": false");
        assertEquals(new ClassResults(1, 1, 0, 0, 0, 0, BigDecimal.ONE),
                Scenarios.parse(failedWithoutWork, "990000").input().results());
        String certifiedEntrepreneur = MINIMAL.replace(stable, "\"employment\": \"ENTREPRENEURSHIP\","
                + " \"employedOn\": \"2025-05-01\","
                + " \"certificate\": {\"kind\": \"SKILL_LEVEL\", \"issuedOn\": \"2025-04-10\"}");
        assertEquals(new ClassResults(1, 1, 1, 1, 0, 1, BigDecimal.ONE),
                Scenarios.parse(certifiedEntrepreneur, "990000").input().results());
    }

    @Test
    void negativeHoursBreakTheMinimum() {
        Map<String, Object> tree = preview();
        at(tree, "class").put("hours", new BigDecimal("-1"));
        assertOnlyViolation(tree, "class.hours", "minimum:0");
    }

    @Test
    void fractionalHoursAreNotAWholeNumber() {
        Map<String, Object> tree = preview();
        at(tree, "class").put("hours", new BigDecimal("12.5"));
        assertOnlyViolation(tree, "class.hours", "type:integer");
    }

    @Test
    void anIdWithAWrongCheckDigitBreaksGb11643() {
        Map<String, Object> tree = preview();
        at(tree, "trainee").put("idNumber", "510104199001011231");
        assertOnlyViolation(tree, "trainee.idNumber", "gb11643:check-digit");
    }

    @Test
    void aTraineeUnderFourteenOnTheClassStartBreaksTheBirthDateRule() {
        Map<String, Object> tree = preview();
        at(tree, "trainee").put("idNumber", "510104201501011237");
        at(tree, "trainee").put("householdRegion", "510104");
        assertOnlyViolation(tree, "trainee.idNumber", "gb11643:birth-date");
    }

    @Test
    void aMissingTraineeMustBeAnObject() {
        Map<String, Object> tree = preview();
        tree.remove("trainee");
        assertOnlyViolation(tree, "trainee", "type:object");
    }

    @Test
    void anUnknownLevelBreaksTheEnumeration() {
        Map<String, Object> tree = preview();
        at(tree, "class").put("level", "MASTER");
        assertOnlyViolation(tree, "class.level", "enum:SkillLevel");
    }

    @Test
    void anImpossibleDateBreaksTheDateFormat() {
        Map<String, Object> tree = preview();
        at(tree, "class").put("startDate", "2025-02-30");
        assertOnlyViolation(tree, "class.startDate", "format:date");
    }

    @Test
    void anEndBeforeTheStartIsRefused() {
        Map<String, Object> tree = preview();
        at(tree, "class").put("endDate", "2025-03-02");
        assertOnlyViolation(tree, "class.endDate", "not-before:startDate");
    }

    @Test
    void anUnknownFieldIsRefusedAtTopLevelAndInside() {
        Map<String, Object> tree = preview();
        tree.put("regoin", "990000");
        at(tree, "class").put("hour", new BigDecimal("80"));
        List<Violation> violations = violations(tree, null);
        assertViolation(violations, "regoin", "unknown-field");
        assertViolation(violations, "class.hour", "unknown-field");
        assertEquals(2, violations.size(), violations.toString());
    }

    @Test
    void aRegionWithALetterBreaksGb2260() {
        Map<String, Object> tree = preview();
        tree.put("region", "51A000");
        assertViolation(violations(tree, null), "region", "gb2260");
    }

    @Test
    void aRegionIsRequiredWhenThereIsNoDefault() {
        Map<String, Object> tree = preview();
        tree.remove("region");
        assertViolation(violations(tree, null), "region", "required");
    }

    @Test
    void anEmploymentOutcomeNeedsItsStartDate() {
        Map<String, Object> tree = preview();
        at(tree, "outcome").remove("employedOn");
        assertOnlyViolation(tree, "outcome.employedOn", "required");
    }

    @Test
    void moreTraineesPassedThanEnrolledIsRefused() {
        Map<String, Object> tree = preview();
        at(tree, "results").put("passed", new BigDecimal("21"));
        assertOnlyViolation(tree, "results.passed", "maximum:enrolled");
    }

    @Test
    void moreEmployedAndEntrepreneursThanEnrolledIsRefused() {
        Map<String, Object> tree = preview();
        at(tree, "results").put("employed", new BigDecimal("20"));
        assertOnlyViolation(tree, "results.employed", "maximum:enrolled");
    }

    @Test
    void malformedJsonIsOneViolationOfTheWholeDocument() {
        var invalid = assertThrows(InvalidScenarioException.class, () -> Scenarios.parse("{\"region\": ", null));
        assertEquals(1, invalid.violations().size());
        assertEquals("$", invalid.violations().get(0).field());
        assertEquals("json", invalid.violations().get(0).rule());
    }

    @Test
    void aDocumentThatIsNotAnObjectIsRefused() {
        assertViolation(assertThrows(InvalidScenarioException.class, () -> Scenarios.parse("[]", "990000"))
                .violations(), "$", "type:object");
    }

    @Test
    void everyBrokenRuleIsReportedAtOnce() {
        Map<String, Object> tree = preview();
        at(tree, "class").put("hours", new BigDecimal("-1"));
        at(tree, "class").put("level", "MASTER");
        at(tree, "trainee").put("idNumber", "510104199001011231");
        at(tree, "outcome").remove("employedOn");
        var invalid = assertThrows(InvalidScenarioException.class, () -> Scenarios.read(tree, null));
        Set<String> found = invalid.violations().stream().map(v -> v.field() + " " + v.rule())
                .collect(Collectors.toSet());
        assertEquals(Set.of("class.hours minimum:0", "class.level enum:SkillLevel",
                "trainee.idNumber gb11643:check-digit", "outcome.employedOn required"), found);
        assertTrue(invalid.getMessage().contains("class.hours: must be at least 0, was -1"), invalid.getMessage());
    }
}
