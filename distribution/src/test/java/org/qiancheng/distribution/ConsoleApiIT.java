package org.qiancheng.distribution;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.qiancheng.distribution.WorkflowSteps.IF_MATCH;
import static org.qiancheng.distribution.WorkflowSteps.assertProblem;
import static org.qiancheng.distribution.WorkflowSteps.body;
import static org.qiancheng.distribution.WorkflowSteps.classDraft;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.qiancheng.api.security.Role;

/**
 * What the operator console reads: the session with its permissions and language, and the dashboard's
 * figures after a small workflow, within the user's regions only.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ConsoleApiIT extends WorkflowTestSupport {

    @Test
    public void theSessionTellsThePermissionsAndKeepsTheLanguageOnTheAccount() throws Exception {
        Http reviewer = http.staff().member(http, "console.reviewer", Set.of(Role.REVIEWER), "510000");
        JsonNode session = reviewer.get("/session").body();
        assertEquals("zh", session.get("language").asText());
        // the platform's today, which the console proposes dates by: the test's fixed clock, not this machine's
        java.time.Clock clock = context.getService(context.getServiceReference(java.time.Clock.class));
        assertEquals(LocalDate.now(clock).toString(), session.get("today").asText());
        List<String> permissions = new ArrayList<>();
        session.get("permissions").forEach(p -> permissions.add(p.asText()));
        assertTrue(permissions.toString(), permissions.contains("claim.review"));
        assertTrue(permissions.toString(), permissions.contains("report.read"));
        assertFalse(permissions.toString(), permissions.contains("claim.compute"));
        assertEquals("sorted", permissions.stream().sorted().toList(), permissions);

        long version = session.get("user").get("version").asLong();
        Http.Answer chosen = reviewer.put("/session/language", "{\"language\": \"en\"}");
        assertEquals(body(chosen), 200, chosen.status());
        assertEquals("en", chosen.body().get("language").asText());
        JsonNode after = reviewer.get("/session").body();
        assertEquals("en", after.get("language").asText());
        assertEquals("a preference leaves the account's version alone", version,
                after.get("user").get("version").asLong());
        assertEquals("zh for the others", "zh", http.as(Role.CLERK).get("/session").body().get("language").asText());

        for (String wrong : List.of("{\"language\": \"fr\"}", "{\"language\": \"EN\"}", "{\"language\": \" en\"}",
                "{\"language\": null}", "{}")) {
            Http.Answer refused = reviewer.put("/session/language", wrong);
            assertEquals(wrong + " " + body(refused), 422, refused.status());
            assertEquals(wrong, "language", refused.body().get("violations").get(0).get("field").asText());
        }
        assertProblem(reviewer.put("/session/language", "{\"language\": 1}"), 422, "language", "type:string");
        assertEquals("en", reviewer.get("/session").body().get("language").asText());
        assertEquals(401, http.anonymous().put("/session/language", "{\"language\": \"en\"}").status());
    }

    @Test
    public void theDashboardCountsAYearOfTheUsersRegionsOnly() throws Exception {
        Http wenjiang = http.staff().member(http, "console.wenjiang", Set.of(Role.CLERK), "510115");
        Http xian = http.staff().member(http, "console.xian", Set.of(Role.REVIEWER), "610100");
        JsonNode empty = wenjiang.get("/dashboard?year=2026").body();
        assertEquals(0, empty.get("classes").get("total").asLong());

        // a class in Wenjiang, two trainees: one attends every day, passes, is certified and employed
        long institution = steps.institution("成都市温江区控制台测试学校", "510100");
        long project = steps.publishedProject("""
                {"regionCode": "510000", "name": "电工控制台", "occupationCode": "6-31-01-03", "level": "JUNIOR",
                 "headcount": 30}""").body().get("id").asLong();
        long course = steps.created("/classes", classDraft(project, institution, "510115", "2026-12-07",
                "2026-12-10")).body().get("id").asLong();
        long a = steps.created("/trainees", "{\"idNumber\": \"510104199001010078\", \"name\": \"控制台甲\"}")
                .body().get("id").asLong();
        long b = steps.created("/trainees", "{\"idNumber\": \"510104199102020080\", \"name\": \"控制台乙\"}")
                .body().get("id").asLong();
        long enrolmentA = steps.enrol(course, a);
        long enrolmentB = steps.enrol(course, b);
        JsonNode filed = wenjiang.get("/dashboard?year=2026").body();
        assertEquals(1, filed.get("classes").get("byStatus").get("FILED").asLong());
        assertEquals(2, filed.get("trainees").asLong());

        today("2026-12-10");
        for (LocalDate day = LocalDate.parse("2026-12-07"); !day.isAfter(LocalDate.parse("2026-12-10"));
                day = day.plusDays(1)) {
            steps.checkIn(enrolmentA, day);
        }
        assertEquals(1, wenjiang.get("/dashboard").body().get("classes").get("byStatus").get("RUNNING").asLong());
        today("2026-12-11");
        steps.recordOutcome(enrolmentA, """
                {"passed": true, "certificate": {"kind": "SKILL_LEVEL", "level": "JUNIOR", "issuedOn": "2026-12-11"},
                 "employment": "STABLE", "employedOn": "2026-12-11"}""");
        steps.recordOutcome(enrolmentB, "{\"passed\": false, \"employment\": \"NONE\"}");
        steps.survey(course, 2, 2, "2026-12-11");
        Http.Answer computed = http.post("/classes/" + course + "/claims", "");
        assertEquals(body(computed), 200, computed.status());
        BigDecimal computedSum = BigDecimal.ZERO;
        long claimA = 0;
        for (JsonNode claim : computed.body()) {
            computedSum = computedSum.add(claim.get("amount").decimalValue());
            if (claim.get("enrolmentId").asLong() == enrolmentA) {
                claimA = claim.get("id").asLong();
            }
        }
        assertTrue(computedSum.signum() > 0);

        today("2026-12-12");
        Http.Answer read = http.get("/claims/" + claimA);
        BigDecimal amountA = read.body().get("amount").decimalValue();
        Http.Answer approved = http.send("POST", "/claims/" + claimA + "/review", "{\"approve\": true}", IF_MATCH,
                read.header("ETag"));
        assertEquals(body(approved), 200, approved.status());
        Http.Answer paid = http.send("POST", "/claims/" + claimA + "/disbursements", "{\"kind\": \"BALANCE\"}");
        assertEquals(body(paid), 201, paid.status());
        long pending = 0;
        for (JsonNode claim : http.get("/claims?classId=" + course).body().get("items")) {
            String status = claim.get("status").asText();
            pending += status.equals("COMPUTED") || status.equals("FLAGGED") ? 1 : 0;
        }

        Http.Answer answer = wenjiang.get("/dashboard?year=2026");
        assertEquals(body(answer), 200, answer.status());
        JsonNode dashboard = answer.body();
        assertEquals(2026, dashboard.get("year").asInt());
        assertEquals("[\"510115\"]", dashboard.get("regions").toString());
        assertFalse(dashboard.get("allRegions").asBoolean());
        assertEquals(1, dashboard.get("classes").get("total").asLong());
        assertEquals(1, dashboard.get("classes").get("byStatus").get("ENDED").asLong());
        assertEquals(0, dashboard.get("classes").get("byStatus").get("FILED").asLong());
        assertEquals(2, dashboard.get("trainees").asLong());
        JsonNode funnel = dashboard.get("funnel");
        assertEquals(List.of(2L, 1L, 1L, 1L), List.of(funnel.get("enrolled").asLong(), funnel.get("passed").asLong(),
                funnel.get("certified").asLong(), funnel.get("employed").asLong()));
        JsonNode months = dashboard.get("money").get("byMonth");
        assertEquals(12, months.size());
        assertEquals("2026-01", months.get(0).get("month").asText());
        JsonNode december = months.get(11);
        assertEquals("2026-12", december.get("month").asText());
        assertEquals(0, computedSum.compareTo(december.get("computed").decimalValue()));
        assertEquals(0, amountA.compareTo(december.get("approved").decimalValue()));
        assertEquals(0, amountA.compareTo(december.get("paid").decimalValue()));
        assertEquals("two decimals", 2, december.get("paid").decimalValue().scale());
        assertEquals(0, BigDecimal.ZERO.compareTo(months.get(10).get("computed").decimalValue()));
        JsonNode region = dashboard.get("money").get("byRegion");
        assertEquals(1, region.size());
        assertEquals("510115", region.get(0).get("region").asText());
        assertEquals(0, computedSum.compareTo(region.get(0).get("computed").decimalValue()));
        JsonNode queue = dashboard.get("reviewQueue");
        assertEquals(pending, queue.get("pending").asLong());
        assertEquals(4, queue.get("byAge").size());
        assertEquals("0-2", queue.get("byAge").get(0).get("bucket").asText());
        assertEquals(pending, queue.get("byAge").get(0).get("count").asLong());
        assertEquals(pending == 0 ? 0 : 1, queue.get("oldestDays").asLong());
        assertEquals(0, dashboard.get("targets").size());

        // the money of Chengdu is not Xi'an's, nor is the year before anybody's
        JsonNode other = xian.get("/dashboard?year=2026").body();
        assertEquals("[\"610100\"]", other.get("regions").toString());
        assertEquals(0, other.get("classes").get("total").asLong());
        assertEquals(0, other.get("money").get("byRegion").size());
        assertEquals(0, BigDecimal.ZERO.compareTo(other.get("money").get("byMonth").get(11).get("computed")
                .decimalValue()));
        assertEquals(0, other.get("reviewQueue").get("pending").asLong());
        assertEquals(0, wenjiang.get("/dashboard?year=2025").body().get("classes").get("total").asLong());
        JsonNode all = http.as(Role.AUDITOR).get("/dashboard?year=2026").body();
        assertTrue(all.get("allRegions").asBoolean());
        assertTrue(all.get("money").get("byMonth").get(11).get("computed").decimalValue().compareTo(computedSum) >= 0);

        for (String year : List.of("26", "20261", "abcd", "1899", "2101", "-2026", "+202")) {
            Http.Answer refused = wenjiang.get("/dashboard?year=" + year);
            assertEquals(year + " " + body(refused), 422, refused.status());
            assertEquals("year", refused.body().get("violations").get(0).get("field").asText());
        }
        assertEquals(403, http.as(Role.SECURITY_ADMIN).get("/dashboard").status());
    }

    @Test
    public void theAuditTrailIsFilteredAndExportedAsCsvThatASpreadsheetReadsSafely() throws Exception {
        // an institution named like a formula, by the clerk, today
        long id = steps.institution("=HYPERLINK(\\\"http://x\\\") 成都市导出测试学校", "510100");
        String day = BASE_DAY.toString();
        JsonNode mine = http.get("/audit?entity=institution&entityId=" + id + "&actor=clerk&from=" + day + "&to=" + day)
                .body();
        assertEquals(1, mine.get("total").asLong());
        assertEquals(0, http.get("/audit?entity=institution&entityId=" + id + "&actor=reviewer").body().get("total")
                .asLong());
        assertEquals(0, http.get("/audit?entity=institution&entityId=" + id + "&from=" + BASE_DAY.plusDays(1))
                .body().get("total").asLong());
        assertEquals(1, http.get("/audit?entity=institution&entityId=" + id + "&to=" + day).body().get("total")
                .asLong());
        assertProblem(http.get("/audit?from=2026-12-02&to=2026-12-01"), 422, "from", "not-after:to");
        assertProblem(http.get("/audit?from=2026-02-30"), 422, "from", "format:date");
        assertProblem(http.get("/audit/export?to=26-12-01"), 422, "to", "format:date");
        assertProblem(http.get("/audit/export?entity=spaceship"), 422, "entity", "enum");
        assertEquals(403, http.as(Role.CLERK).get("/audit/export").status());

        java.net.http.HttpResponse<byte[]> file = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:"
                        + context.getProperty("org.osgi.service.http.port") + "/api/v1/audit/export?entity=institution"
                        + "&entityId=" + id + "&from=" + day + "&to=" + day)).header("Authorization", "Bearer "
                        + http.staff().token("auditor")).build(), java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, file.statusCode());
        assertEquals("text/csv;charset=UTF-8", file.headers().firstValue("Content-Type").orElse("").replace(" ", ""));
        assertEquals("attachment; filename=\"audit-" + day + "-" + day + ".csv\"; filename*=UTF-8''audit-" + day + "-"
                + day + ".csv", file.headers().firstValue("Content-Disposition").orElse(""));
        byte[] bytes = file.body();
        assertEquals("a UTF-8 byte-order mark", List.of((byte) 0xEF, (byte) 0xBB, (byte) 0xBF),
                List.of(bytes[0], bytes[1], bytes[2]));
        List<String> lines = new String(bytes, java.nio.charset.StandardCharsets.UTF_8).substring(1).lines().toList();
        assertEquals(lines.toString(), 2, lines.size());
        assertTrue(lines.get(0), lines.get(0).startsWith("编号 / id,链序号 / sequence,时间 / at,操作人 / actor"));
        assertTrue(lines.get(1), lines.get(1).contains(",clerk,institution.created,institution," + id + ","));
        assertTrue(lines.get(1), lines.get(1).contains("+08:00,"));
        assertTrue("the name inside the JSON cell is quoted text", lines.get(1).contains("成都市导出测试学校"));

        JsonNode exports = http.get("/audit?entity=audit&actor=auditor").body();
        assertTrue(exports.toString(), exports.get("total").asLong() >= 1);
        JsonNode export = exports.get("items").get(0);
        assertEquals("audit.export", export.get("action").asText());
        assertTrue(export.get("after").asText(), export.get("after").asText().contains("\"entityId\":" + id));
    }
}
