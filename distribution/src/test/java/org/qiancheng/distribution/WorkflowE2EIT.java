package org.qiancheng.distribution;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import org.junit.Test;

/**
 * The whole workflow on the assembled platform, then a restart: institution → published project →
 * filed class → trainee (an invalid ID refused) → enrolment → attendance → outcome → claim by the
 * region's policy → approval → payment, by three users who log in (the clerk, the reviewer, finance,
 * set up by the first administrator from {@code QC_ADMIN_PASSWORD}); after SIGTERM and a second start on the same home, every
 * record reads back as it was. The platform starts on 2026-11-25 ({@code QC_CLOCK_FIXED}) and the
 * test moves "today" as an operator would, through {@code etc/org.qiancheng.clock.config}: into the
 * class for the check-ins, after its end for the outcome, the claim and the payment; that day is
 * still "today" after the restart, since the configuration wins over {@code QC_CLOCK_FIXED}.
 */
public class WorkflowE2EIT {

    private final ObjectMapper json = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true));

    @Test
    public void theWholePathSurvivesARestart() throws Exception {
        Path home = Files.createTempDirectory(Path.of("target"), "e2e-workflow-").toAbsolutePath();
        long institution;
        long project;
        long course;
        long trainee;
        long enrolment;
        long claim;
        JsonNode approved;
        try (RunningPlatform platform = RunningPlatform.start(home, "e2e-workflow-first.log")) {
            platform.await("/api/v1/regions", r -> r.body().contains("510000"), Duration.ofSeconds(30));
            institution = id(created(platform.post("/api/v1/institutions",
                    "{\"name\": \"成都市端到端培训学校\", \"regionCode\": \"510100\"}")));
            HttpResponse<String> draft = platform.post("/api/v1/projects", """
                    {"regionCode": "510000", "name": "电工(初级)", "occupationCode": "6-31-01-03", "level": "JUNIOR",
                     "headcount": 30}""");
            project = id(created(draft));
            ok(platform.send("POST", "/api/v1/projects/" + project + "/publish", null, "If-Match", etag(draft)));
            course = id(created(platform.post("/api/v1/classes", """
                    {"projectId": %d, "institutionId": %d, "regionCode": "510104", "mode": "OFFLINE",
                     "startDate": "2026-12-07", "endDate": "2026-12-30", "hours": 80}""".formatted(project, institution))));
            assertEquals("an invalid ID is refused", 422, platform.post("/api/v1/trainees",
                    "{\"idNumber\": \"510104199001011231\", \"name\": \"错号\"}").statusCode());
            trainee = id(created(platform.post("/api/v1/trainees",
                    "{\"idNumber\": \"510104199001011230\", \"name\": \"张三\"}")));
            enrolment = id(created(platform.post("/api/v1/classes/" + course + "/enrolments",
                    "{\"traineeId\": " + trainee + "}")));
            assertEquals("no check-in for a day to come [K7]", 422, platform.post("/api/v1/enrolments/" + enrolment
                    + "/check-ins", "{\"day\": \"2026-12-07\"}").statusCode());
            platform.today(LocalDate.parse("2026-12-27"), "510000");
            for (int day = 7; day <= 27; day++) {
                ok(platform.post("/api/v1/enrolments/" + enrolment + "/check-ins", "{\"day\": \"2026-12-%02d\"}"
                        .formatted(day)));
            }
            platform.today(LocalDate.parse("2027-01-20"), "510000"); // ended; the employment date is today
            HttpResponse<String> current = platform.get("/api/v1/enrolments/" + enrolment);
            ok(platform.send("PUT", "/api/v1/enrolments/" + enrolment + "/outcome", """
                    {"passed": true, "certificate": {"kind": "SKILL_LEVEL", "level": "JUNIOR", "issuedOn": "2027-01-10"},
                     "employment": "STABLE", "employedOn": "2027-01-20"}""", "If-Match", etag(current)));
            ok(platform.send("PUT", "/api/v1/classes/" + course + "/survey",
                    "{\"respondents\": 1, \"satisfied\": 1, \"surveyedOn\": \"2027-01-20\"}"));
            JsonNode claims = json.readTree(ok(platform.send("POST", "/api/v1/classes/" + course + "/claims", null,
                    "Idempotency-Key", "e2e-claims")).body());
            claim = claims.get(0).get("id").asLong();
            assertEquals("COMPUTED", claims.get(0).get("status").asText());
            HttpResponse<String> read = platform.get("/api/v1/claims/" + claim);
            approved = json.readTree(ok(platform.send("POST", "/api/v1/claims/" + claim + "/review",
                    "{\"approve\": true}", "If-Match", etag(read))).body());
            assertEquals("APPROVED", approved.get("status").asText());
            created(platform.send("POST", "/api/v1/claims/" + claim + "/disbursements", "{\"kind\": \"BALANCE\"}",
                    "Idempotency-Key", "e2e-pay"));
            assertEquals(0, platform.terminate());
        }

        try (RunningPlatform again = RunningPlatform.start(home, "e2e-workflow-second.log")) {
            assertEquals("成都市端到端培训学校", read(again, "/api/v1/institutions/" + institution).get("name").asText());
            assertEquals("2026-11-25", read(again, "/api/v1/projects/" + project).get("publishedOn").asText());
            assertEquals("2026-11-25", read(again, "/api/v1/classes/" + course).get("filedOn").asText());
            assertEquals("masked unless a reason is given", "510104********1230",
                    read(again, "/api/v1/trainees/" + trainee).get("residentId").asText());
            assertEquals("510104199001011230", read(again, "/api/v1/trainees/" + trainee + "?reason="
                    + java.net.URLEncoder.encode("核对身份 identity check", java.nio.charset.StandardCharsets.UTF_8))
                    .get("idNumber").asText());
            assertEquals(1, read(again, "/api/v1/trainees").get("total").asLong());
            JsonNode enrolled = read(again, "/api/v1/enrolments/" + enrolment);
            assertEquals(21, enrolled.get("attendedDays").asInt());
            assertEquals("STABLE", enrolled.get("outcome").get("employment").asText());
            JsonNode stored = read(again, "/api/v1/claims/" + claim);
            assertEquals("APPROVED", stored.get("status").asText());
            assertEquals(approved.get("amount").decimalValue(), stored.get("amount").decimalValue());
            assertEquals("2025.1.0", stored.get("decision").get("policy").get("version").asText());
            assertTrue(stored.get("decision").get("result").get("lines").size() > 0);
            JsonNode paid = read(again, "/api/v1/claims/" + claim + "/disbursements");
            assertEquals(approved.get("amount").decimalValue(), paid.get(0).get("amount").decimalValue());
            assertEquals("2027-01-20", paid.get(0).get("paidOn").asText());
            assertEquals("the configured day outlives the restart", "2027-01-20",
                    read(again, "/api/v1/reports/510000/indicators").get("to").asText());
            assertTrue("the audit trail kept every change", read(again, "/api/v1/audit").get("total").asLong() >= 30);
            // three people did the work, each under their own login: the clerk computed, the reviewer
            // approved, finance paid
            JsonNode claimTrail = read(again, "/api/v1/audit?entity=claim&entityId=" + claim).get("items");
            assertEquals("reviewer", claimTrail.get(0).get("actor").asText());
            assertEquals("claim.approved", claimTrail.get(0).get("action").asText());
            assertEquals("clerk", claimTrail.get(claimTrail.size() - 1).get("actor").asText());
            JsonNode payments = read(again, "/api/v1/audit?entity=disbursement").get("items");
            assertEquals("finance", payments.get(0).get("actor").asText());
            JsonNode chain = read(again, "/api/v1/audit/verify");
            assertTrue("the chained audit trail verifies: " + chain, chain.get("ok").asBoolean());
            assertEquals(read(again, "/api/v1/audit").get("total").asLong(), chain.get("entries").asLong());
            assertEquals(0, again.terminate());
        }
    }

    private JsonNode read(RunningPlatform platform, String path) throws Exception {
        return json.readTree(ok(platform.get(path)).body());
    }

    private static HttpResponse<String> created(HttpResponse<String> response) {
        assertEquals(response.body(), 201, response.statusCode());
        return response;
    }

    private static HttpResponse<String> ok(HttpResponse<String> response) {
        assertEquals(response.body(), 200, response.statusCode());
        return response;
    }

    private long id(HttpResponse<String> response) throws Exception {
        return json.readTree(response.body()).get("id").asLong();
    }

    private static String etag(HttpResponse<String> response) {
        return response.headers().firstValue("ETag").orElseThrow();
    }
}
