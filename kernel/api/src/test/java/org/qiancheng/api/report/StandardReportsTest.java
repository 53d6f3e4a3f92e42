package org.qiancheng.api.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.qiancheng.api.claim.ClassFacts;
import org.qiancheng.api.claim.ClassResults;
import org.qiancheng.api.model.Citation;
import org.qiancheng.api.model.SkillLevel;
import org.qiancheng.api.model.TrainingKind;
import org.qiancheng.api.model.TrainingMode;
import org.qiancheng.api.parameter.ParameterException;
import org.qiancheng.api.parameter.ParameterValue;
import org.qiancheng.api.parameter.Parameters;

class StandardReportsTest {

    private final StandardReports reports = new StandardReports("DOC-1 §四", "DOC-1 §一", "DOC-1 §三");

    /** Parameters backed by a map, each value in force from 2020-01-01. */
    private static Parameters parameters(Map<String, Object> values) {
        return new Parameters() {
            @Override
            public ParameterValue value(String name, LocalDate on) {
                if (!values.containsKey(name)) {
                    throw new ParameterException(name + ": not declared");
                }
                return new ParameterValue(name, values.get(name));
            }

            @Override
            public org.qiancheng.api.rule.Rules rules() {
                throw new UnsupportedOperationException("these reports cite the clauses given to them");
            }

            @Override
            public LocalDate effectiveFrom(String name, LocalDate on) {
                return LocalDate.parse("2020-01-01");
            }

            @Override
            public Citation reference(String name) {
                return new Citation("DOC-1", "§九");
            }

            @Override
            public boolean declares(String name) {
                return values.containsKey(name);
            }

            @Override
            public boolean isSample(String name) {
                return false;
            }
        };
    }

    private static ClassRecord record(String id, TrainingKind kind, String end, int enrolled, int evaluated, int passed,
            int highSkilled, String subsidy) {
        LocalDate last = LocalDate.parse(end);
        return new ClassRecord(id, new ClassFacts("510100", "6-31-01-03", SkillLevel.JUNIOR, TrainingMode.OFFLINE, kind,
                last.minusDays(20), last, 80), new ClassResults(enrolled, evaluated, passed, passed / 2, passed / 2, 1,
                new BigDecimal("0.9")), highSkilled, new BigDecimal(subsidy));
    }

    private final ReportData data = new ReportData("510000", LocalDate.parse("2021-01-01"), LocalDate.parse("2021-12-31"),
            List.of(record("a", TrainingKind.GENERAL, "2021-05-20", 40, 40, 36, 2, "36000"),
                    record("b", TrainingKind.APPRENTICESHIP, "2021-05-31", 20, 16, 16, 0, "16000.50"),
                    record("c", TrainingKind.GENERAL, "2021-07-10", 40, 34, 30, 3, "30000")));

    private static final List<Object> GOALS = List.of(
            Map.of("code", "trainings", "zh", "培训", "en", "Trainings", "measure", "enrolled",
                    "target", new BigDecimal("1000"), "citation", "DOC-1 §一"),
            Map.of("code", "apprentices", "zh", "学徒", "en", "Apprentices", "measure", "apprentices",
                    "target", new BigDecimal("40"), "citation", "DOC-1 §一"));

    @Test
    void indicatorsSumTheClassesAndGiveRatesOfTheEnrolment() {
        Report report = reports.produce("indicators", data, parameters(Map.of()));
        List<Object> row = report.rows().get(0);
        assertEquals(3L, row.get(0));
        assertEquals(100L, row.get(1));
        assertEquals(new BigDecimal("0.8200"), row.get(7), "pass rate 82 of 100");
        assertEquals(new BigDecimal("0.9000"), row.get(11), "participation 90 of 100");
        assertEquals(3L, row.get(12), "classes surveyed");
        assertEquals(new BigDecimal("0.9000"), row.get(13), "satisfaction");
        assertEquals(new BigDecimal("82000.50"), row.get(14));
        assertEquals(report.columns().size(), row.size());
    }

    @Test
    void satisfactionWeighsTheSurveyedClassesByEnrolmentAndLeavesTheOthersOut() {
        LocalDate end = LocalDate.parse("2021-05-20");
        ClassFacts facts = new ClassFacts("510100", "6-31-01-03", SkillLevel.JUNIOR, TrainingMode.OFFLINE,
                TrainingKind.GENERAL, end.minusDays(20), end, 80);
        ReportData mixed = new ReportData("510000", LocalDate.parse("2021-01-01"), LocalDate.parse("2021-12-31"),
                List.of(new ClassRecord("s1", facts, new ClassResults(30, 30, 30, 0, 0, 0, new BigDecimal("0.8")), 0,
                                BigDecimal.ZERO),
                        new ClassRecord("s2", facts, new ClassResults(10, 10, 10, 0, 0, 0, BigDecimal.ONE), 0,
                                BigDecimal.ZERO),
                        new ClassRecord("n", facts, new ClassResults(60, 60, 60, 0, 0, 0, BigDecimal.ONE, false), 0,
                                BigDecimal.ZERO)));
        Report report = reports.produce("indicators", mixed, parameters(Map.of()));
        assertEquals("surveyedClasses", report.columns().get(12).key());
        assertEquals(2L, report.rows().get(0).get(12));
        assertEquals(new BigDecimal("0.8500"), report.rows().get(0).get(13), "(30 × 0.8 + 10 × 1) / 40");
    }

    @Test
    void participationBelowTheDeclaredMinimumIsNoted() {
        Report report = reports.produce("indicators", data,
                parameters(Map.of(StandardReports.PARTICIPATION_MIN, new BigDecimal("0.95"))));
        assertEquals(1, report.notes().size());
        assertTrue(report.notes().get(0).text().en().contains("0.95"));
        assertTrue(reports.produce("indicators", data,
                parameters(Map.of(StandardReports.PARTICIPATION_MIN, new BigDecimal("0.90")))).notes().isEmpty());
    }

    @Test
    void targetProgressMeasuresEachGoal() {
        Report report = reports.produce("target-progress", data, parameters(Map.of(StandardReports.GOALS, GOALS)));
        assertEquals(List.of("trainings", "培训", "Trainings", 1000L, 100L, new BigDecimal("0.1000")), report.rows().get(0));
        assertEquals(List.of("apprentices", "学徒", "Apprentices", 40L, 20L, new BigDecimal("0.5000")),
                report.rows().get(1));
        assertEquals("[DOC-1 §一]", report.notes().get(0).citation().toString());
    }

    @Test
    void monthlyDispatchGroupsByEndMonthWithACumulativeProgress() {
        Report report = reports.produce("monthly-dispatch", data, parameters(Map.of(StandardReports.GOALS, GOALS)));
        assertEquals(2, report.rows().size());
        assertEquals(List.of("2021-05", 2L, 60L, 26L, 2L, new BigDecimal("52000.50"), 60L, new BigDecimal("0.0600")),
                report.rows().get(0));
        assertEquals(100L, report.rows().get(1).get(6));
        assertEquals("[DOC-1 §三]", report.definition().citation().toString());
    }

    @Test
    void anUnknownReportIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> reports.produce("nothing", data, parameters(Map.of())));
        assertEquals(List.of("indicators", "target-progress", "monthly-dispatch"),
                reports.definitions().stream().map(ReportDefinition::id).toList());
    }
}
