package org.qiancheng.distribution;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.qiancheng.distribution.WorkflowSteps.IF_MATCH;
import static org.qiancheng.distribution.WorkflowSteps.PROBLEM_JSON;
import static org.qiancheng.distribution.WorkflowSteps.assertProblem;
import static org.qiancheng.distribution.WorkflowSteps.body;
import static org.qiancheng.distribution.WorkflowSteps.classDraft;
import static org.qiancheng.distribution.WorkflowSteps.etag;
import static org.qiancheng.distribution.WorkflowSteps.ids;
import static org.qiancheng.distribution.WorkflowSteps.item;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * The directory and enrolment over HTTP: institution, project, publication under If-Match, class
 * filing before the start (K1), real-name trainees with masked IDs, and enrolment under the kernel
 * rules K2–K4, K10 (not once the class has ended) and a region's eligibility (the test policy's T1).
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class WorkflowEnrolmentIT extends WorkflowTestSupport {

    @Test
    public void aSichuanTraineeIsEnrolledOnceUnderTheKernelRules() throws Exception {
        long institutionId = listedInstitution();
        long projectId = projectPublishedOnlyAtItsVersion();
        long classId = classFiledInChengdu(projectId, institutionId);
        long traineeId = realNameTrainee();
        String enrolment = enrolledOnce(classId, traineeId);

        // a second class of the same project overlapping in time: not the same trainee [K3]
        long overlapping = steps.created("/classes", classDraft(projectId, institutionId, "510104", "2026-12-20",
                "2027-01-10")).body().get("id").asLong();
        assertProblem(http.post("/classes/" + overlapping + "/enrolments", enrolment), 422, null, "K3");
        assertEquals(0, http.get("/classes/" + overlapping + "/enrolments").body().get("total").asLong());

        blacklistedItFilesNoClass(institutionId, projectId);
    }

    @Test
    public void theRegionsPolicyRefusesAPensionerAtEnrolment() throws Exception {
        long institutionId = steps.institution("测试省职业培训中心", "990000");
        long projectId = steps.publishedProject("""
                {"regionCode": "990000", "name": "养老护理员（初级）培训", "occupationCode": "4-10-01-05",
                 "level": "JUNIOR", "headcount": 20}""").body().get("id").asLong();
        long classId = steps.created("/classes",
                classDraft(projectId, institutionId, "990000", "2026-12-07", "2026-12-30"))
                .body().get("id").asLong();
        Http.Answer trainee = steps.created("/trainees", """
                {"idNumber": "320102197503012017", "name": "王秀英", "receivesPension": true}""");
        long traineeId = trainee.body().get("id").asLong();
        assertTrue(trainee.body().get("receivesPension").asBoolean());
        assertEquals("320102********2017", trainee.body().get("residentId").asText());

        assertProblem(http.post("/classes/" + classId + "/enrolments", "{\"traineeId\": " + traineeId + "}"), 422,
                null, "T1");
        assertEquals(0, http.get("/classes/" + classId + "/enrolments").body().get("total").asLong());
    }

    /** K1 at filing: a class starting today or earlier is refused, one starting tomorrow is filed. */
    @Test
    public void aClassIsFiledOnlyBeforeItsStart() throws Exception {
        long institutionId = steps.institution("成都市备案时限测试学校", "510100");
        long projectId = steps.publishedProject("""
                {"regionCode": "510000", "name": "电工（初级）备案时限", "occupationCode": "6-31-01-03",
                 "level": "JUNIOR", "headcount": 30}""").body().get("id").asLong();
        String classes = "/classes?projectId=" + projectId;
        assertProblem(http.post("/classes", classDraft(projectId, institutionId, "510104", BASE_DAY.toString(),
                BASE_DAY.plusDays(20).toString())), 422, "startDate", "K1");
        assertProblem(http.post("/classes", classDraft(projectId, institutionId, "510104",
                BASE_DAY.minusDays(5).toString(), BASE_DAY.plusDays(10).toString())), 422, "startDate", "K1");
        assertEquals("a refused filing stores nothing", 0, steps.total(classes));
        Http.Answer filed = steps.created("/classes", classDraft(projectId, institutionId, "510104",
                BASE_DAY.plusDays(1).toString(), BASE_DAY.plusDays(20).toString()));
        assertEquals(BASE_DAY.toString(), filed.body().get("filedOn").asText());
        assertEquals(1, steps.total(classes));
    }

    /** K10: enrolled, singly or from a file, up to the class's last day; from the day after, refused. */
    @Test
    public void enrolmentClosesWhenTheClassHasEnded() throws Exception {
        long institutionId = steps.institution("成都市报名时限测试学校", "510100");
        long projectId = steps.publishedProject("""
                {"regionCode": "510000", "name": "电工（初级）报名时限", "occupationCode": "6-31-01-03",
                 "level": "JUNIOR", "headcount": 30}""").body().get("id").asLong();
        long classId = steps.created("/classes", classDraft(projectId, institutionId, "510104", "2027-06-07",
                "2027-06-25")).body().get("id").asLong();
        long first = steps.created("/trainees", """
                {"idNumber": "510104198503150017", "name": "报名甲"}""").body().get("id").asLong();
        long late = steps.created("/trainees", """
                {"idNumber": "510104198705170032", "name": "报名丙"}""").body().get("id").asLong();
        steps.created("/trainees", """
                {"idNumber": "51010419860416002X", "name": "报名乙"}""");
        steps.created("/trainees", """
                {"idNumber": "510104198806180045", "name": "报名丁"}""");
        String enrolments = "/classes/" + classId + "/enrolments";

        today("2027-06-25");
        steps.enrol(classId, first);
        Http.Answer imported = http.postCsv(enrolments + "/import", "身份证号\n51010419860416002X\n");
        assertEquals(body(imported), 200, imported.status());
        assertEquals(2, steps.total(enrolments));

        today("2027-06-26");
        assertProblem(http.post(enrolments, "{\"traineeId\": " + late + "}"), 409, "classId", "K10");
        assertProblem(http.postCsv(enrolments + "/import", "身份证号\n510104198806180045\n"), 409, "classId",
                "K10");
        assertEquals("a refused enrolment stores nothing", 2, steps.total(enrolments));
    }

    /** An institution of the directory, read with the same version and listed in its region. */
    private long listedInstitution() throws Exception {
        Http.Answer institution = steps.created("/institutions", """
                {"name": "成都市锦江区职业技能培训学校", "regionCode": "510100"}""");
        long institutionId = institution.body().get("id").asLong();
        assertEquals("LISTED", institution.body().get("status").asText());
        Http.Answer institutionRead = http.get("/institutions/" + institutionId);
        assertEquals(200, institutionRead.status());
        assertEquals(institution.header("ETag"), institutionRead.header("ETag"));
        assertTrue(ids(http.get("/institutions?region=510100&status=LISTED").body()).contains(institutionId));
        return institutionId;
    }

    /** A project, published only with the version it was read at. */
    private long projectPublishedOnlyAtItsVersion() throws Exception {
        Http.Answer project = steps.created("/projects", """
                {"regionCode": "510000", "name": "电工（初级）培训", "occupationCode": "6-31-01-03",
                 "level": "JUNIOR", "headcount": 30}""");
        long projectId = project.body().get("id").asLong();
        long projectVersion = project.body().get("version").asLong();
        assertFalse("unpublished", project.body().has("publishedOn"));
        assertFalse(ids(http.get("/projects?region=510000&published=true").body()).contains(projectId));
        String publish = "/projects/" + projectId + "/publish";
        assertProblem(http.send("POST", publish, null), 428, IF_MATCH, "precondition-required");
        assertProblem(http.send("POST", publish, null, IF_MATCH, etag(projectVersion + 1)), 412, IF_MATCH, "version");
        assertFalse("a refused publication writes nothing", http.get("/projects/" + projectId).body().has("publishedOn"));
        Http.Answer published = http.send("POST", publish, null, IF_MATCH, project.header("ETag"));
        assertEquals(published.body().toString(), 200, published.status());
        assertNotNull(published.body().get("publishedOn"));
        assertEquals(etag(published.body().get("version").asLong()), published.header("ETag"));
        assertNotEquals(project.header("ETag"), published.header("ETag"));
        assertTrue(ids(http.get("/projects?region=510000&published=true").body()).contains(projectId));
        return projectId;
    }

    /** A class filed under the project in a district of Chengdu, with the project's facts. */
    private long classFiledInChengdu(long projectId, long institutionId) throws Exception {
        Http.Answer filed = steps.created("/classes", classDraft(projectId, institutionId, "510104", "2026-12-07",
                "2026-12-30"));
        long classId = filed.body().get("id").asLong();
        JsonNode facts = http.get("/classes/" + classId).body().get("facts");
        assertEquals("510104", facts.get("regionCode").asText());
        assertEquals("6-31-01-03", facts.get("occupationCode").asText());
        assertEquals("JUNIOR", facts.get("level").asText());
        assertEquals("2026-12-07", facts.get("startDate").asText());
        assertEquals(80, facts.get("hours").asInt());
        return classId;
    }

    /** Real-name trainees: an invalid ID is refused and never stored [K2]; the ID is masked in lists. */
    private long realNameTrainee() throws Exception {
        long traineesBefore = steps.total("/trainees");
        Http.Answer trainee = steps.created("/trainees", """
                {"idNumber": "510104199001011230", "name": "张三"}""");
        long traineeId = trainee.body().get("id").asLong();
        assertEquals("510104********1230", trainee.body().get("residentId").asText());
        assertProblem(http.post("/trainees", """
                {"idNumber": "510104199001011231", "name": "李四"}"""), 422, "idNumber", "gb11643:check-digit");
        assertEquals(traineesBefore + 1, steps.total("/trainees"));

        // the ID is masked in lists and in a plain read; shown in full only for a stated reason, audited
        Http.Answer list = http.get("/trainees?region=510104&limit=500");
        assertEquals(200, list.status());
        JsonNode listed = item(list.body(), traineeId);
        assertEquals("510104********1230", listed.get("residentId").asText());
        assertFalse(list.body().toString(), list.body().toString().contains("510104199001011230"));
        Http.Answer plain = http.get("/trainees/" + traineeId);
        assertEquals(200, plain.status());
        assertEquals("510104********1230", plain.body().get("residentId").asText());
        assertFalse(body(plain), body(plain).contains("510104199001011230"));
        assertProblem(http.get("/trainees/" + traineeId + "?reason="), 422, "reason", "required");
        assertProblem(http.as(org.qiancheng.api.security.Role.FINANCE).get("/trainees/" + traineeId
                + "?reason=payment"), 403, null, "permission");
        String reason = "核对身份证件 checking the ID card";
        Http.Answer full = http.get("/trainees/" + traineeId + "?reason="
                + java.net.URLEncoder.encode(reason, java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(body(full), 200, full.status());
        assertEquals("510104199001011230", full.body().get("idNumber").asText());
        assertEquals("张三", full.body().get("name").asText());
        assertEquals(etag(full.body().get("version").asLong()), full.header("ETag"));
        assertTrue(full.header("Cache-Control"), full.header("Cache-Control").contains("no-store"));
        JsonNode seen = http.get("/audit?entity=trainee&entityId=" + traineeId).body().get("items").get(0);
        assertEquals("trainee.pii-read", seen.get("action").asText());
        assertEquals("who saw it", "clerk", seen.get("actor").asText());
        assertTrue("why", seen.get("after").asText().contains(reason));
        assertTrue("whose, masked", seen.get("after").asText().contains("510104********1230"));
        assertFalse(seen.get("after").asText().contains("510104199001011230"));
        return traineeId;
    }

    /** Enrolled once, checked by the Sichuan policy; the same enrolment again conflicts. Answers the request. */
    private String enrolledOnce(long classId, long traineeId) throws Exception {
        String enrolment = "{\"traineeId\": " + traineeId + "}";
        Http.Answer enrolled = http.post("/classes/" + classId + "/enrolments", enrolment);
        assertEquals(enrolled.body().toString(), 201, enrolled.status());
        assertEquals(classId, enrolled.body().get("classId").asLong());
        assertEquals(traineeId, enrolled.body().get("traineeId").asLong());
        assertEquals("510000", enrolled.body().get("checkedBy").get("regionCode").asText());
        assertEquals("2025.1.0", enrolled.body().get("checkedBy").get("version").asText());
        Http.Answer again = http.post("/classes/" + classId + "/enrolments", enrolment);
        assertEquals(again.body() == null ? "" : again.body().toString(), 409, again.status());
        assertEquals(PROBLEM_JSON, again.type());
        JsonNode enrolments = http.get("/classes/" + classId + "/enrolments").body();
        assertEquals(1, enrolments.get("total").asLong());
        assertEquals(traineeId, enrolments.get("items").get(0).get("traineeId").asLong());
        return enrolment;
    }

    /** Blacklisted with the version read; a stale version is refused; it can file no class [K4]. */
    private void blacklistedItFilesNoClass(long institutionId, long projectId) throws Exception {
        String status = "/institutions/" + institutionId + "/status";
        Http.Answer current = http.get("/institutions/" + institutionId);
        assertProblem(http.send("PUT", status, "{\"status\": \"BLACKLISTED\"}"), 428, IF_MATCH,
                "precondition-required");
        Http.Answer blacklisted = http.send("PUT", status, "{\"status\": \"BLACKLISTED\"}", IF_MATCH,
                current.header("ETag"));
        assertEquals(blacklisted.body().toString(), 200, blacklisted.status());
        assertEquals("BLACKLISTED", blacklisted.body().get("status").asText());
        assertNotEquals(current.header("ETag"), blacklisted.header("ETag"));
        assertProblem(http.send("PUT", status, "{\"status\": \"LISTED\"}", IF_MATCH, current.header("ETag")), 412,
                IF_MATCH, "version");
        assertEquals("BLACKLISTED", http.get("/institutions/" + institutionId).body().get("status").asText());
        assertTrue(ids(http.get("/institutions?status=BLACKLISTED").body()).contains(institutionId));
        assertEquals(2, steps.total("/classes?projectId=" + projectId));
        assertProblem(http.post("/classes", classDraft(projectId, institutionId, "510104", "2027-03-01",
                "2027-03-20")), 422, null, "K4");
        assertEquals("the refused class is not stored", 2, steps.total("/classes?projectId=" + projectId));
    }
}
