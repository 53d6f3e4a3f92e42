package org.qiancheng.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.qiancheng.api.claim.ParameterUse;
import org.qiancheng.api.model.Citation;
import org.qiancheng.api.model.LocalizedText;
import org.qiancheng.api.parameter.ParameterException;
import org.qiancheng.api.parameter.ParameterSpec;

/** Reads the files under {@code src/test/resources/parameters/testkit_fixture/}. */
class ParameterSetTest {

    private static final String RATE = "testkit_fixture/dated_rate";
    private static final String STANDARD = "testkit_fixture/standard";
    private static final LocalDate JAN_2025 = LocalDate.of(2025, 1, 1);
    private static final LocalDate JAN_2026 = LocalDate.of(2026, 1, 1);
    private static final Citation DOC_1_ONE = new Citation("DOC-1", "§一");

    private final ClassLoader loader = getClass().getClassLoader();

    private ParameterSet load(ParameterSpec... specs) {
        return ParameterSet.load(loader, List.of(specs));
    }

    private List<String> problems(ParameterSpec... specs) {
        return assertThrows(ParameterException.class, () -> load(specs)).problems();
    }

    private List<String> problems(Map<String, Object> overrides, ParameterSpec... specs) {
        return assertThrows(ParameterException.class, () -> ParameterSet.load(loader, List.of(specs), overrides))
                .problems();
    }

    @Test
    void eachValueAppliesFromItsStartDateUntilTheNextOne() {
        ParameterSet set = load(ParameterSpec.number(RATE));
        assertEquals(new BigDecimal("0.20"), set.value(RATE, JAN_2025).decimal());
        assertEquals(new BigDecimal("0.20"), set.value(RATE, LocalDate.of(2025, 12, 31)).decimal());
        assertEquals(new BigDecimal("0.25"), set.value(RATE, JAN_2026).decimal(), "the boundary day takes the new value");
        assertEquals(new BigDecimal("0.25"), set.value(RATE, LocalDate.of(2040, 1, 1)).decimal());
    }

    @Test
    void effectiveFromIsTheStartDateOfTheValueInForce() {
        ParameterSet set = load(ParameterSpec.number(RATE));
        assertEquals(JAN_2025, set.effectiveFrom(RATE, LocalDate.of(2025, 12, 31)));
        assertEquals(JAN_2026, set.effectiveFrom(RATE, JAN_2026));
    }

    @Test
    void aDayBeforeTheFirstValueHasNoValue() {
        ParameterSet set = load(ParameterSpec.number(RATE));
        var none = assertThrows(ParameterException.class, () -> set.value(RATE, LocalDate.of(2024, 12, 31)));
        assertEquals(RATE + ": no value in force on 2024-12-31 (first value from 2025-01-01)", none.getMessage());
        assertThrows(ParameterException.class, () -> set.effectiveFrom(RATE, LocalDate.of(2024, 12, 31)));
    }

    @Test
    void aValueOfAPathIsNamedByParameterAndStartDate() {
        ParameterSet set = load(ParameterSpec.table(STANDARD));
        assertEquals(new BigDecimal("1500"), set.value(STANDARD, JAN_2025).decimal("4-10-01-05", "INTERMEDIATE"));
        var missing = assertThrows(ParameterException.class,
                () -> set.value(STANDARD, JAN_2025).decimal("4-10-01-05", "SENIOR"));
        assertEquals(STANDARD + "@2025-01-01[4-10-01-05][SENIOR]: missing", missing.getMessage());
    }

    @Test
    void theFileDescribesTheParameter() {
        ParameterSet set = load(ParameterSpec.number(RATE), ParameterSpec.table(STANDARD));
        ParameterFile rate = set.files().stream().filter(f -> f.name().equals(RATE)).findFirst().orElseThrow();
        assertEquals(new LocalizedText("考核评价补贴占比", "Assessment share of the subsidy"), rate.description());
        assertEquals("ratio", rate.unit());
        assertEquals(DOC_1_ONE, rate.reference());
        assertEquals(List.of(JAN_2025, JAN_2026), List.copyOf(rate.values().keySet()));
        assertFalse(rate.sample());
        assertTrue(set.sample(), "the standard is marked as sample data");
        assertEquals(DOC_1_ONE, set.reference(RATE));
    }

