package org.qiancheng.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /api/v1/claims/preview} reads scenarios with {@link Scenarios}, not with Jackson: the
 * same malformed values the REST layer refuses are refused here, naming the field and the rule and
 * never quoting the value.
 */
class StrictScenariosTest {

    private static final String ID = "510104199001011230";

    private static String scenario(String level, String startDate, String hours, String passed, String idNumber) {
        return """
                {"region": "510000",
                 "class": {"occupation": "4-10-01-05", "level": %s, "mode": "OFFLINE",
                           "startDate": %s, "endDate": "2025-03-28", "hours": %s},
                 "trainee": {"idNumber": %s, "receivesPension": false},
                 "outcome": {"passed": %s, "employment": "NONE"}}
                """.formatted(level, startDate, hours, idNumber, passed);
    }

    private static void refused(String json, String field, String rule) {
        InvalidScenarioException e = assertThrows(InvalidScenarioException.class, () -> Scenarios.parse(json, null));
        List<Violation> violations = e.violations();
        assertEquals(List.of(field + " " + rule), violations.stream().map(v -> v.field() + " " + v.rule()).toList(),
                json);
        assertFalse(violations.toString().contains(ID), violations.toString());
    }

    private static String ok(String level, String start, String hours, String passed) {
        return scenario(level, start, hours, passed, "\"" + ID + "\"");
    }

    @Test
    void theValidScenarioIsRead() {
        assertEquals("510000", Scenarios.parse(ok("\"JUNIOR\"", "\"2025-03-03\"", "80", "true"), null).region());
    }

    @Test
    void enumsAreExact() {
        refused(ok("\"0\"", "\"2025-03-03\"", "80", "true"), "class.level", "enum:SkillLevel");
        refused(ok("0", "\"2025-03-03\"", "80", "true"), "class.level", "type:string");
        refused(ok("\"JUNIOR\\u0000\"", "\"2025-03-03\"", "80", "true"), "class.level", "text:control-character");
        refused(ok("\" JUNIOR\"", "\"2025-03-03\"", "80", "true"), "class.level", "enum:SkillLevel");
        refused(ok("\"junior\"", "\"2025-03-03\"", "80", "true"), "class.level", "enum:SkillLevel");
        refused(ok("\"" + ID + "\"", "\"2025-03-03\"", "80", "true"), "class.level", "enum:SkillLevel");
    }

    @Test
    void datesAreYyyyMmDdWithin1900To2100() {
        for (String bad : List.of("\"-2025-03-03\"", "\"+2025-03-03\"", "\"1899-03-03\"", "\"2025-3-03\"",
                "\"2025-02-30\"", "20250303")) {
            InvalidScenarioException e = assertThrows(InvalidScenarioException.class,
                    () -> Scenarios.parse(ok("\"JUNIOR\"", bad, "80", "true"), null), bad);
            assertEquals("class.startDate", e.violations().get(0).field(), bad);
        }
    }

    @Test
    void booleansAndWholeNumbersAreNotCoerced() {
        refused(ok("\"JUNIOR\"", "\"2025-03-03\"", "80", "1"), "outcome.passed", "type:boolean");
        refused(ok("\"JUNIOR\"", "\"2025-03-03\"", "80", "1e22"), "outcome.passed", "type:boolean");
        refused(ok("\"JUNIOR\"", "\"2025-03-03\"", "80", "\"true\""), "outcome.passed", "type:boolean");
        refused(ok("\"JUNIOR\"", "\"2025-03-03\"", "80.0", "true"), "class.hours", "type:integer");
        refused(ok("\"JUNIOR\"", "\"2025-03-03\"", "8e1", "true"), "class.hours", "type:integer");
        refused(ok("\"JUNIOR\"", "\"2025-03-03\"", "\"80\"", "true"), "class.hours", "type:integer");
    }

    @Test
    void unpairedSurrogatesAreNotJson() {
        refused(scenario("\"JUNIOR\"", "\"2025-03-03\"", "80", "true", "\"\\ud800" + ID.substring(1) + "\""), "$", "json");
    }

    @Test
    void textWithControlCharactersIsRefused() {
        refused(scenario("\"JUNIOR\"", "\"2025-03-03\"", "80", "true", "\"" + ID + "\\u0000\""), "trainee.idNumber",
                "text:control-character");
    }
}
