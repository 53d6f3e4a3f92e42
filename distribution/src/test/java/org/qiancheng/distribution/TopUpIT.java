package org.qiancheng.distribution;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.bundle;
import static org.qiancheng.distribution.WorkflowSteps.IF_MATCH;
import static org.qiancheng.distribution.WorkflowSteps.assertProblem;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.OptionUtils;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * Outcome-linked top-ups [XA-2025 §二(三), K12] over HTTP with the shipped Xi'an policy: employment
 * evidence that arrives after a claim is recorded once, and the claim is topped up once by the
 * version that decided it — at the class's next claims computation or in the settlement of the month
 * the evidence arrived — then reviewed and paid like any claim; employment after the policy's window
 * earns nothing more.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class TopUpIT extends WorkflowTestSupport {

    private static final BigDecimal STANDARD = new BigDecimal("1800.00");

    @Override
    @Configuration
    public Option[] configuration() throws Exception {
        return OptionUtils.combine(super.configuration(),
                bundle(DIST.resolve("defaults/deploy/region-xian-2025.1.0.jar").toUri().toString()));
    }

    @Test
    public void laterEmploymentTopsAClaimUpOnceByTheVersionThatDecidedIt() throws Exception {
        WorkflowSteps.awaitActive(registry, "610100");
        long institution = steps.institution("西安市补差测试培训学校", "610100");
        long project = steps.publishedProject("""
                {"regionCode": "610100", "name": "电工（中级）补差测试", "occupationCode": "6-31-01-03",
                 "level": "INTERMEDIATE", "headcount": 30}""").body().get("id").asLong();
        long classId = steps.created("/classes", WorkflowSteps.classDraft(project, institution, "610100",
                "2027-01-04", "2027-01-15")).body().get("id").asLong();
        Map<String, Long> enrolments = new HashMap<>();
        String[][] trainees = {{"A", "610113199203150011", "补差甲"}, {"B", "610113199203160011", "补差乙"},
            {"C", "610113199203170011", "补差丙"}};
        for (String[] t : trainees) {
            long trainee = steps.created("/trainees", "{\"idNumber\": \"" + BatchReviewIT.valid(t[1])
                    + "\", \"name\": \"" + t[2] + "\"}").body().get("id").asLong();
            enrolments.put(t[0], steps.enrol(classId, trainee));
        }
        today("2027-01-15");
        for (long enrolment : enrolments.values()) {
            for (LocalDate day = LocalDate.parse("2027-01-04"); !day.isAfter(LocalDate.parse("2027-01-15"));
                    day = day.plusDays(1)) {
                steps.checkIn(enrolment, day);
            }
        }
        today("2027-01-18");
        for (long enrolment : enrolments.values()) {
            steps.recordOutcome(enrolment, "{\"passed\": true, \"employment\": \"NONE\"}");
        }
        long a = enrolments.get("A");
        String employmentA = "/enrolments/" + a + "/employment";
        assertProblem(http.send("PUT", employmentA, employed("STABLE", "2027-01-18")), 409, "enrolmentId", "K12");

        JsonNode claims = http.post("/classes/" + classId + "/claims", "").body();
        assertEquals(claims.toString(), 3, claims.size());
        for (JsonNode claim : claims) {
            assertEquals(claim.toString(), 0, STANDARD.compareTo(claim.get("amount").decimalValue()));
            assertFalse(claim.toString(), claim.has("topUpOf"));
        }
        long claimA = claimOf(claims, a).get("id").asLong();
        assertProblem(http.send("PUT", "/enrolments/" + a + "/outcome", "{\"passed\": true, \"employment\":"
                + " \"STABLE\", \"employedOn\": \"2027-01-18\"}", IF_MATCH, etagOf(a)), 409, "enrolmentId", "K12");

        // two months on, A's stable employment is proven
        today("2027-03-10");
        assertProblem(http.send("PUT", employmentA, employed("NONE", "2027-03-01")), 422, "employment", "not:NONE");
        assertProblem(http.send("PUT", employmentA, employed("STABLE", "2027-03-11")), 422, "employedOn", "K12");
        assertProblem(http.send("PUT", employmentA, employed("STABLE", "2027-01-03")), 422, "employedOn", "K12");
        assertProblem(http.send("PUT", employmentA, "{\"employedOn\": \"2027-03-01\"}"), 422, "employment",
                "required");
        JsonNode recorded = http.send("PUT", employmentA, employed("STABLE", "2027-03-01")).body();
        assertEquals(recorded.toString(), "2027-03-10", recorded.get("employmentRecordedOn").asText());
        assertEquals("STABLE", recorded.get("outcome").get("employment").asText());
        assertProblem(http.send("PUT", employmentA, employed("FLEXIBLE", "2027-03-02")), 409, "enrolmentId", "K12");

        JsonNode after = http.post("/classes/" + classId + "/claims", "").body();
        assertEquals(after.toString(), 4, after.size());
        JsonNode topUp = topUpOf(after, claimA);
        assertEquals(topUp.toString(), 0, new BigDecimal("900.00").compareTo(topUp.get("amount").decimalValue()));
        assertEquals(topUp.toString(), "COMPUTED", topUp.get("status").asText());
        JsonNode original = claimOf(after, a).get("decision");
        assertEquals("the version that decided the claim decides its top-up", original.get("policy"),
                topUp.get("decision").get("policy"));
        BigDecimal decided = BigDecimal.ZERO;
        for (JsonNode line : topUp.get("decision").get("result").get("lines")) {
            decided = decided.add(line.get("amount").decimalValue());
        }
        assertEquals("the decision holds the whole: 150 % of the standard", 0,
                new BigDecimal("2700.00").compareTo(decided));
        assertTrue(topUp.toString(), topUp.get("decision").get("result").get("lines").toString()
                .contains("XA3.factor"));
        assertEquals("the class's results stay those of the claim", original.get("input").get("results"),
                topUp.get("decision").get("input").get("results"));
        assertEquals("never twice", 4, http.post("/classes/" + classId + "/claims", "").body().size());
        String roster = http.getText("/classes/" + classId + "/roster").body();
        assertTrue(roster, roster.contains("2700.00"));

        // reviewed and paid like any claim
        long topUpId = topUp.get("id").asLong();
        Http.Answer read = http.get("/claims/" + topUpId);
        Http.Answer approved = http.send("POST", "/claims/" + topUpId + "/review", "{\"approve\": true}", IF_MATCH,
                read.header("ETag"));
        assertEquals(approved.body().toString(), 200, approved.status());
        Http.Answer paid = http.send("POST", "/claims/" + topUpId + "/disbursements", "{\"kind\": \"BALANCE\"}");
        assertEquals(paid.body().toString(), 201, paid.status());
        assertEquals(0, new BigDecimal("900.00").compareTo(paid.body().get("amount").decimalValue()));

        // C's flexible employment is proven in June: June's settlement tops C up, once
        today("2027-06-10");
        http.send("PUT", "/enrolments/" + enrolments.get("C") + "/employment", employed("FLEXIBLE", "2027-06-01"));
        JsonNode june = steps.settled("{\"regionCode\": \"610100\", \"month\": \"2027-06\"}");
        assertEquals(june.toString(), 1, june.get("claimsCreated").asLong());
        assertEquals(june.toString(), 0, new BigDecimal("360.00").compareTo(june.get("amount").decimalValue()));
        JsonNode c = topUpOf(http.get("/claims?classId=" + classId + "&limit=50").body().get("items"),
                claimOf(claims, enrolments.get("C")).get("id").asLong());
        assertEquals(c.toString(), 0, new BigDecimal("360.00").compareTo(c.get("amount").decimalValue()));
        assertEquals("a second run of the month adds nothing", 0,
                steps.settled("{\"regionCode\": \"610100\", \"month\": \"2027-06\"}").get("claimsCreated").asLong());

        // B's employment began more than six months after the class ended: nothing more
        today("2027-08-20");
        http.send("PUT", "/enrolments/" + enrolments.get("B") + "/employment", employed("STABLE", "2027-07-16"));
        assertEquals("no top-up after the window", 5, http.post("/classes/" + classId + "/claims", "").body().size());
    }

    private static String employed(String employment, String on) {
        return "{\"employment\": \"" + employment + "\", \"employedOn\": \"" + on + "\"}";
    }

    private static JsonNode claimOf(JsonNode claims, long enrolment) {
        for (JsonNode claim : claims) {
            if (claim.get("enrolmentId").asLong() == enrolment && !claim.has("topUpOf")) {
                return claim;
            }
        }
        throw new AssertionError("no claim of enrolment " + enrolment + " in " + claims);
    }

    private static JsonNode topUpOf(JsonNode claims, long claimId) {
        for (JsonNode claim : claims) {
            if (claim.has("topUpOf") && claim.get("topUpOf").asLong() == claimId) {
                return claim;
            }
        }
        throw new AssertionError("no top-up of claim " + claimId + " in " + claims);
    }

    private String etagOf(long enrolmentId) throws Exception {
        return http.get("/enrolments/" + enrolmentId).header("ETag");
    }
}