    @Test
    void aParameterTheSetDoesNotHoldIsAProblem() {
        ParameterSet set = load(ParameterSpec.number(RATE));
        var undeclared = assertThrows(ParameterException.class, () -> set.value(STANDARD, JAN_2025));
        assertEquals(STANDARD + ": not declared by the policy (declared: " + RATE + ")", undeclared.getMessage());
        assertThrows(ParameterException.class, () -> set.reference(STANDARD));
    }

    @Test
    void everyValueBelowTheMinimumIsListedSeparately() {
        List<String> problems = problems(ParameterSpec.table(STANDARD).atLeast("2000"));
        assertEquals(List.of(
                STANDARD + "@2025-01-01[4-10-01-05][JUNIOR]: 1000 is below the minimum 2000 set by [DOC-1 §二]",
                STANDARD + "@2025-01-01[4-10-01-05][INTERMEDIATE]: 1500 is below the minimum 2000 set by [DOC-1 §二]"),
                problems);
    }

    @Test
    void aBoundNamesTheClauseThatSetsIt() {
        List<String> problems = problems(ParameterSpec.table(STANDARD).atMost("2000").boundBy("XA-2025 §二(二)"));
        assertEquals(List.of(STANDARD
                + "@2025-01-01[6-25-03-00][JUNIOR]: 2500 is above the maximum 2000 set by [XA-2025 §二(二)]"),
                problems);
    }

    @Test
    void valuesWithinTheBoundsAreAccepted() {
        ParameterSet set = load(ParameterSpec.number(RATE).atLeast("0.20").atMost("0.25"));
        assertEquals(new BigDecimal("0.25"), set.value(RATE, JAN_2026).decimal());
    }

    @Test
    void aMissingFileIsReportedWithItsResourcePath() {
        assertEquals(List.of("testkit_fixture/absent: file parameters/testkit_fixture/absent.json"
                + " not found in the policy's bundle"), problems(ParameterSpec.number("testkit_fixture/absent")));
    }

    @Test
    void aValueOfTheWrongShapeIsAProblem() {
        assertEquals(List.of(STANDARD + "@2025-01-01: expected a number"), problems(ParameterSpec.number(STANDARD)));
        assertEquals(List.of(RATE + "@2025-01-01: expected an object with numbers at its leaves",
                RATE + "@2026-01-01: expected an object with numbers at its leaves"),
                problems(ParameterSpec.table(RATE)));
        assertEquals(List.of(RATE + "@2025-01-01: expected a list", RATE + "@2026-01-01: expected a list"),
                problems(ParameterSpec.list(RATE)));
    }

    @Test
    void anEmptyTableSaysNone() {
        String shortage = "testkit_fixture/empty_table";
        ParameterSet set = load(ParameterSpec.table(shortage).atLeast("0").atMost("0.30"));
        assertTrue(set.value(shortage, JAN_2025).has("6-31-01-03"));
        assertFalse(set.value(shortage, JAN_2026).has("6-31-01-03"), "from 2026 the table is {}: none");
        assertEquals(JAN_2026, set.effectiveFrom(shortage, JAN_2026));
        ParameterSet overridden = ParameterSet.load(loader, List.of(ParameterSpec.table(STANDARD)),
                Map.of(STANDARD, Map.of("2025-01-01", Map.of())));
        assertFalse(overridden.value(STANDARD, JAN_2025).has("4-10-01-05"), "an override may say none too");
    }

    @Test
    void anEmptyMemberInsideATableIsAProblem() {
        assertEquals(List.of(STANDARD + "@2025-01-01: expected an object with numbers at its leaves"),
                problems(Map.of(STANDARD, Map.of("2025-01-01", Map.of("4-10-01-05", Map.of()))),
                        ParameterSpec.table(STANDARD)));
    }

    @Test
    void anUnknownFieldInTheFileIsAProblem() {
        assertEquals(List.of("testkit_fixture/unknown_field: unknown field \"source\""),
                problems(ParameterSpec.number("testkit_fixture/unknown_field")));
    }

    @Test
    void aFileThatIsNotJsonIsAProblemWithThePosition() {
        assertEquals(List.of("testkit_fixture/broken: parameters/testkit_fixture/broken.json is not valid JSON:"
                + " expected a quoted key at line 5, column 30"), problems(ParameterSpec.number("testkit_fixture/broken")));
    }

