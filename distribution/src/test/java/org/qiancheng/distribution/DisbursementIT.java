package org.qiancheng.distribution;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.bundle;
import static org.qiancheng.distribution.WorkflowSteps.IDEMPOTENCY_KEY;
import static org.qiancheng.distribution.WorkflowSteps.IF_MATCH;
import static org.qiancheng.distribution.WorkflowSteps.assertProblem;
import static org.qiancheng.distribution.WorkflowSteps.assertProblemNaming;
import static org.qiancheng.distribution.WorkflowSteps.awaitActive;
import static org.qiancheng.distribution.WorkflowSteps.body;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import javax.inject.Inject;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.ConfigurationAdmin;
import org.qiancheng.api.model.Money;
import org.qiancheng.api.registry.PolicyRegistry;

/**
 * Paying claims in instalments over HTTP with the shipped Jiangsu 2019–2021 policy, which lets
 * enterprise and project-based training be paid half in advance [JS-2019 §三(十四)]: the advance is
 * the allowed share of the amount, paid once (idempotently under a key), the balance only after
 * approval and once, and the two sum to the amount; general training gets no advance. The policy
 * is in force from 2019-08-28 to 2021-12-31 and a class is filed before its start, so each test
 * begins with the platform's clock at 2020-06-01 (by configuration, in place) and moves it as the
 * class goes on: into the class for check-ins, after its end for the outcome, the claim and the
 * payments. A settlement decides a trainee's second class with the claim of the first. The framework and
 * its fresh database are shared by the class; each test uses its own records.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class DisbursementIT extends PlatformTestSupport {

    /** The day each test starts on: the projects are published and the classes filed on it. */
    private static final String TODAY = "2020-06-01";
    /** The day the enterprise class's outcome is recorded and its claim paid. */
    private static final String PAID_ON = "2020-08-20";
    private static final BigDecimal HALF = new BigDecimal("0.50");
    /** The workflow's resources. */
    private static final List<String> RESOURCES = List.of("qiancheng.institutions", "qiancheng.projects",
            "qiancheng.classes", "qiancheng.trainees", "qiancheng.enrolments", "qiancheng.claims");

    @Inject
    private BundleContext context;

    @Inject
    private PolicyRegistry registry;

    @Inject
    private ConfigurationAdmin configurations;

    private Http http;
    private WorkflowSteps steps;

    @Configuration
    public Option[] configuration() throws Exception {
        return baseConfiguration(
                bundle(DIST.resolve("defaults/deploy/region-jiangsu-2019.1.0.jar").toUri().toString()));
    }

    @Before
    public void serverReadyOnTheFixedClock() throws Exception {
        http = new Http(context.getProperty("org.osgi.service.http.port"));
        steps = new WorkflowSteps(http);
        Map<String, Long> before = Dtos.resourceServiceIds(Whiteboard.await(context,
                d -> Dtos.resources(d).containsAll(RESOURCES), 30_000));
        awaitActive(registry, "320000");
        today(TODAY);
        assertEquals("moving the clock restarts no resource", before,
                Dtos.resourceServiceIds(Whiteboard.await(context, d -> true, 30_000)));
    }

    /**
     * The claim's payment state, paid and outstanding to the fen, alike in its read and in the list
     * filtered by that state (and absent from the lists of the other states).
     */
    private void assertPayment(long claimId, String state, BigDecimal paid, BigDecimal outstanding)
            throws Exception {
        JsonNode claim = http.get("/claims/" + claimId).body();
        assertEquals(claim.toString(), state, claim.get("paymentState").asText());
        assertEquals(claim.toString(), paid, claim.get("paid").decimalValue());
        assertEquals(claim.toString(), outstanding, claim.get("outstanding").decimalValue());
        for (String any : List.of("UNPAID", "ADVANCED", "PAID")) {
            JsonNode listed = null;
            for (JsonNode item : http.get("/claims?limit=500&paymentState=" + any).body().get("items")) {
                listed = item.get("id").asLong() == claimId ? item : listed;
            }
            assertEquals(any + " lists the claim only when it is " + state, any.equals(state), listed != null);
            if (listed != null) {
                assertEquals(listed.toString(), paid, listed.get("paid").decimalValue());
                assertEquals(listed.toString(), outstanding, listed.get("outstanding").decimalValue());
            }
        }
    }

    /** Moves "today" in place (the clock service stays; nothing restarts) and reads it back. */
    private void today(String day) throws Exception {
        WorkflowSteps.today(configurations, context, LocalDate.parse(day));
    }

    @Test
    public void anEnterpriseClaimIsPaidHalfInAdvanceAndTheBalanceAfterApproval() throws Exception {
        long projectId = publishedProject("车工（初级）企业职工培训");
        long institutionId = institution("南京市玄武区职业技能培训学校");

        // filed today, before its start [K1]
        Http.Answer filed = steps.created("/classes", classDraft(projectId, institutionId, "ENTERPRISE", "2020-07-01",
                "2020-07-31"));
        long classId = filed.body().get("id").asLong();
        assertEquals("the fixed clock files the class", TODAY, filed.body().get("filedOn").asText());
        assertEquals("ENTERPRISE", filed.body().get("facts").get("kind").asText());

        long traineeId = trainee("320102197503012017", "王秀英", "ENTERPRISE_EMPLOYEE");
        long enrolmentId = steps.enrol(classId, traineeId);
        today("2020-07-31"); // the class's last day
        LocalDate first = LocalDate.parse("2020-07-01");
        for (int i = 0; i < 28; i++) {
            steps.checkIn(enrolmentId, first.plusDays(i));
        }
        today(PAID_ON); // ended; the employment date is today
        steps.recordOutcome(enrolmentId, """
                {"passed": true, "certificate": {"kind": "SKILL_LEVEL", "level": "JUNIOR", "issuedOn": "2020-08-10"},
                 "employment": "STABLE", "employedOn": "2020-08-20"}""");

        // one claim, computed by Jiangsu with an advance share of one half
        JsonNode claim = onlyClaim(classId, "k-enterprise");
        assertEquals(claim.toString(), "COMPUTED", claim.get("status").asText());
        assertEquals(traineeId, claim.get("traineeId").asLong());
        assertEquals("320000", claim.get("decision").get("policy").get("regionCode").asText());
        BigDecimal amount = claim.get("amount").decimalValue();
        assertTrue(claim.toString(), amount.signum() > 0);
        BigDecimal share = claim.get("decision").get("result").get("advanceShare").decimalValue();
        assertEquals(claim.toString(), 0, HALF.compareTo(share));
        long claimId = claim.get("id").asLong();
        String disbursements = "/claims/" + claimId + "/disbursements";
        assertPayment(claimId, "UNPAID", Money.ZERO, amount);

        // the advance: half the amount, paid today
        BigDecimal expectedAdvance = amount.multiply(HALF).setScale(2, RoundingMode.HALF_UP);
        Http.Answer advance = http.send("POST", disbursements, "{\"kind\": \"ADVANCE\"}", IDEMPOTENCY_KEY, "adv-1");
        assertEquals(body(advance), 201, advance.status());
        assertTrue(advance.header("Location"), advance.header("Location") != null
                && advance.header("Location").endsWith("/api/v1/claims/" + claimId + "/disbursements"));
        long advanceId = advance.body().get("id").asLong();
        assertEquals(claimId, advance.body().get("claimId").asLong());
        assertEquals("ADVANCE", advance.body().get("kind").asText());
        assertEquals(body(advance), expectedAdvance, advance.body().get("amount").decimalValue());
        assertEquals(PAID_ON, advance.body().get("paidOn").asText());

        // the same key answers the same payment and pays nothing more
        Http.Answer repeated = http.send("POST", disbursements, "{\"kind\": \"ADVANCE\"}", IDEMPOTENCY_KEY, "adv-1");
        assertEquals(body(repeated), 201, repeated.status());
        assertEquals(advanceId, repeated.body().get("id").asLong());
        assertEquals(expectedAdvance, repeated.body().get("amount").decimalValue());
        assertEquals(1, payments(disbursements).size());

        // a second advance under another key is refused, and so is the balance before approval
        assertProblem(http.send("POST", disbursements, "{\"kind\": \"ADVANCE\"}", IDEMPOTENCY_KEY, "adv-2"), 409);
        assertProblem(http.send("POST", disbursements, "{\"kind\": \"BALANCE\"}"), 409);
        assertEquals("refused payments write nothing", 1, payments(disbursements).size());
        assertPayment(claimId, "ADVANCED", expectedAdvance, amount.subtract(expectedAdvance));

        // approved with the version read, then the balance: what the advance left
        Http.Answer read = http.get("/claims/" + claimId);
        Http.Answer approved = http.send("POST", "/claims/" + claimId + "/review", "{\"approve\": true}", IF_MATCH,
                read.header("ETag"));
        assertEquals(body(approved), 200, approved.status());
        assertEquals("APPROVED", approved.body().get("status").asText());
        Http.Answer balance = http.send("POST", disbursements, "{\"kind\": \"BALANCE\"}");
        assertEquals(body(balance), 201, balance.status());
        assertEquals("BALANCE", balance.body().get("kind").asText());
        assertEquals(claimId, balance.body().get("claimId").asLong());
        assertNotEquals(advanceId, balance.body().get("id").asLong());
        assertEquals(body(balance), amount.subtract(expectedAdvance), balance.body().get("amount").decimalValue());
        assertEquals(PAID_ON, balance.body().get("paidOn").asText());
        assertTrue(balance.header("Location"), balance.header("Location") != null
                && balance.header("Location").endsWith("/api/v1/claims/" + claimId + "/disbursements"));

        assertPayment(claimId, "PAID", amount, Money.ZERO);

        // the balance is paid once
        assertProblem(http.send("POST", disbursements, "{\"kind\": \"BALANCE\"}"), 409);

        // two payments, oldest first, that sum to the amount
        JsonNode paid = payments(disbursements);
        assertEquals(paid.toString(), 2, paid.size());
        assertEquals("ADVANCE", paid.get(0).get("kind").asText());
        assertEquals(advanceId, paid.get(0).get("id").asLong());
        assertEquals("BALANCE", paid.get(1).get("kind").asText());
        BigDecimal total = BigDecimal.ZERO;
        for (JsonNode payment : paid) {
            assertEquals(claimId, payment.get("claimId").asLong());
            total = total.add(payment.get("amount").decimalValue());
        }
        assertEquals(paid.toString(), 0, amount.compareTo(total));
    }

    @Test
    public void generalTrainingGetsNoAdvanceAndBadRequestsAreProblems() throws Exception {
        long projectId = publishedProject("车工（初级）就业技能培训");
        long institutionId = institution("南京市秦淮区职业培训中心");
        Http.Answer filed = steps.created("/classes", classDraft(projectId, institutionId, "GENERAL", "2020-09-01",
                "2020-09-30"));
        long classId = filed.body().get("id").asLong();
        assertEquals(TODAY, filed.body().get("filedOn").asText());
        long traineeId = trainee("320102198206150039", "李建国", "MIGRANT_WORKER");
        long enrolmentId = steps.enrol(classId, traineeId);
        today("2020-09-30"); // the class's last day
        LocalDate first = LocalDate.parse("2020-09-01");
        for (int i = 0; i < 27; i++) {
            steps.checkIn(enrolmentId, first.plusDays(i));
        }
        today("2020-10-12"); // ended; the certificate was issued today
        steps.recordOutcome(enrolmentId, """
                {"passed": true, "certificate": {"kind": "SKILL_LEVEL", "level": "JUNIOR", "issuedOn": "2020-10-12"},
                 "employment": "NONE"}""");
        JsonNode claim = onlyClaim(classId, null);
        assertTrue(claim.toString(), claim.get("amount").decimalValue().signum() > 0);
        assertEquals(claim.toString(), 0, BigDecimal.ZERO.compareTo(claim.get("decision").get("result")
                .get("advanceShare").decimalValue()));
        String disbursements = "/claims/" + claim.get("id").asLong() + "/disbursements";

        // general training: no advance [JS4]
        assertProblemNaming(http.send("POST", disbursements, "{\"kind\": \"ADVANCE\"}", IDEMPOTENCY_KEY, "gen-1"),
                422, "kind");

        // the kind is required and must be known; the key has the format of the claims computation's
        assertProblem(http.post(disbursements, "{}"), 422, "kind", "required");
        assertProblem(http.post(disbursements, "{\"kind\": \"GIFT\"}"), 422, "kind", "enum:InstalmentKind");
        assertProblem(http.send("POST", disbursements, "{\"kind\": \"ADVANCE\"}", IDEMPOTENCY_KEY, "k".repeat(201)),
                422, IDEMPOTENCY_KEY, "format:idempotency-key");
        assertEquals("nothing was paid", 0, payments(disbursements).size());

        // an unknown claim
        assertProblem(http.post("/claims/987654321/disbursements", "{\"kind\": \"ADVANCE\"}"), 404);
        assertProblem(http.get("/claims/987654321/disbursements"), 404);
    }

    /**
     * Jiangsu subsidises an occupation at a level once [JS1.repeat]. A settlement reads the next class while
     * it writes one (the next one's decisions are made meanwhile); the next class of a trainee of the class
     * being written is read only once that claim is stored, so its decision counts it and refuses.
     */
    @Test
    public void aSettlementDecidesATraineesSecondClassWithTheFirstClassesClaim() throws Exception {
        long projectId = publishedProject("车工（初级）结算先后");
        long institutionId = institution("南京市鼓楼区结算先后培训学校");
        long first = steps.created("/classes", classDraft(projectId, institutionId, "GENERAL", "2020-11-02",
                "2020-11-13")).body().get("id").asLong();
        long second = steps.created("/classes", classDraft(projectId, institutionId, "GENERAL", "2020-11-16",
                "2020-11-27")).body().get("id").asLong();
        long traineeId = trainee(BatchReviewIT.valid("320102198507210018"), "周先后", "MIGRANT_WORKER");
        long[] enrolments = {steps.enrol(first, traineeId), steps.enrol(second, traineeId)};
        LocalDate[] starts = {LocalDate.parse("2020-11-02"), LocalDate.parse("2020-11-16")};
        for (int i = 0; i < 2; i++) {
            today(starts[i].plusDays(11).toString());
            for (int day = 0; day < 12; day++) {
                steps.checkIn(enrolments[i], starts[i].plusDays(day));
            }
        }
        today("2020-11-30");
        for (long enrolment : enrolments) {
            steps.recordOutcome(enrolment, """
                    {"passed": true, "certificate": {"kind": "SKILL_LEVEL", "level": "JUNIOR", "issuedOn": "2020-11-30"},
                     "employment": "NONE"}""");
        }

        JsonNode run = steps.settled("{\"regionCode\": \"320000\", \"month\": \"2020-11\"}");

        assertEquals(run.toString(), 2, run.get("claimsCreated").asLong());
        JsonNode granted = http.get("/claims?classId=" + first).body().get("items").get(0);
        assertTrue(granted.toString(), granted.get("amount").decimalValue().signum() > 0);
        JsonNode refused = http.get("/claims?classId=" + second).body().get("items").get(0);
        assertEquals(refused.toString(), "REJECTED", refused.get("status").asText());
        assertEquals(refused.toString(), 0, BigDecimal.ZERO.compareTo(refused.get("amount").decimalValue()));
        assertTrue(refused.toString(), refused.get("decision").get("result").get("eligibility").toString()
                .contains("JS1.repeat"));
    }

    /**
     * K4 in a settlement: a batch reads its classes' institutions once each, and freezes the claims of the
     * class whose institution is blacklisted, not those of the class beside it.
     */
    @Test
    public void aSettlementFreezesTheClaimsOfTheBlacklistedInstitutionsClassOnly() throws Exception {
        long projectId = publishedProject("车工（初级）结算冻结");
        long listed = institution("南京市鼓楼区结算正常培训学校");
        long blacklisted = institution("南京市鼓楼区结算失信培训学校");
        LocalDate start = LocalDate.parse("2020-12-01");
        long[] classes = new long[2];
        long[] enrolments = new long[2];
        String[] idNumbers = {"320102198507210034", "320102198507210050"};
        for (int i = 0; i < 2; i++) {
            classes[i] = steps.created("/classes", classDraft(projectId, i == 0 ? listed : blacklisted, "GENERAL",
                    "2020-12-01", "2020-12-12")).body().get("id").asLong();
            long traineeId = trainee(BatchReviewIT.valid(idNumbers[i]), "冯冻结", "MIGRANT_WORKER");
            enrolments[i] = steps.enrol(classes[i], traineeId);
        }
        today("2020-12-12");
        for (long enrolment : enrolments) {
            for (int day = 0; day < 12; day++) {
                steps.checkIn(enrolment, start.plusDays(day));
            }
        }
        today("2020-12-15");
        for (long enrolment : enrolments) {
            steps.recordOutcome(enrolment, """
                    {"passed": true, "certificate": {"kind": "SKILL_LEVEL", "level": "JUNIOR", "issuedOn": "2020-12-15"},
                     "employment": "NONE"}""");
        }
        Http.Answer institution = http.get("/institutions/" + blacklisted);
        Http.Answer changed = http.send("PUT", "/institutions/" + blacklisted + "/status",
                "{\"status\": \"BLACKLISTED\"}", IF_MATCH, institution.header("ETag"));
        assertEquals(body(changed), 200, changed.status());

        JsonNode run = steps.settled("{\"regionCode\": \"320000\", \"month\": \"2020-12\"}");

        assertEquals(run.toString(), 2, run.get("claimsCreated").asLong());
        JsonNode kept = http.get("/claims?classId=" + classes[0]).body().get("items").get(0);
        JsonNode frozen = http.get("/claims?classId=" + classes[1]).body().get("items").get(0);
        assertNotEquals(kept.toString(), "FROZEN", kept.get("status").asText());
        assertTrue(kept.toString(), kept.get("amount").decimalValue().signum() > 0);
        assertEquals(frozen.toString(), "FROZEN", frozen.get("status").asText());
    }

    // ----- the records of a scenario -----

    /** A published Jiangsu project for lathe operators at the junior level (in the catalogue). */
    private long publishedProject(String name) throws Exception {
        Http.Answer published = steps.publishedProject("""
                {"regionCode": "320000", "name": "%s", "occupationCode": "6-18-01-01", "level": "JUNIOR",
                 "headcount": 30}""".formatted(name));
        assertEquals(TODAY, published.body().get("publishedOn").asText());
        return published.body().get("id").asLong();
    }

    /** An institution of Nanjing. */
    private long institution(String name) throws Exception {
        return steps.institution(name, "320100");
    }

    /** A trainee registered in Xuanwu district, Nanjing, where the classes are held. */
    private long trainee(String idNumber, String name, String group) throws Exception {
        return steps.created("/trainees", """
                {"idNumber": "%s", "name": "%s", "groups": ["%s"], "householdRegion": "320102"}"""
                .formatted(idNumber, name, group)).body().get("id").asLong();
    }

    private static String classDraft(long projectId, long institutionId, String kind, String start, String end) {
        return """
                {"projectId": %d, "institutionId": %d, "regionCode": "320102", "mode": "OFFLINE", "kind": "%s",
                 "startDate": "%s", "endDate": "%s", "hours": 80}""".formatted(projectId, institutionId, kind, start,
                end);
    }

    /** Computes the class's claims (200) and answers the only one. */
    private JsonNode onlyClaim(long classId, String key) throws Exception {
        String path = "/classes/" + classId + "/claims";
        Http.Answer computed = key == null ? http.send("POST", path, null)
                : http.send("POST", path, null, IDEMPOTENCY_KEY, key);
        assertEquals(body(computed), 200, computed.status());
        assertEquals(body(computed), 1, computed.body().size());
        return computed.body().get(0);
    }

    /** The payments of a claim (200), a JSON list. */
    private JsonNode payments(String path) throws Exception {
        Http.Answer answer = http.get(path);
        assertEquals(body(answer), 200, answer.status());
        assertTrue(body(answer), answer.body().isArray());
        return answer.body();
    }
}
