package org.qiancheng.region.sichuan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.qiancheng.api.policy.PolicyDescriptor;
import org.qiancheng.api.report.Report;
import org.qiancheng.api.report.ReportData;
import org.qiancheng.api.report.ReportDefinition;
import org.qiancheng.engine.StandalonePolicy;
import org.qiancheng.engine.ReportInputs;

/** SC7: the reports of the version built here cite its own notice and compute the monthly dispatch. */
class SichuanReportsTest {

    private final SichuanPolicy policy = new SichuanPolicy();
    private final PolicyDescriptor descriptor = policy.descriptor();

    @Test
    void everyReportCitesTheNoticeOfThisVersion() throws Exception {
        String document = descriptor.documents().get(0).key();
        List<ReportDefinition> definitions = StandalonePolicy.load(policy, "test", null, "test").reports();
        assertEquals(List.of("indicators", "target-progress", "monthly-dispatch"),
                definitions.stream().map(ReportDefinition::id).toList());
        definitions.forEach(d -> assertEquals(document, d.citation().document(), d.id() + " " + d.citation()));
    }

    @Test
    void monthlyDispatchAccumulatesAndLowParticipationIsNoted() throws Exception {
        StandalonePolicy loaded = StandalonePolicy.load(policy, "test", null, "test");
        LocalDate from = descriptor.period().from();
        LocalDate to = from.plusMonths(4);
        String json = "{\"classes\": [" + record("a", from.plusDays(1), from.plusDays(20), 20, 20)
                + ", " + record("b", from.plusMonths(1).plusDays(1), from.plusMonths(1).plusDays(20), 30, 20) + "]}";
        ReportData data = ReportInputs.parse(json, descriptor.regionCode(), from, to);
        Report dispatch = loaded.report("monthly-dispatch", data).orElseThrow();
        assertEquals(2, dispatch.rows().size());
        assertEquals(50L, dispatch.rows().get(1).get(6));
        Report indicators = loaded.report("indicators", data).orElseThrow();
        assertTrue(indicators.notes().stream().anyMatch(n -> n.rule().equals("participation")), indicators.notes()
                .toString());
    }

    private static String record(String id, LocalDate start, LocalDate end, int enrolled, int evaluated) {
        return "{\"id\": \"" + id + "\", \"class\": {\"region\": \"510104\", \"occupation\": \"6-31-01-03\","
                + " \"level\": \"JUNIOR\", \"mode\": \"OFFLINE\", \"kind\": \"GENERAL\", \"startDate\": \"" + start
                + "\", \"endDate\": \"" + end + "\", \"hours\": 80}, \"results\": {\"enrolled\": " + enrolled
                + ", \"evaluated\": " + evaluated + ", \"passed\": " + evaluated + ", \"certified\": " + evaluated
                + ", \"employed\": 10, \"entrepreneurs\": 1, \"satisfaction\": 0.9}, \"subsidy\": 1000}";
    }
}