    @Test
    void theProblemsOfEveryFileAreCollectedBeforeRefusing() {
        List<String> problems = problems(ParameterSpec.number("testkit_fixture/absent"),
                ParameterSpec.number(STANDARD), ParameterSpec.number("testkit_fixture/unknown_field"),
                ParameterSpec.number(RATE), ParameterSpec.number(RATE));
        assertEquals(4, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("testkit_fixture/absent: file"), problems.get(0));
        assertTrue(problems.get(1).startsWith(STANDARD + "@2025-01-01: expected a number"), problems.get(1));
        assertTrue(problems.get(2).startsWith("testkit_fixture/unknown_field: unknown field"), problems.get(2));
        assertEquals(RATE + ": declared twice", problems.get(3));
    }

    @Test
    void anOverrideReplacesTheValuesOfTheFile() {
        ParameterSet set = ParameterSet.load(loader, List.of(ParameterSpec.number(RATE).atMost("0.30")),
                Map.of(RATE, Map.of("2025-06-01", new BigDecimal("0.30"))));
        assertEquals(new BigDecimal("0.30"), set.value(RATE, JAN_2026).decimal());
        assertEquals(LocalDate.of(2025, 6, 1), set.effectiveFrom(RATE, JAN_2026));
        assertThrows(ParameterException.class, () -> set.value(RATE, JAN_2025), "the file's values are gone");
        assertEquals(DOC_1_ONE, set.reference(RATE), "the rest of the file stays");
    }

    @Test
    void anOverrideIsCheckedAgainstTheBounds() {
        List<String> problems = problems(Map.of(RATE, Map.of("2025-01-01", new BigDecimal("0.35"))),
                ParameterSpec.number(RATE).atLeast("0.20").atMost("0.30"));
        assertEquals(List.of(RATE + "@2025-01-01: 0.35 is above the maximum 0.30 set by [DOC-1 §一]"), problems);
    }

    @Test
    void anOverrideWithABadStartDateIsAProblem() {
        List<String> problems = problems(Map.of(RATE, Map.of("1 Jan 2025", new BigDecimal("0.20"))),
                ParameterSpec.number(RATE));
        assertEquals(List.of(RATE + ": \"1 Jan 2025\" is not a start date (YYYY-MM-DD)"), problems);
    }

    @Test
    void overridingAParameterThePolicyDoesNotDeclareIsAProblem() {
        List<String> problems = problems(Map.of("testkit_fixture/undeclared", Map.of("2025-01-01", BigDecimal.ONE)),
                ParameterSpec.number(RATE));
        assertEquals(List.of("testkit_fixture/undeclared: overridden but not declared by the policy"), problems);
    }

    @Test
    void trackedParametersRecordEachValueReadOnce() {
        TrackedParameters tracked = load(ParameterSpec.number(RATE), ParameterSpec.table(STANDARD)).tracked();
        tracked.value(RATE, LocalDate.of(2025, 3, 3));
        tracked.value(STANDARD, LocalDate.of(2025, 3, 3));
        tracked.value(RATE, LocalDate.of(2025, 9, 1));
        tracked.value(RATE, LocalDate.of(2026, 3, 3));
        assertEquals(List.of(new ParameterUse(RATE, JAN_2025, DOC_1_ONE),
                new ParameterUse(STANDARD, JAN_2025, new Citation("DOC-1", "§二")),
                new ParameterUse(RATE, JAN_2026, DOC_1_ONE)), tracked.uses());
    }

    @Test
    void trackedParametersDoNotRecordLookupsOfReferencesOrDates() {
        TrackedParameters tracked = load(ParameterSpec.number(RATE)).tracked();
        assertEquals(DOC_1_ONE, tracked.reference(RATE));
        assertEquals(JAN_2026, tracked.effectiveFrom(RATE, JAN_2026));
        assertTrue(tracked.uses().isEmpty());
    }

    @Test
    void eachTrackedViewStartsEmpty() {
        ParameterSet set = load(ParameterSpec.number(RATE));
        set.tracked().value(RATE, JAN_2025);
        assertTrue(set.tracked().uses().isEmpty());
    }

    @Test
    void aValueWithoutAValueInForceIsNotRecorded() {
        TrackedParameters tracked = load(ParameterSpec.number(RATE)).tracked();
        assertThrows(ParameterException.class, () -> tracked.value(RATE, LocalDate.of(2024, 1, 1)));
        assertTrue(tracked.uses().isEmpty());
    }

    @Test
    void aNullInsideAValueIsListedAsAProblem() {
        List<String> problems = problems(ParameterSpec.object("testkit_fixture/with_null"),
                ParameterSpec.number("testkit_fixture/absent"));
        assertEquals(2, problems.size(), problems.toString());
    }
}
