package org.qiancheng.distribution;

import static org.junit.Assert.assertEquals;
import static org.qiancheng.distribution.WorkflowSteps.IF_MATCH;
import static org.qiancheng.distribution.WorkflowSteps.assertProblem;
import static org.qiancheng.distribution.WorkflowSteps.body;
import static org.qiancheng.distribution.WorkflowSteps.classDraft;

import java.util.Set;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.qiancheng.api.security.Role;

/**
 * Separation of duties on a claim, checked on the person whatever roles they hold: who filed the
 * class or computed the claim does not review it, and who approved it does not pay its balance.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class SeparationOfDutiesIT extends WorkflowTestSupport {

    @Test
    public void nobodyReviewsWhatTheyFiledOrComputedNorPaysWhatTheyApproved() throws Exception {
        // three people who each hold two roles, so that only the person rule can stop them
        Http filer = http.staff().member(http, "wang.filer", Set.of(Role.CLERK, Role.REVIEWER), "510000");
        Http computer = http.staff().member(http, "li.computer", Set.of(Role.CLERK, Role.REVIEWER), "510000");
        Http approver = http.staff().member(http, "zhao.approver", Set.of(Role.REVIEWER, Role.FINANCE), "510000");

        long institution = steps.institution("成都市职责分离测试学校", "510100");
        long project = steps.publishedProject("""
                {"regionCode": "510000", "name": "职责分离测试", "occupationCode": "6-31-01-03", "level": "JUNIOR",
                 "headcount": 30}""").body().get("id").asLong();
        Http.Answer filed = filer.post("/classes", classDraft(project, institution, "510104", "2026-12-07",
                "2026-12-11"));
        assertEquals(body(filed), 201, filed.status());
        long classId = filed.body().get("id").asLong();
        long trainee = steps.created("/trainees", """
                {"idNumber": "510104199109210071", "name": "分离甲"}""").body().get("id").asLong();
        long enrolment = steps.enrol(classId, trainee);
        today("2026-12-11");
        for (int day = 7; day <= 11; day++) {
            steps.checkIn(enrolment, java.time.LocalDate.of(2026, 12, day));
        }
        today("2026-12-12");
        steps.recordOutcome(enrolment, "{\"passed\": true, \"employment\": \"NONE\"}");
        Http.Answer computed = computer.post("/classes/" + classId + "/claims", "");
        assertEquals(body(computed), 200, computed.status());
        long claim = computed.body().get(0).get("id").asLong();
        String review = "/claims/" + claim + "/review";
        String etag = http.get("/claims/" + claim).header("ETag");
        String approve = "{\"approve\": true, \"reason\": \"核实 checked\"}";

        assertProblem(computer.send("POST", review, approve, IF_MATCH, etag), 403, null, "separation-of-duties");
        assertProblem(filer.send("POST", review, approve, IF_MATCH, etag), 403, null, "separation-of-duties");
        assertEquals("refused reviews change nothing", etag, http.get("/claims/" + claim).header("ETag"));
        Http.Answer approved = approver.send("POST", review, approve, IF_MATCH, etag);
        assertEquals(body(approved), 200, approved.status());

        String payments = "/claims/" + claim + "/disbursements";
        assertProblem(approver.post(payments, "{\"kind\": \"BALANCE\"}"), 403, null, "separation-of-duties");
        assertEquals("a refused payment pays nothing", 0, http.get(payments).body().size());
        Http.Answer paid = http.as(Role.FINANCE).post(payments, "{\"kind\": \"BALANCE\"}");
        assertEquals(body(paid), 201, paid.status());
    }
}
