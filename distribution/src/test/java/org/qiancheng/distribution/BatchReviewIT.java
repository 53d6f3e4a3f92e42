package org.qiancheng.distribution;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.qiancheng.distribution.WorkflowSteps.assertProblem;
import static org.qiancheng.distribution.WorkflowSteps.body;
import static org.qiancheng.distribution.WorkflowSteps.classDraft;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.qiancheng.api.security.Role;

/**
 * The review queue as the console works it: filtered by region and summed, reviewed in batches (the
 * rows ticked, or every claim a filter selects once the user confirmed its count and total), each
 * claim by the single review's rules; and the downloads operators file, the class roster (花名册) and
 * the payment list (拨付清单).
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class BatchReviewIT extends WorkflowTestSupport {

    private static final String REVIEWS = "/claims/reviews";

    @Test
    public void batchesFollowTheSingleReviewsRulesAndDownloadsAreWhatOperatorsFile() throws Exception {
        // who computes class B also reviews: only the person rule stops them on B's claims
        Http both = http.staff().member(http, "batch.li", Set.of(Role.CLERK, Role.REVIEWER), "510000");
        Http xian = http.staff().member(http, "batch.xian", Set.of(Role.REVIEWER), "610100");

        long institution = steps.institution("成都市批量审核测试学校", "510100");
        long project = steps.publishedProject("""
                {"regionCode": "510000", "name": "批量审核测试", "occupationCode": "6-31-01-03", "level": "JUNIOR",
                 "headcount": 30}""").body().get("id").asLong();
        long classA = steps.created("/classes", classDraft(project, institution, "510104", "2026-12-07",
                "2026-12-11")).body().get("id").asLong();
        long classB = steps.created("/classes", classDraft(project, institution, "510104", "2026-12-07",
                "2026-12-11")).body().get("id").asLong();
        List<Long> enrolments = new java.util.ArrayList<>();
        String[] names = {"批量甲", "批量乙", "批量丙", "批量丁"};
        String[] ids = {"510104199001010011", "510104199001020012", "510104199001030013", "510104199001040014"};
        for (int i = 0; i < names.length; i++) {
            long trainee = steps.created("/trainees", "{\"idNumber\": \"" + valid(ids[i]) + "\", \"name\": \""
                    + names[i] + "\"}").body().get("id").asLong();
            enrolments.add(steps.enrol(i < 3 ? classA : classB, trainee));
        }
        today("2026-12-11");
        for (int i = 0; i < enrolments.size(); i++) {
            // the third of class A attends 2 days of 5: below the threshold, its claim is FLAGGED
            for (int day = 7; day < (i == 2 ? 9 : 12); day++) {
                steps.checkIn(enrolments.get(i), LocalDate.of(2026, 12, day));
            }
        }
        today("2026-12-12");
        for (long enrolment : enrolments) {
            steps.recordOutcome(enrolment, "{\"passed\": true, \"employment\": \"NONE\"}");
        }
        steps.survey(classA, 3, 3, "2026-12-12");
        steps.survey(classB, 1, 1, "2026-12-12");
        JsonNode claimsA = http.post("/classes/" + classA + "/claims", "").body();
        Http.Answer computedB = both.post("/classes/" + classB + "/claims", "");
        assertEquals(body(computedB), 200, computedB.status());
        long b = computedB.body().get(0).get("id").asLong();
        Map<String, List<Long>> byStatus = new HashMap<>();
        claimsA.forEach(c -> byStatus.computeIfAbsent(c.get("status").asText(), s -> new java.util.ArrayList<>())
                .add(c.get("id").asLong()));
        assertEquals(claimsA.toString(), 2, byStatus.get("COMPUTED").size());
        assertEquals(claimsA.toString(), 1, byStatus.get("FLAGGED").size());
        long a1 = byStatus.get("COMPUTED").get(0);
        long a2 = byStatus.get("COMPUTED").get(1);
        long flagged = byStatus.get("FLAGGED").get(0);

        // the queue: filtered by the class's area, counted and summed by the server
        JsonNode inChengdu = http.get("/claims?classId=" + classA + "&region=510100").body();
        assertEquals(3, inChengdu.get("total").asLong());
        assertEquals(0, http.get("/claims?classId=" + classA + "&region=510105").body().get("total").asLong());
        assertProblem(http.get("/claims?region=5101"), 422, "region", "gb2260");
        JsonNode flaggedSummary = http.get("/claims/summary?classId=" + classA + "&status=FLAGGED").body();
        assertEquals(1, flaggedSummary.get("count").asLong());
        assertTrue(flaggedSummary.toString(), flaggedSummary.get("total").isTextual());
        assertTrue(flaggedSummary.toString(), flaggedSummary.get("total").asText().matches("[0-9]+\\.[0-9]{2}"));
        JsonNode allA = http.get("/claims/summary?classId=" + classA).body();
        assertEquals(3, allA.get("count").asLong());
        assertEquals(0, xian.get("/claims/summary?classId=" + classA).body().get("count").asLong());

        // strict requests: 422 naming the field, nothing reviewed
        WorkflowSteps.assertProblemNaming(both.post(REVIEWS, "{\"decision\": \"MAYBE\", \"ids\": [" + a1 + "]}"), 422, "decision");
        assertProblem(both.post(REVIEWS, "{\"decision\": \"APPROVE\", \"ids\": []}"), 422, "ids", "range:1-500");
        assertProblem(both.post(REVIEWS, "{\"decision\": \"APPROVE\"}"), 422, "ids", "one-of:ids|filter");
        assertProblem(both.post(REVIEWS, "{\"decision\": \"APPROVE\", \"ids\": [" + a1 + "], \"filter\": {},"
                + " \"expect\": {\"count\": 1, \"total\": \"1.00\"}}"), 422, "ids", "one-of:ids|filter");
        String many = LongStream.rangeClosed(1, 501).mapToObj(Long::toString).collect(Collectors.joining(","));
        assertProblem(both.post(REVIEWS, "{\"decision\": \"APPROVE\", \"ids\": [" + many + "]}"), 422, "ids",
                "range:1-500");
        assertProblem(both.post(REVIEWS, "{\"decision\": \"REJECT\", \"ids\": [" + a1 + "]}"), 422, "reason",
                "required");

        // a Xi'an reviewer cannot touch Chengdu claims: each refused as not found, nothing changed
        JsonNode foreign = ok(xian.post(REVIEWS, "{\"decision\": \"REJECT\", \"reason\": \"越权 out of area\", "
                + "\"ids\": [" + a1 + ", " + flagged + "]}"));
        for (JsonNode result : foreign.get("results")) {
            assertEquals(result.toString(), "REFUSED", result.get("outcome").asText());
            assertTrue(result.toString(), result.get("status").isNull());
            assertEquals(result.toString(), 404, result.get("problem").get("status").asInt());
        }
        assertEquals(2, foreign.get("counts").get("REFUSED").asInt());
        assertEquals("COMPUTED", status(a1));
        assertEquals("FLAGGED", status(flagged));

        // ticked rows: approved, a flagged claim without a reason, and the reviewer's own computation
        String ticked = "{\"decision\": \"APPROVE\", \"ids\": [" + a1 + ", " + a2 + ", " + flagged + ", " + b + "]}";
        JsonNode first = ok(both.post(REVIEWS, ticked));
        assertEquals("APPROVE", first.get("decision").asText());
        assertOutcome(first, 0, a1, "APPROVED", "APPROVED");
        assertOutcome(first, 1, a2, "APPROVED", "APPROVED");
        assertOutcome(first, 2, flagged, "REFUSED", "FLAGGED");
        assertEquals(422, first.get("results").get(2).get("problem").get("status").asInt());
        assertEquals("reason", first.get("results").get(2).get("problem").get("field").asText());
        assertOutcome(first, 3, b, "REFUSED", "COMPUTED");
        JsonNode duty = first.get("results").get(3).get("problem");
        assertEquals(duty.toString(), 403, duty.get("status").asInt());
        assertEquals(duty.toString(), "separation-of-duties", duty.get("rule").asText());
        assertTrue(duty.toString(), duty.get("detailZh").asText().length() > 0);
        assertEquals(Map.of("APPROVED", 2, "REJECTED", 0, "UNCHANGED", 0, "REFUSED", 2), counts(first));
        JsonNode trail = http.as(Role.AUDITOR).get("/audit?entity=claim&entityId=" + a1).body().get("items");
        assertEquals(trail.toString(), 1, count(trail, "claim.approved"));
        assertEquals(trail.toString(), "batch.li", find(trail, "claim.approved").get("actor").asText());

        // the same batch again changes nothing and says so
        JsonNode again = ok(both.post(REVIEWS, ticked));
        assertOutcome(again, 0, a1, "UNCHANGED", "APPROVED");
        assertOutcome(again, 1, a2, "UNCHANGED", "APPROVED");
        assertEquals(Map.of("APPROVED", 0, "REJECTED", 0, "UNCHANGED", 2, "REFUSED", 2), counts(again));
        trail = http.as(Role.AUDITOR).get("/audit?entity=claim&entityId=" + a1).body().get("items");
        assertEquals(trail.toString(), 1, count(trail, "claim.approved"));

        // "all N matching": a stale expectation is a 409 with the current selection, and nothing is done
        String filter = "\"filter\": {\"classId\": " + classA + ", \"status\": \"FLAGGED\", \"region\": \"510100\"}";
        Http.Answer stale = http.post(REVIEWS, "{\"decision\": \"APPROVE\", \"reason\": \"已核实 checked\", " + filter
                + ", \"expect\": {\"count\": 2, \"total\": \"" + flaggedSummary.get("total").asText() + "\"}}");
        assertProblem(stale, 409, "expect", "stale-selection");
        assertEquals(stale.body().toString(), 1, stale.body().get("current").get("count").asLong());
        assertEquals(flaggedSummary.get("total").asText(), stale.body().get("current").get("total").asText());
        assertEquals("FLAGGED", status(flagged));
        JsonNode matching = ok(http.post(REVIEWS, "{\"decision\": \"APPROVE\", \"reason\": \"已核实 checked\", "
                + filter + ", \"expect\": " + flaggedSummary + "}"));
        assertOutcome(matching, 0, flagged, "APPROVED", "APPROVED");
        assertEquals(1, matching.get("results").size());

        // the roster of class A: masked IDs, the claims, a Chinese file name
        Http.Text roster = http.getText("/classes/" + classA + "/roster");
        assertEquals(roster.body(), 200, roster.status());
        assertEquals("text/csv;charset=UTF-8", roster.header("Content-Type").replace(" ", ""));
        assertEquals("attachment; filename=\"roster-class-" + classA + ".csv\"; filename*=UTF-8''"
                + "%E8%8A%B1%E5%90%8D%E5%86%8C-%E7%8F%AD%E7%BA%A7" + classA + ".csv", roster.header("Content-Disposition"));
        assertTrue(roster.body().startsWith("\uFEFF序号 No.,姓名 Name,身份证号 Resident ID"));
        List<String> lines = roster.body().lines().toList();
        assertEquals(roster.body(), 4, lines.size());
        assertTrue(roster.body(), lines.get(1).startsWith("1,批量甲,510104********" + valid(ids[0]).substring(14)));
        assertTrue(roster.body(), lines.get(1).contains(",APPROVED,"));
        assertTrue(roster.body(), !roster.body().contains(valid(ids[0])));
        assertEquals(404, xian.getText("/classes/" + classA + "/roster").status());
        Http.Text book = http.getText("/classes/" + classA + "/roster?format=xlsx");
        assertEquals(book.body(), 200, book.status());
        assertEquals("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", book.header("Content-Type"));
        assertTrue(book.header("Content-Disposition"), book.header("Content-Disposition").startsWith(
                "attachment; filename=\"roster-class-" + classA + ".xlsx\"; filename*=UTF-8''"));
        String sheet = entry(book.bytes(), "xl/worksheets/sheet1.xml");
        assertTrue(sheet, sheet.contains("批量甲") && sheet.contains("510104********" + valid(ids[0]).substring(14)));
        assertTrue(sheet, !sheet.contains(valid(ids[0])));
        assertProblem(http.get("/classes/" + classA + "/roster?format=pdf"), 422, "format", "enum:csv|xlsx");

        // the payment list: who paid what, when, by which policy version, and the total
        Http.Answer paid = http.post("/claims/" + a1 + "/disbursements", "{\"kind\": \"BALANCE\"}");
        assertEquals(body(paid), 201, paid.status());
        String amount = paid.body().get("amount").decimalValue().setScale(2).toPlainString();
        Http.Text list = http.getText("/disbursements/export?from=2026-12-01&to=2026-12-31&region=510100");
        assertEquals(list.body(), 200, list.status());
        assertTrue(list.header("Content-Disposition"), list.header("Content-Disposition").startsWith(
                "attachment; filename=\"payment-list_2026-12-01_2026-12-31_510100.csv\"; filename*=UTF-8''"
                        + "%E6%8B%A8%E4%BB%98%E6%B8%85%E5%8D%95_"));
        List<String> rows = list.body().lines().toList();
        assertTrue(list.body(), rows.get(0).startsWith("\uFEFF拨付日期 Paid on,申请编号 Claim"));
        String version = http.get("/claims/" + a1).body().get("decision").get("policy").get("version").asText();
        assertEquals(list.body(), "2026-12-12," + a1 + "," + classA + ",成都市批量审核测试学校,批量甲,510104********"
                + valid(ids[0]).substring(14) + ",BALANCE," + amount + "," + version + "," + Staff.username(Role.FINANCE),
                rows.get(1));
        assertEquals(list.body(), "合计 Total,,,,,,1 笔 payments," + amount + ",,", rows.get(rows.size() - 1));
        Http.Text none = xian.getText("/disbursements/export?from=2026-12-01&to=2026-12-31");
        assertEquals(List.of("合计 Total,,,,,,0 笔 payments,0.00,,"), none.body().lines().skip(1).toList());
        assertEquals(422, http.getText("/disbursements/export?from=2026-12-31&to=2026-12-01").status());
        Http.Text listBook = http.getText("/disbursements/export?from=2026-12-01&to=2026-12-31&format=xlsx");
        assertEquals(200, listBook.status());
        String listSheet = entry(listBook.bytes(), "xl/worksheets/sheet1.xml");
        assertTrue(listSheet, listSheet.contains("合计 Total") && listSheet.contains(amount));
        assertEquals(422, http.getText("/disbursements/export?from=2026-12-32").status());
        // without a period: this month up to today (2026-12-12)
        Http.Text month = http.getText("/disbursements/export");
        assertTrue(month.header("Content-Disposition"), month.header("Content-Disposition")
                .contains("filename=\"payment-list_2026-12-01_2026-12-12.csv\""));
        assertTrue(month.body(), month.body().contains("," + a1 + "," + classA + ","));
    }

    private static JsonNode ok(Http.Answer answer) {
        assertEquals(body(answer), 200, answer.status());
        return answer.body();
    }

    private String status(long claim) throws Exception {
        return http.get("/claims/" + claim).body().get("status").asText();
    }

    private static void assertOutcome(JsonNode batch, int index, long claim, String outcome, String status) {
        JsonNode result = batch.get("results").get(index);
        assertEquals(result.toString(), claim, result.get("id").asLong());
        assertEquals(result.toString(), outcome, result.get("outcome").asText());
        assertEquals(result.toString(), status, result.get("status").asText());
        if (!outcome.equals("REFUSED")) {
            assertTrue(result.toString(), result.get("problem").isNull());
        }
    }

    private static Map<String, Integer> counts(JsonNode batch) {
        Map<String, Integer> counts = new HashMap<>();
        batch.get("counts").fields().forEachRemaining(e -> counts.put(e.getKey(), e.getValue().asInt()));
        return counts;
    }

    private static long count(JsonNode trail, String action) {
        long n = 0;
        for (JsonNode event : trail) {
            n += event.get("action").asText().equals(action) ? 1 : 0;
        }
        return n;
    }

    private static JsonNode find(JsonNode trail, String action) {
        for (JsonNode event : trail) {
            if (event.get("action").asText().equals(action)) {
                return event;
            }
        }
        throw new AssertionError("no " + action + " in " + trail);
    }

    /** The text of an entry of a zip file (a workbook; read from a file, as POI's data descriptors ask), or fails. */
    private static String entry(byte[] zip, String name) throws java.io.IOException {
        java.nio.file.Path file = java.nio.file.Files.createTempFile("workbook", ".xlsx");
        try {
            java.nio.file.Files.write(file, zip);
            try (java.util.zip.ZipFile book = new java.util.zip.ZipFile(file.toFile())) {
                java.util.zip.ZipEntry e = book.getEntry(name);
                if (e == null) {
                    throw new AssertionError("no " + name + " in the workbook");
                }
                return new String(book.getInputStream(e).readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            }
        } finally {
            java.nio.file.Files.delete(file);
        }
    }

    /** The number with its GB 11643 check digit in place of the last character. */
    static String valid(String number) {
        int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (number.charAt(i) - '0') * weights[i];
        }
        return number.substring(0, 17) + "10X98765432".charAt(sum % 11);
    }
}
