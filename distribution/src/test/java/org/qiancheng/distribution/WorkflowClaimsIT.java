package org.qiancheng.distribution;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.qiancheng.distribution.WorkflowSteps.IDEMPOTENCY_KEY;
import static org.qiancheng.distribution.WorkflowSteps.IF_MATCH;
import static org.qiancheng.distribution.WorkflowSteps.assertProblem;
import static org.qiancheng.distribution.WorkflowSteps.assertProblemNaming;
import static org.qiancheng.distribution.WorkflowSteps.byTrainee;
import static org.qiancheng.distribution.WorkflowSteps.claimIds;
import static org.qiancheng.distribution.WorkflowSteps.classDraft;
import static org.qiancheng.distribution.WorkflowSteps.etag;
import static org.qiancheng.distribution.WorkflowSteps.ids;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import javax.inject.Inject;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.qiancheng.api.claim.ClassFacts;
import org.qiancheng.api.model.SkillLevel;
import org.qiancheng.api.model.TrainingKind;
import org.qiancheng.api.model.TrainingMode;
import org.qiancheng.persistence.WorkflowStore;

/**
 * From attendance to a reviewed claim over HTTP: check-ins, outcomes under If-Match, idempotent
 * claim computation by the Sichuan policy, review, and the claim rules K1 (a class filed after its
 * start claims nothing) and K4 (a blacklisting freezes the claims not yet reviewed); and the time
 * rules: check-ins on class days that have come, after the enrolment (K7), outcomes once the class
 * has ended, dated from its start to today (K8), claims and payments once it has ended (K9). The
 * clock moves as a class's life does: filed before the start, attended during, outcomes and
 * claims after the end.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class WorkflowClaimsIT extends WorkflowTestSupport {

    private static final Pattern CITATION = Pattern.compile("\\[\\S+ §.+]");

    /** The kernel's store, to write a class as another path than filing would (a migration). */
    @Inject
    private WorkflowStore store;

    @Test
    public void claimsAreComputedOnceReviewedAndFrozenUnderTheKernelRules() throws Exception {
        long institutionId = steps.institution("成都市青羊区技工培训学校", "510100");
        long projectId = steps.publishedProject("""
                {"regionCode": "510000", "name": "电工（初级）补贴申领培训", "occupationCode": "6-31-01-03",
                 "level": "JUNIOR", "headcount": 30}""").body().get("id").asLong();

        // a class of 24 days filed before its start, with the default attendance threshold
        long classId = steps.created("/classes", classDraft(projectId, institutionId, "510104", "2026-12-07",
                "2026-12-30")).body().get("id").asLong();
        JsonNode filed = http.get("/classes/" + classId).body();
        assertEquals(filed.toString(), 0, new BigDecimal("0.80").compareTo(filed.get("attendanceThreshold")
                .decimalValue()));

        // two trainees of this test alone (the other tests use other IDs)
        long traineeA = steps.created("/trainees", """
                {"idNumber": "510104198803120450", "name": "赵敏"}""").body().get("id").asLong();
        Http.Answer registeredB = steps.created("/trainees", """
                {"idNumber": "51010519920718052X", "name": "钱磊"}""");
        long traineeB = registeredB.body().get("id").asLong();
        assertEquals("510105********052X", registeredB.body().get("residentId").asText());
        long enrolmentA = steps.enrol(classId, traineeA);
        long enrolmentB = steps.enrol(classId, traineeB);

        enrolmentReadWithItsVersion(enrolmentA, classId, traineeA);
        today("2026-12-30"); // the class's last day
        checkInsCountEachClassDayOnce(enrolmentA, enrolmentB);
        today("2027-01-20"); // ended; A's employment date is today
        outcomeRecordedOnlyWithTheVersionRead(enrolmentA);
        steps.recordOutcome(enrolmentB, "{\"passed\": true, \"employment\": \"NONE\"}");

        steps.survey(classId, 2, 2, "2027-01-20");
        // the class's claims, computed once under an idempotency key
        String claims = "/classes/" + classId + "/claims";
        Http.Answer computed = http.send("POST", claims, null, IDEMPOTENCY_KEY, "k-1");
        assertEquals(computed.body() == null ? "" : computed.body().toString(), 200, computed.status());
        assertEquals(computed.body().toString(), 2, computed.body().size());
        Map<Long, JsonNode> byTrainee = byTrainee(computed.body());
        JsonNode claimA = byTrainee.get(traineeA);
        JsonNode claimB = byTrainee.get(traineeB);
        assertNotNull(computed.body().toString(), claimA);
        assertNotNull(computed.body().toString(), claimB);
        computedBySichuanEveryLineCited(claimA, classId, enrolmentA);
        assertFalse(computed.body().toString().contains("510104198803120450"));
        assertFalse(computed.body().toString().contains("51010519920718052X"));
        flaggedForAttendance(claimB, enrolmentB);
        Map<Long, Long> ids = notComputedTwice(classId, computed, traineeB);

        long claimIdA = ids.get(traineeA);
        long claimIdB = ids.get(traineeB);
        reviewedOnce(claimIdA, claimIdB);
        lateClassClaimsNothing(projectId, institutionId);
        blacklistingFreezesTheUnreviewed(projectId, institutionId);
        // reviewed claims are neither computed nor flagged: they keep their standing
        assertEquals("APPROVED", http.get("/claims/" + claimIdA).body().get("status").asText());
        assertEquals("REJECTED", http.get("/claims/" + claimIdB).body().get("status").asText());
    }

    /** K7: a check-in is for a day of the class that has come, not before the trainee enrolled. */
    @Test
    public void aCheckInIsForAClassDayThatHasComeSinceTheEnrolment() throws Exception {
        long classId = classFiled("电工（初级）考勤时限", "2027-03-01", "2027-03-20");
        long traineeId = steps.created("/trainees", """
                {"idNumber": "510104198907190058", "name": "考勤甲"}""").body().get("id").asLong();
        today("2027-03-05");
        long enrolmentId = steps.enrol(classId, traineeId);
        String checkIns = "/enrolments/" + enrolmentId + "/check-ins";
        assertEquals("enrolled today", "2027-03-05", http.get("/enrolments/" + enrolmentId).body().get("enrolledOn")
                .asText());
        assertEquals("the enrolment day, today", 1, steps.checkIn(enrolmentId, LocalDate.parse("2027-03-05"))
                .get("attendedDays").asInt());
        assertProblem(http.post(checkIns, "{\"day\": \"2027-03-04\"}"), 422, "day", "K7"); // before the enrolment
        assertProblem(http.post(checkIns, "{\"day\": \"2027-03-06\"}"), 422, "day", "K7"); // after today
        assertProblem(http.post(checkIns, "{\"day\": \"2027-02-28\"}"), 422, "day", "K7"); // before the class
        assertEquals("a refused check-in counts nothing", 1, attendedDays(enrolmentId));

        today("2027-03-25");
        assertEquals("the last class day", 2, steps.checkIn(enrolmentId, LocalDate.parse("2027-03-20"))
                .get("attendedDays").asInt());
        assertProblem(http.post(checkIns, "{\"day\": \"2027-03-21\"}"), 422, "day", "K7"); // after the class
        assertEquals(2, attendedDays(enrolmentId));
    }

    /** K8: an outcome once the class has ended, its certificate and employment dated from the start to today. */
    @Test
    public void anOutcomeIsRecordedOnceTheClassHasEndedAndDatedFromItsStartToToday() throws Exception {
        long classId = classFiled("电工（初级）结果时限", "2027-04-05", "2027-04-23");
        long traineeId = steps.created("/trainees", """
                {"idNumber": "510104199008200069", "name": "结果甲"}""").body().get("id").asLong();
        long enrolmentId = steps.enrol(classId, traineeId);
        String outcome = "/enrolments/" + enrolmentId + "/outcome";

        today("2027-04-23"); // the last class day: not ended
        assertProblem(http.send("PUT", outcome, "{\"passed\": true}", IF_MATCH, etagOf(enrolmentId)), 409,
                "classId", "K8");
        today("2027-04-24");
        String dated = """
                {"passed": true, "certificate": {"kind": "SKILL_LEVEL", "level": "JUNIOR", "issuedOn": "%s"},
                 "employment": "STABLE", "employedOn": "%s"}""";
        assertProblem(http.send("PUT", outcome, dated.formatted("2027-04-25", "2027-04-24"), IF_MATCH,
                etagOf(enrolmentId)), 422, "certificate.issuedOn", "K8");
        assertProblem(http.send("PUT", outcome, dated.formatted("2027-04-04", "2027-04-24"), IF_MATCH,
                etagOf(enrolmentId)), 422, "certificate.issuedOn", "K8");
        assertProblem(http.send("PUT", outcome, dated.formatted("2027-04-05", "2027-04-25"), IF_MATCH,
                etagOf(enrolmentId)), 422, "employedOn", "K8");
        assertProblem(http.send("PUT", outcome, dated.formatted("2027-04-05", "2027-04-04"), IF_MATCH,
                etagOf(enrolmentId)), 422, "employedOn", "K8");
        assertFalse("a refused outcome writes nothing", http.get("/enrolments/" + enrolmentId).body().has("outcome"));

        // the class's first day and today
        JsonNode recorded = steps.recordOutcome(enrolmentId, dated.formatted("2027-04-05", "2027-04-24"));
        assertEquals("2027-04-05", recorded.get("outcome").get("certificate").get("issuedOn").asText());
        assertEquals("2027-04-24", recorded.get("outcome").get("employedOn").asText());
    }

    /**
     * K11: a class's satisfaction survey, recorded once the class has ended, decides Sichuan's base; a
     * class without one is paid at 100 % and flagged for the reviewer; once claims exist it cannot change.
     */
    @Test
    public void aSatisfactionSurveyDecidesTheBaseAndAClassWithoutOneIsFlagged() throws Exception {
        long surveyed = classFiled("电工（初级）满意度甲", "2027-08-02", "2027-08-13");
        long unsurveyed = classFiled("电工（初级）满意度乙", "2027-08-02", "2027-08-13");
        long a = steps.enrol(surveyed, trainee("510104199204150010", "满意甲"));
        long b = steps.enrol(surveyed, trainee("510104199204160010", "满意乙"));
        long c = steps.enrol(unsurveyed, trainee("510104199204170010", "满意丙"));
        String survey = "/classes/" + surveyed + "/survey";
        String answered = "{\"respondents\": %d, \"satisfied\": %d, \"surveyedOn\": \"%s\"}";

        today("2027-08-13"); // the last class day: not ended
        assertProblem(http.send("PUT", survey, answered.formatted(2, 1, "2027-08-13")), 409, "classId", "K11");
        today("2027-08-16");
        assertEquals("no survey yet", 404, http.get(survey).status());
        assertProblem(http.send("PUT", survey, answered.formatted(2, 1, "2027-08-12")), 422, "surveyedOn", "K11");
        assertProblem(http.send("PUT", survey, answered.formatted(2, 1, "2027-08-17")), 422, "surveyedOn", "K11");
        assertProblem(http.send("PUT", survey, answered.formatted(3, 1, "2027-08-14")), 422, "respondents", "K11");
        assertProblem(http.send("PUT", survey, answered.formatted(2, 3, "2027-08-14")), 422, "satisfied",
                "maximum:respondents");
        assertProblem(http.send("PUT", survey, answered.formatted(0, 0, "2027-08-14")), 422, "respondents",
                "minimum:1");
        assertProblem(http.send("PUT", survey, "{\"respondents\": 2, \"satisfied\": 1}"), 422, "surveyedOn",
                "required");
        assertEquals("a refused survey writes nothing", 404, http.get(survey).status());
        steps.survey(surveyed, 2, 2, "2027-08-14");
        JsonNode recorded = steps.survey(surveyed, 2, 1, "2027-08-15"); // replaced while no claim exists
        assertEquals(recorded.toString(), 0, new BigDecimal("0.5").compareTo(recorded.get("satisfaction").decimalValue()));
        assertEquals(recorded.toString(), Staff.username(org.qiancheng.api.security.Role.CLERK),
                recorded.get("recordedBy").asText());
        assertEquals(recorded, http.get(survey).body());

        for (long enrolment : new long[] {a, b, c}) {
            steps.recordOutcome(enrolment, "{\"passed\": true, \"employment\": \"NONE\"}");
        }
        // half satisfied, below Sichuan's 80 %: the base is paid at 0.5 / 0.8 of itself
        JsonNode claims = http.post("/classes/" + surveyed + "/claims", "").body();
        assertEquals(claims.toString(), 2, claims.size());
        for (JsonNode claim : claims) {
            JsonNode results = claim.get("decision").get("input").get("results");
            assertTrue(results.toString(), results.get("surveyed").asBoolean());
            assertEquals(results.toString(), 0, new BigDecimal("0.5").compareTo(results.get("satisfaction")
                    .decimalValue()));
            BigDecimal reduced = lineAmount(claim, "SC2.base").multiply(new BigDecimal("-0.375"))
                    .setScale(2, java.math.RoundingMode.HALF_UP);
            assertEquals(claim.toString(), 0, reduced.compareTo(lineAmount(claim, "SC2.satisfaction")));
            assertFalse(claim.toString(), claim.get("decision").get("result").toString().contains("SC2.notSurveyed"));
        }
        assertProblem(http.send("PUT", survey, answered.formatted(2, 2, "2027-08-16")), 409, "classId", "K11");
        assertEquals("the survey the claims were decided on stays", 1, http.get(survey).body().get("satisfied").asInt());

        // no survey: the base at 100 %, and the claim flagged with the assumption
        JsonNode flagged = http.post("/classes/" + unsurveyed + "/claims", "").body().get(0);
        assertEquals(flagged.toString(), "FLAGGED", flagged.get("status").asText());
        assertFalse(flagged.get("decision").get("input").get("results").get("surveyed").asBoolean());
        assertTrue(flagged.toString(), flagged.get("decision").get("result").get("flags").toString()
                .contains("SC2.notSurveyed"));
        assertTrue(flagged.toString(), lineAmount(flagged, "SC2.satisfaction") == null);
    }

    /** The amount of a claim's line of a rule, or {@code null} when it has none. */
    private static BigDecimal lineAmount(JsonNode claim, String rule) {
        for (JsonNode line : claim.get("decision").get("result").get("lines")) {
            if (rule.equals(line.get("rule").asText())) {
                return line.get("amount").decimalValue();
            }
        }
        return null;
    }

    private long trainee(String number, String name) throws Exception {
        return steps.created("/trainees", "{\"idNumber\": \"" + BatchReviewIT.valid(number) + "\", \"name\": \""
                + name + "\"}").body().get("id").asLong();
    }

    /** K9: no claim for a class that has not ended, even one not started; no payment either. */
    @Test
    public void claimsAndPaymentsWaitForTheEndOfTheClass() throws Exception {
        long classId = classFiled("电工（初级）申领时限", "2027-06-07", "2027-06-25");
        long traineeId = steps.created("/trainees", """
                {"idNumber": "510104199109210071", "name": "申领甲"}""").body().get("id").asLong();
        long enrolmentId = steps.enrol(classId, traineeId);
        String claims = "/classes/" + classId + "/claims";
        String stored = "/claims?classId=" + classId;

        assertProblem(http.send("POST", claims, null), 409, "classId", "K9"); // not started
        today("2027-06-25"); // the last class day, every day attended
        for (LocalDate day = LocalDate.parse("2027-06-07"); !day.isAfter(LocalDate.parse("2027-06-25"));
                day = day.plusDays(1)) {
            steps.checkIn(enrolmentId, day);
        }
        assertProblem(http.send("POST", claims, null, IDEMPOTENCY_KEY, "k9-early"), 409, "classId", "K9");
        assertEquals("a refused computation stores nothing", 0, steps.total(stored));

        today("2027-06-26");
        steps.recordOutcome(enrolmentId, "{\"passed\": true, \"employment\": \"NONE\"}");
        Http.Answer computed = http.send("POST", claims, null, IDEMPOTENCY_KEY, "k9-early");
        assertEquals(computed.body() == null ? "" : computed.body().toString(), 200, computed.status());
        assertEquals(computed.body().toString(), 1, computed.body().size());
        long claimId = computed.body().get(0).get("id").asLong();
        Http.Answer read = http.get("/claims/" + claimId);
        Http.Answer approved = http.send("POST", "/claims/" + claimId + "/review",
                "{\"approve\": true, \"reason\": \"核实出勤\"}", IF_MATCH, read.header("ETag"));
        assertEquals(approved.body().toString(), 200, approved.status());

        // the clock set back into the class (an operator's mistake): the claim exists, the class has not ended
        String disbursements = "/claims/" + claimId + "/disbursements";
        today("2027-06-25");
        assertProblem(http.send("POST", disbursements, "{\"kind\": \"BALANCE\"}"), 409, "classId", "K9");
        assertEquals("a refused payment pays nothing", 0, http.get(disbursements).body().size());
        today("2027-06-26");
        Http.Answer paid = http.send("POST", disbursements, "{\"kind\": \"BALANCE\"}");
        assertEquals(paid.body().toString(), 201, paid.status());
        assertEquals("2027-06-26", paid.body().get("paidOn").asText());
    }

    /** K9 in a monthly settlement: a class ending today is not taken; from the next day it is. */
    @Test
    public void aSettlementTakesTheClassesThatEndedBeforeToday() throws Exception {
        Whiteboard.await(context, d -> Dtos.resources(d).contains("qiancheng.settlements"), 30_000);
        long endedYesterday = classFiled("电工（初级）结算时限甲", "2027-07-01", "2027-07-14");
        long endsToday = classFiled("电工（初级）结算时限乙", "2027-07-01", "2027-07-15");
        long first = steps.enrol(endedYesterday, steps.created("/trainees", """
                {"idNumber": "51010419921022008X", "name": "结算甲"}""").body().get("id").asLong());
        long second = steps.enrol(endsToday, steps.created("/trainees", """
                {"idNumber": "510104199311230092", "name": "结算乙"}""").body().get("id").asLong());
        String month = "{\"regionCode\": \"510000\", \"month\": \"2027-07\"}";

        today("2027-07-15");
        steps.recordOutcome(first, "{\"passed\": true, \"employment\": \"NONE\"}");
        JsonNode run = steps.settled(month);
        assertEquals(run.toString(), 1, run.get("classesTotal").asInt());
        assertEquals(run.toString(), 0, run.get("classesSkipped").asInt());
        assertEquals(run.toString(), 1, run.get("claimsCreated").asLong());
        assertEquals(1, steps.total("/claims?classId=" + endedYesterday));

        today("2027-07-16");
        steps.recordOutcome(second, "{\"passed\": true, \"employment\": \"NONE\"}");
        JsonNode again = steps.settled(month);
        assertEquals(again.toString(), 2, again.get("classesTotal").asInt());
        assertEquals("only the class that has ended since", 1, again.get("claimsCreated").asLong());
        assertEquals(1, steps.total("/claims?classId=" + endedYesterday));
        assertEquals(1, steps.total("/claims?classId=" + endsToday));
    }

    /**
     * A trainee in two classes of one settlement batch: the second class's decision counts the first
     * class's claim among the trainee's earlier subsidies, although the settlement reads a class ahead
     * while the one before is decided.
     */
    @Test
    public void aTraineeInTwoClassesOfOneSettlementHasTheFirstClaimAsAnEarlierSubsidy() throws Exception {
        Whiteboard.await(context, d -> Dtos.resources(d).contains("qiancheng.settlements"), 30_000);
        long early = classFiled("电工（初级）同批甲", "2027-08-02", "2027-08-10");
        long late = classFiled("电工（初级）同批乙", "2027-08-12", "2027-08-24");
        long trainee = steps.created("/trainees", """
                {"idNumber": "51010419850715041X", "name": "同批学员"}""").body().get("id").asLong();
        long first = steps.enrol(early, trainee);
        long second = steps.enrol(late, trainee);

        today("2027-08-25");
        steps.recordOutcome(first, "{\"passed\": true, \"employment\": \"NONE\"}");
        steps.recordOutcome(second, "{\"passed\": true, \"employment\": \"NONE\"}");
        JsonNode run = steps.settled("{\"regionCode\": \"510000\", \"month\": \"2027-08\"}");
        assertEquals(run.toString(), 2, run.get("claimsCreated").asLong());

        JsonNode earlier = http.get("/claims/" + http.get("/claims?classId=" + early).body().get("items").get(0)
                .get("id").asLong()).body();
        JsonNode later = http.get("/claims/" + http.get("/claims?classId=" + late).body().get("items").get(0)
                .get("id").asLong()).body();
        assertEquals(earlier.toString(), 0, earlier.at("/decision/input/trainee/priorSubsidies").size());
        JsonNode prior = later.at("/decision/input/trainee/priorSubsidies");
        assertEquals(later.toString(), 1, prior.size());
        assertEquals("2027-08-02", prior.get(0).get("classStart").asText());
        assertEquals(0, earlier.get("amount").decimalValue().compareTo(prior.get(0).get("amount").decimalValue()));
    }

    /** A class of 510104 filed today under a new published project of its own. */
    private long classFiled(String name, String start, String end) throws Exception {
        long institutionId = steps.institution(name + "学校", "510100");
        long projectId = steps.publishedProject("""
                {"regionCode": "510000", "name": "%s", "occupationCode": "6-31-01-03", "level": "JUNIOR",
                 "headcount": 30}""".formatted(name)).body().get("id").asLong();
        return steps.created("/classes", classDraft(projectId, institutionId, "510104", start, end)).body().get("id")
                .asLong();
    }

    private int attendedDays(long enrolmentId) throws Exception {
        return http.get("/enrolments/" + enrolmentId).body().get("attendedDays").asInt();
    }

    private String etagOf(long enrolmentId) throws Exception {
        return http.get("/enrolments/" + enrolmentId).header("ETag");
    }

    /** An enrolment is read with its version; no attendance and no outcome yet. */
    private void enrolmentReadWithItsVersion(long enrolmentA, long classId, long traineeA) throws Exception {
        Http.Answer readA = http.get("/enrolments/" + enrolmentA);
        assertEquals(200, readA.status());
        assertEquals(classId, readA.body().get("classId").asLong());
        assertEquals(traineeA, readA.body().get("traineeId").asLong());
        assertEquals(0, readA.body().get("attendedDays").asInt());
        assertFalse(readA.body().toString(), readA.body().has("outcome"));
        assertEquals(etag(readA.body().get("version").asLong()), readA.header("ETag"));
        assertProblem(http.get("/enrolments/987654321"), 404, null, null);
    }

    /** Check-ins: the day is required; 20 distinct class days for A, one of them posted twice; 2 for B. */
    private void checkInsCountEachClassDayOnce(long enrolmentA, long enrolmentB) throws Exception {
        String checkInsA = "/enrolments/" + enrolmentA + "/check-ins";
        assertProblem(http.post(checkInsA, "{}"), 422, "day", "required");
        assertProblem(http.post(checkInsA, "{\"day\": \"2026-12-32\"}"), 422, "day", "format:date");
        assertProblemNaming(http.post(checkInsA, "{\"day\": \"2026-12-31\"}"), 422, "day");
        LocalDate first = LocalDate.parse("2026-12-07");
        for (int i = 0; i < 20; i++) {
            assertEquals(i + 1, steps.checkIn(enrolmentA, first.plusDays(i)).get("attendedDays").asInt());
        }
        assertEquals("a day counts once", 20, steps.checkIn(enrolmentA, LocalDate.parse("2026-12-08"))
                .get("attendedDays").asInt());
        assertEquals(20, http.get("/enrolments/" + enrolmentA).body().get("attendedDays").asInt());
        steps.checkIn(enrolmentB, LocalDate.parse("2026-12-07"));
        assertEquals(2, steps.checkIn(enrolmentB, LocalDate.parse("2026-12-08")).get("attendedDays").asInt());
    }

    /** A's outcome, recorded only with the version read. */
    private void outcomeRecordedOnlyWithTheVersionRead(long enrolmentA) throws Exception {
        String outcomeA = "/enrolments/" + enrolmentA + "/outcome";
        String outcome = """
                {"passed": true, "certificate": {"kind": "SKILL_LEVEL", "level": "JUNIOR", "issuedOn": "2027-01-10"},
                 "employment": "STABLE", "employedOn": "2027-01-20"}""";
        assertProblem(http.send("PUT", outcomeA, outcome), 428, IF_MATCH, "precondition-required");
        Http.Answer beforeOutcome = http.get("/enrolments/" + enrolmentA);
        long versionA = beforeOutcome.body().get("version").asLong();
        assertProblem(http.send("PUT", outcomeA, outcome, IF_MATCH, etag(versionA + 1)), 412, IF_MATCH, "version");
        assertFalse("a refused outcome writes nothing", http.get("/enrolments/" + enrolmentA).body().has("outcome"));
        Http.Answer recorded = http.send("PUT", outcomeA, outcome, IF_MATCH, beforeOutcome.header("ETag"));
        assertEquals(recorded.body().toString(), 200, recorded.status());
        JsonNode recordedOutcome = recorded.body().get("outcome");
        assertTrue(recordedOutcome.get("passed").asBoolean());
        assertEquals("SKILL_LEVEL", recordedOutcome.get("certificate").get("kind").asText());
        assertEquals("JUNIOR", recordedOutcome.get("certificate").get("level").asText());
        assertEquals("2027-01-10", recordedOutcome.get("certificate").get("issuedOn").asText());
        assertEquals("STABLE", recordedOutcome.get("employment").asText());
        assertEquals("2027-01-20", recordedOutcome.get("employedOn").asText());
        assertEquals(20, recorded.body().get("attendedDays").asInt());
        assertEquals(etag(recorded.body().get("version").asLong()), recorded.header("ETag"));
        assertNotEquals(beforeOutcome.header("ETag"), recorded.header("ETag"));
    }

    /** A: computed by the Sichuan policy in force, every line cited, the resident ID masked. */
    private static void computedBySichuanEveryLineCited(JsonNode claimA, long classId, long enrolmentA) {
        assertEquals(claimA.toString(), "COMPUTED", claimA.get("status").asText());
        assertEquals(classId, claimA.get("classId").asLong());
        assertEquals(enrolmentA, claimA.get("enrolmentId").asLong());
        assertTrue(claimA.toString(), claimA.get("findings").isEmpty());
        BigDecimal amount = claimA.get("amount").decimalValue();
        assertTrue(claimA.toString(), amount.signum() > 0);
        JsonNode decision = claimA.get("decision");
        assertEquals("510000", decision.get("policy").get("regionCode").asText());
        assertEquals("2025.1.0", decision.get("policy").get("version").asText());
        JsonNode lines = decision.get("result").get("lines");
        assertTrue(decision.toString(), lines.size() > 0);
        BigDecimal sum = BigDecimal.ZERO;
        for (JsonNode line : lines) {
            String citation = line.get("citation").asText();
            assertTrue(citation, CITATION.matcher(citation).matches());
            sum = sum.add(line.get("amount").decimalValue());
        }
        assertEquals("the amount is the sum of the cited lines: " + lines, 0, amount.compareTo(sum));
        assertTrue(decision.toString(), decision.get("parameters").size() > 0);
        assertEquals("510104********0450", decision.get("input").get("trainee").get("id").asText());
    }

    /** B: attended 2 of 24 days, below the threshold, so flagged for a reviewer. */
    private static void flaggedForAttendance(JsonNode claimB, long enrolmentB) {
        assertEquals(claimB.toString(), "FLAGGED", claimB.get("status").asText());
        assertEquals(enrolmentB, claimB.get("enrolmentId").asLong());
        boolean attendance = false;
        for (JsonNode finding : claimB.get("findings")) {
            String text = finding.asText().toLowerCase(Locale.ROOT);
            attendance |= text.contains("attendance") || text.contains("出勤") || text.contains("考勤");
        }
        assertTrue("a finding mentions attendance: " + claimB, attendance);
    }

    /** The same key answers the same claims; without a key nothing is computed twice. Answers the claim ids by trainee. */
    private Map<Long, Long> notComputedTwice(long classId, Http.Answer computed, long traineeB) throws Exception {
        String claims = "/classes/" + classId + "/claims";
        Map<Long, Long> ids = claimIds(computed.body());
        Http.Answer repeated = http.send("POST", claims, null, IDEMPOTENCY_KEY, "k-1");
        assertEquals(repeated.body() == null ? "" : repeated.body().toString(), 200, repeated.status());
        assertEquals(ids, claimIds(repeated.body()));
        Http.Answer unkeyed = http.send("POST", claims, null);
        assertEquals(unkeyed.body() == null ? "" : unkeyed.body().toString(), 200, unkeyed.status());
        assertEquals(2, unkeyed.body().size());
        assertEquals(ids, claimIds(unkeyed.body()));
        JsonNode listed = http.get("/claims?classId=" + classId).body();
        assertEquals(listed.toString(), 2, listed.get("total").asLong());
        assertEquals(Set.copyOf(ids.values()), ids(listed));
        JsonNode flagged = http.get("/claims?classId=" + classId + "&status=FLAGGED").body();
        assertEquals(flagged.toString(), 1, flagged.get("total").asLong());
        assertEquals(Set.of(ids.get(traineeB)), ids(flagged));
        assertProblem(http.get("/claims?status=PAID"), 422, "status", "enum:ClaimStatus");
        assertProblem(http.get("/claims?classId=x"), 422, "classId", "format:id");
        assertProblem(http.get("/claims/987654321"), 404, null, null);
        return ids;
    }

    /** A claim is read with its version; A approved with it, B rejected with a reason; neither reviewed again. */
    private void reviewedOnce(long claimIdA, long claimIdB) throws Exception {
        Http.Answer readClaimA = http.get("/claims/" + claimIdA);
        assertEquals(200, readClaimA.status());
        assertEquals("COMPUTED", readClaimA.body().get("status").asText());
        assertEquals(etag(readClaimA.body().get("version").asLong()), readClaimA.header("ETag"));

        String reviewA = "/claims/" + claimIdA + "/review";
        assertProblem(http.send("POST", reviewA, "{\"approve\": true}"), 428, IF_MATCH, "precondition-required");
        Http.Answer approved = http.send("POST", reviewA, "{\"approve\": true}", IF_MATCH, readClaimA.header("ETag"));
        assertEquals(approved.body().toString(), 200, approved.status());
        assertEquals("APPROVED", approved.body().get("status").asText());
        assertEquals(claimIdA, approved.body().get("id").asLong());
        assertEquals(etag(approved.body().get("version").asLong()), approved.header("ETag"));
        assertNotEquals(readClaimA.header("ETag"), approved.header("ETag"));

        // B rejected, which needs a reason
        String reviewB = "/claims/" + claimIdB + "/review";
        String etagB = http.get("/claims/" + claimIdB).header("ETag");
        assertProblemNaming(http.send("POST", reviewB, "{\"approve\": false}", IF_MATCH, etagB), 422, "reason");
        assertEquals("FLAGGED", http.get("/claims/" + claimIdB).body().get("status").asText());
        String reason = "出勤天数不足（2/24），不予补贴";
        Http.Answer rejected = http.send("POST", reviewB, "{\"approve\": false, \"reason\": \"" + reason + "\"}",
                IF_MATCH, etagB);
        assertEquals(rejected.body().toString(), 200, rejected.status());
        assertEquals("REJECTED", rejected.body().get("status").asText());
        assertEquals(reason, rejected.body().get("reviewNote").asText());

        // a reviewed claim is not reviewed again
        assertProblem(http.send("POST", reviewA, "{\"approve\": true}", IF_MATCH, approved.header("ETag")), 409,
                null, null);
        assertEquals("APPROVED", http.get("/claims/" + claimIdA).body().get("status").asText());
    }

    /**
     * K1: a class is refused when filed after its start; one that arrived filed late by another path
     * (here written straight into the store, as a migration would) claims nothing.
     */
    private void lateClassClaimsNothing(long projectId, long institutionId) throws Exception {
        today("2026-11-25");
        long classes = steps.total("/classes?projectId=" + projectId);
        assertProblem(http.post("/classes", classDraft(projectId, institutionId, "510104", "2026-11-20",
                "2026-12-05")), 422, "startDate", "K1");
        assertEquals("a class filed late is not stored", classes, steps.total("/classes?projectId=" + projectId));

        long lateId = store.transaction(tx -> tx.classes().insert(projectId, institutionId, new ClassFacts("510104",
                "6-31-01-03", SkillLevel.JUNIOR, TrainingMode.OFFLINE, TrainingKind.GENERAL,
                LocalDate.parse("2026-11-20"), LocalDate.parse("2026-12-05"), 80), LocalDate.parse("2026-11-23"),
                new BigDecimal("0.80"), "clerk")).id();
        Http.Answer late = http.get("/classes/" + lateId);
        assertTrue(late.body().toString(), LocalDate.parse(late.body().get("filedOn").asText())
                .isAfter(LocalDate.parse("2026-11-20")));
        long traineeC = steps.created("/trainees", """
                {"idNumber": "510104199501010015", "name": "孙丽"}""").body().get("id").asLong();
        long enrolmentC = steps.enrol(lateId, traineeC);
        today("2026-12-06");
        steps.recordOutcome(enrolmentC, "{\"passed\": true, \"employment\": \"NONE\"}");
        assertProblem(http.send("POST", "/classes/" + lateId + "/claims", null), 422, null, "K1");
        assertEquals("a refused computation stores nothing", 0, steps.total("/claims?classId=" + lateId));
    }

    /** K4: a claim computed before the institution is blacklisted is frozen by it, and not reviewed. */
    private void blacklistingFreezesTheUnreviewed(long projectId, long institutionId) throws Exception {
        today("2026-11-25");
        long thirdId = steps.created("/classes", classDraft(projectId, institutionId, "510104", "2027-01-11",
                "2027-01-29")).body().get("id").asLong();
        long traineeD = steps.created("/trainees", """
                {"idNumber": "510106198706050035", "name": "周强"}""").body().get("id").asLong();
        long enrolmentD = steps.enrol(thirdId, traineeD);
        today("2027-01-12");
        steps.checkIn(enrolmentD, LocalDate.parse("2027-01-11"));
        steps.checkIn(enrolmentD, LocalDate.parse("2027-01-12"));
        today("2027-01-30");
        steps.recordOutcome(enrolmentD, "{\"passed\": true, \"employment\": \"NONE\"}");
        Http.Answer third = http.send("POST", "/classes/" + thirdId + "/claims", null);
        assertEquals(third.body() == null ? "" : third.body().toString(), 200, third.status());
        assertEquals(third.body().toString(), 1, third.body().size());
        long claimIdD = third.body().get(0).get("id").asLong();
        assertEquals(traineeD, third.body().get(0).get("traineeId").asLong());
        assertEquals("FLAGGED", third.body().get(0).get("status").asText());

        Http.Answer institution = http.get("/institutions/" + institutionId);
        Http.Answer blacklisted = http.send("PUT", "/institutions/" + institutionId + "/status",
                "{\"status\": \"BLACKLISTED\"}", IF_MATCH, institution.header("ETag"));
        assertEquals(blacklisted.body().toString(), 200, blacklisted.status());
        assertEquals("BLACKLISTED", blacklisted.body().get("status").asText());
        assertEquals("FROZEN", http.get("/claims/" + claimIdD).body().get("status").asText());
        assertEquals(Set.of(claimIdD), ids(http.get("/claims?classId=" + thirdId + "&status=FROZEN").body()));
        Http.Answer frozen = http.get("/claims/" + claimIdD);
        assertProblem(http.send("POST", "/claims/" + claimIdD + "/review",
                "{\"approve\": true, \"reason\": \"核实\"}", IF_MATCH, frozen.header("ETag")), 409, null, null);
        assertEquals("FROZEN", http.get("/claims/" + claimIdD).body().get("status").asText());
    }
}
