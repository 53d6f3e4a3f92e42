package org.qiancheng.engine;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.qiancheng.api.claim.ClassFacts;
import org.qiancheng.api.claim.ClassResults;
import org.qiancheng.api.report.ClassRecord;
import org.qiancheng.api.report.ReportData;
import org.qiancheng.engine.internal.Fields;
import org.qiancheng.engine.internal.Json;
import org.qiancheng.engine.internal.JsonException;

/**
 * Reads a report's data set given inline, for computing a report over supplied classes:
 * {@code {"classes": [{"id", "class": {…}, "results": {…}, "highSkilledCertified", "subsidy"}]}},
 * with {@code class} and {@code results} as in a scenario.
 */
public final class ReportInputs {

    private ReportInputs() {
    }

    /**
     * @param json the data set
     * @param region the report's region; the default of each class's region
     * @param from first day of the period
     * @param to last day of the period
     * @return the data set, with only the classes that ended in the period
     * @throws InvalidScenarioException listing every broken rule with its field path
     */
    public static ReportData parse(String json, String region, LocalDate from, LocalDate to) {
        Object tree;
        try {
            tree = Json.parse(json);
        } catch (JsonException e) {
            throw new InvalidScenarioException(List.of(new Violation("$", "json", e.getMessage())));
        }
        List<Violation> violations = new ArrayList<>();
        Fields top = new Fields("", tree, violations, List.of("classes"));
        List<?> listed = top.list("classes");
        List<ClassRecord> records = new ArrayList<>();
        for (int i = 0; i < listed.size(); i++) {
            String path = "classes[" + i + "]";
            Fields entry = new Fields(path, listed.get(i), violations,
                    List.of("id", "class", "results", "highSkilledCertified", "subsidy"));
            String id = entry.has("id") ? entry.text("id", true) : Integer.toString(i + 1);
            ClassFacts facts = Scenarios.classFacts(new Fields(path + ".class", entry.raw("class"), violations,
                    List.of("region", "occupation", "level", "mode", "kind", "startDate", "endDate", "hours")), region);
            ClassResults results = Scenarios.results(new Fields(path + ".results", entry.raw("results"), violations,
                    List.of("enrolled", "evaluated", "passed", "certified", "employed", "entrepreneurs", "satisfaction",
                            "surveyed")));
            Integer highSkilled = entry.has("highSkilledCertified") ? entry.integer("highSkilledCertified", true, 0)
                    : Integer.valueOf(0);
            BigDecimal subsidy = entry.has("subsidy") ? entry.decimal("subsidy", true, BigDecimal.ZERO, null)
                    : BigDecimal.ZERO;
            if (id != null && facts != null && results != null && highSkilled != null && subsidy != null
                    && !facts.endDate().isBefore(from) && !facts.endDate().isAfter(to)) {
                records.add(new ClassRecord(id, facts, results, highSkilled, subsidy));
            }
        }
        if (!violations.isEmpty()) {
            throw new InvalidScenarioException(violations);
        }
        return new ReportData(region, from, to, records);
    }
}
