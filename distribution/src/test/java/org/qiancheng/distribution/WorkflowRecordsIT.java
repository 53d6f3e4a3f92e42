package org.qiancheng.distribution;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.qiancheng.distribution.WorkflowSteps.IF_MATCH;
import static org.qiancheng.distribution.WorkflowSteps.PROBLEM_JSON;
import static org.qiancheng.distribution.WorkflowSteps.assertProblem;
import static org.qiancheng.distribution.WorkflowSteps.classDraft;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.qiancheng.api.security.Role;

/**
 * What the workflow keeps and reports over HTTP: the audit trail with operators and masked IDs, CSV
 * and XLSX imports that are all or nothing, the indicator and dispatch reports, and problem answers naming
 * the field for unknown records and bad input.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class WorkflowRecordsIT extends WorkflowTestSupport {

    @Test
    public void everyChangeIsInTheAuditTrailWithItsOperatorAndMaskedIds() throws Exception {
        Http.Answer created = http.send("POST", "/institutions", """
                {"name": "成都市审计测试培训学校", "regionCode": "510100"}""");
        assertEquals(201, created.status());
        long id = created.body().get("id").asLong();
        assertEquals(200, http.send("PUT", "/institutions/" + id + "/status", "{\"status\": \"WHITELISTED\"}",
                "If-Match", created.header("ETag")).status());

        JsonNode trail = http.get("/audit?entity=institution&entityId=" + id).body();
        assertEquals(2, trail.get("total").asLong());
        JsonNode newest = trail.get("items").get(0);
        assertEquals("institution.status-changed", newest.get("action").asText());
        assertEquals("the authenticated user", "clerk", newest.get("actor").asText());
        assertTrue(newest.get("before").asText(), newest.get("before").asText().contains("\"LISTED\""));
        assertTrue(newest.get("after").asText(), newest.get("after").asText().contains("\"WHITELISTED\""));
        JsonNode first = trail.get("items").get(1);
        assertEquals("institution.created", first.get("action").asText());
        assertEquals("clerk", first.get("actor").asText());
        assertFalse("nothing before a creation", first.has("before"));

        Http.Answer trainee = http.post("/trainees", """
                {"idNumber": "510104199601010039", "name": "审计测试学员"}""");
        assertEquals(201, trainee.status());
        JsonNode registered = http.get("/audit?entity=trainee&entityId=" + trainee.body().get("id").asLong()).body()
                .get("items").get(0);
        assertEquals("clerk", registered.get("actor").asText());
        assertTrue(registered.get("after").asText().contains("510104********0039"));
        assertFalse("the audit trail never holds a full ID", registered.get("after").asText()
                .contains("510104199601010039"));
        assertEquals(422, http.get("/audit?entity=spaceship").status());
    }

    @Test
    public void aCsvFileImportsAllOrNothingWithAnErrorPerRow() throws Exception {
        long before = http.get("/trainees").body().get("total").asLong();
        String broken = "\uFEFF身份证号,姓名,重点群体,领取养老金\r\n"
                + "510104197001010511,陈一,农民工,否\r\n"
                + "510104197102020621,错号,,否\r\n"
                + "51010419720303073X,王三,\"农民工、退役军人\",是\r\n"
                + "510104197001010511,重复,,\r\n";
        Http.Answer refused = http.postCsv("/trainees/import", broken);
        assertEquals(refused.body().toString(), 422, refused.status());
        List<String> fields = new ArrayList<>();
        refused.body().get("violations").forEach(v -> fields.add(v.get("field").asText() + "/" + v.get("rule").asText()));
        assertEquals(List.of("line 3: idNumber/gb11643:check-digit", "line 5: idNumber/unique"), fields);
        assertEquals("nothing imported", before, http.get("/trainees").body().get("total").asLong());

        Http.Answer imported = http.postCsv("/trainees/import", broken.replace("510104197102020621,错号",
                "510104197102020620,李二").replace("510104197001010511,重复,,\r\n", ""));
        assertEquals(imported.body().toString(), 200, imported.status());
        assertEquals(3, imported.body().get("imported").asInt());
        assertEquals("510104********0511", imported.body().get("items").get(0).get("residentId").asText());
        assertEquals(before + 3, http.get("/trainees").body().get("total").asLong());
        assertTrue(imported.body().get("items").get(2).get("receivesPension").asBoolean());

        long institution = steps.institution("成都市批量导入培训学校", "510100");
        long projectId = steps.publishedProject("""
                {"regionCode": "510000", "name": "电工批量", "occupationCode": "6-31-01-03", "level": "JUNIOR",
                 "headcount": 30}""").body().get("id").asLong();
        long course = steps.created("/classes",
                classDraft(projectId, institution, "510104", "2027-02-01", "2027-02-20"))
                .body().get("id").asLong();
        Http.Answer unknown = http.postCsv("/classes/" + course + "/enrolments/import",
                "idNumber\n510104197001010511\n110105194912310021\n");
        assertEquals(422, unknown.status());
        assertEquals("line 3: idNumber", unknown.body().get("violations").get(0).get("field").asText());
        assertEquals(0, http.get("/classes/" + course + "/enrolments").body().get("total").asLong());
        Http.Answer enrolled = http.postCsv("/classes/" + course + "/enrolments/import",
                "身份证号\n510104197001010511\n510104197102020620\n");
        assertEquals(enrolled.body().toString(), 200, enrolled.status());
        assertEquals(2, http.get("/classes/" + course + "/enrolments").body().get("total").asLong());
        assertEquals(422, http.postCsv("/trainees/import", "护照号,姓名\nX,Y\n").status());
    }

    @Test
    public void anXlsxWorkbookImportsAsItsCsvWouldAndABrokenOneWritesNothing() throws Exception {
        Http clerk = http.as(Role.CLERK);
        long before = clerk.get("/trainees").body().get("total").asLong();
        // the second ID typed as a number, as Excel keeps it: a double, already without its last digits
        byte[] numeric = Workbooks.xlsx(List.of(List.of("身份证号", "姓名", "重点群体"),
                List.of("510104198807070710", "表格甲", "农民工"), List.of(5.10104198908080731E17, "表格乙")));
        Http.Answer refused = clerk.postBytes("/trainees/import", Workbooks.TYPE, numeric);
        assertEquals(refused.body().toString(), 422, refused.status());
        JsonNode violation = refused.body().get("violations").get(0);
        assertEquals("line 3: idNumber", violation.get("field").asText());
        assertEquals("cell:text", violation.get("rule").asText());
        assertEquals(1, refused.body().get("violations").size());
        assertTrue(refused.body().get("detailZh").asText(), refused.body().get("detailZh").asText().contains("文本"));
        Http.Answer garbage = clerk.postBytes("/trainees/import", Workbooks.TYPE,
                "身份证号,姓名\n510104198807070710,表格甲\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertProblem(garbage, 400, "body", "xlsx");
        assertEquals("nothing imported", before, clerk.get("/trainees").body().get("total").asLong());

        byte[] good = Workbooks.xlsx(List.of(List.of("身份证号", "姓名", "重点群体"),
                List.of("510104198807070710", "表格甲", "农民工"), List.of(), List.of("510104198908080731", "表格乙")));
        Http.Answer imported = clerk.postBytes("/trainees/import", Workbooks.TYPE, good);
        assertEquals(imported.body().toString(), 200, imported.status());
        assertEquals(2, imported.body().get("imported").asInt());
        assertEquals(before + 2, clerk.get("/trainees").body().get("total").asLong());
        JsonNode second = clerk.get("/trainees/" + imported.body().get("items").get(1).get("id").asLong()).body();
        assertEquals("表格乙", second.get("name").asText());
        assertEquals("510104********0731", second.get("residentId").asText());

        long institution = steps.institution("成都市表格导入培训学校", "510100");
        long projectId = steps.publishedProject("""
                {"regionCode": "510000", "name": "电工表格", "occupationCode": "6-31-01-03", "level": "JUNIOR",
                 "headcount": 30}""").body().get("id").asLong();
        long course = steps.created("/classes",
                classDraft(projectId, institution, "510104", "2027-02-01", "2027-02-20"))
                .body().get("id").asLong();
        Http.Answer number = clerk.postBytes("/classes/" + course + "/enrolments/import", Workbooks.TYPE,
                Workbooks.xlsx(List.of(List.of("身份证号"), List.of(510104198807070710L))));
        assertProblem(number, 422, "line 2: idNumber", "cell:text");
        assertEquals(0, clerk.get("/classes/" + course + "/enrolments").body().get("total").asLong());
        Http.Answer enrolled = clerk.postBytes("/classes/" + course + "/enrolments/import", Workbooks.TYPE,
                Workbooks.xlsx(List.of(List.of("idNumber"), List.of("510104198807070710"), List.of("510104198908080731"))));
        assertEquals(enrolled.body().toString(), 200, enrolled.status());
        assertEquals(2, clerk.get("/classes/" + course + "/enrolments").body().get("total").asLong());
    }

    @Test
    public void reportsCountTheStoredClassesOfTheRegionAndPeriod() throws Exception {
        long institution = steps.institution("成都市报表测试学校", "510100");
        long projectId = steps.publishedProject("""
                {"regionCode": "510000", "name": "电工报表", "occupationCode": "6-31-01-03", "level": "JUNIOR",
                 "headcount": 30}""").body().get("id").asLong();
        long course = steps.created("/classes",
                classDraft(projectId, institution, "510104", "2027-05-10", "2027-05-20"))
                .body().get("id").asLong();
        assertEquals(200, http.postCsv("/trainees/import",
                "idNumber,name\n510104198005050515,报表甲\n510104198106060624,报表乙\n").status());
        JsonNode enrolled = http.postCsv("/classes/" + course + "/enrolments/import",
                "idNumber\n510104198005050515\n510104198106060624\n").body().get("items");
        today("2027-06-01"); // the class has ended; the employment date is today
        for (JsonNode enrolment : enrolled) {
            long id = enrolment.get("id").asLong();
            Http.Answer read = http.get("/enrolments/" + id);
            boolean first = enrolment == enrolled.get(0);
            String outcome = first ? """
                    {"passed": true, "certificate": {"kind": "SKILL_LEVEL", "level": "JUNIOR", "issuedOn": "2027-05-25"},
                     "employment": "STABLE", "employedOn": "2027-06-01"}""" : "{\"passed\": false}";
            assertEquals(200, http.send("PUT", "/enrolments/" + id + "/outcome", outcome, IF_MATCH,
                    read.header("ETag")).status());
        }

        JsonNode indicators = http.get("/reports/510000/indicators?from=2027-05-01&to=2027-05-31").body();
        assertEquals(indicators.toString(), 1, indicators.get("classes").asInt());
        JsonNode row = indicators.get("rows").get(0);
        assertEquals("classes, enrolled, evaluated, passed, certified, employed", List.of(1L, 2L, 2L, 1L, 1L, 1L),
                List.of(row.get(0).asLong(), row.get(1).asLong(), row.get(2).asLong(), row.get(3).asLong(),
                        row.get(4).asLong(), row.get(5).asLong()));
        assertEquals("0.5000", row.get(7).asText());
        JsonNode dispatch = http.get("/reports/510100/monthly-dispatch?from=2027-05-01&to=2027-05-31").body();
        assertEquals("a city's report counts its own districts", "2027-05", dispatch.get("rows").get(0).get(0).asText());
        assertEquals(0, http.get("/reports/510700/indicators?from=2027-05-01&to=2027-05-31").body()
                .get("classes").asInt());
    }

    @Test
    public void unknownRecordsAndBadInputAreProblemsNamingTheField() throws Exception {
        for (String missing : List.of("/institutions/987654321", "/projects/987654321", "/classes/987654321",
                "/trainees/987654321", "/classes/987654321/enrolments")) {
            Http.Answer answer = http.get(missing);
            assertEquals(missing, 404, answer.status());
            assertEquals(missing, PROBLEM_JSON, answer.type());
            assertEquals(404, answer.body().get("status").asInt());
        }

        // JSON of the wrong shape: 422 naming the JSON path and the rule; nothing stored
        long projects = steps.total("/projects");
        assertProblem(http.post("/projects", """
                {"regionCode": "510000", "name": "x", "occupationCode": "6-31-01-03", "level": "GURU",
                 "headcount": 30}"""), 422, "level", "enum:SkillLevel");
        assertEquals(projects, steps.total("/projects"));
        assertProblem(http.post("/institutions", """
                {"name": "某培训机构", "regionCode": "510100", "status": "GREYLISTED"}"""), 422, "status", "enum:InstitutionStatus");
        assertProblem(http.post("/institutions", """
                {"name": "某培训机构", "regionCode": "510100", "colour": "red"}"""), 422, "colour", "unknown-field");
        assertProblem(http.post("/trainees", """
                {"idNumber": "510104199001011230", "name": "张三", "groups": ["ASTRONAUT"]}"""), 422, "groups.0",
                "enum:TargetGroup");
        assertProblem(http.post("/classes", """
                {"projectId": 1, "institutionId": 1, "regionCode": "510104", "mode": "OFFLINE",
                 "startDate": "2026-13-01", "endDate": "2026-12-30", "hours": 80}"""), 422, "startDate", "format:date");
        assertProblem(http.post("/institutions", ""), 422, "body", "required");
        Http.Answer syntax = http.post("/institutions", "{\"name\": ");
        assertEquals(400, syntax.status());
        assertEquals(PROBLEM_JSON, syntax.type());

        // paging and filters
        assertProblem(http.get("/institutions?limit=0"), 422, "limit", "minimum:1");
        assertProblem(http.get("/trainees?limit=501"), 422, "limit", "maximum:500");
        assertProblem(http.get("/projects?offset=-1"), 422, "offset", "minimum:0");
        assertProblem(http.get("/classes?limit=ten"), 422, "limit", "format:integer");
        assertProblem(http.get("/institutions?status=GREYLISTED"), 422, "status", "enum:InstitutionStatus");
        assertProblem(http.get("/projects?published=yes"), 422, "published", "enum:true|false");
        assertProblem(http.get("/classes?region=51A104"), 422, "region", "gb2260");
        assertProblem(http.get("/classes?projectId=0"), 422, "projectId", "format:id");
        JsonNode page = http.get("/institutions?offset=0&limit=1").body();
        assertEquals(0, page.get("offset").asInt());
        assertEquals(1, page.get("limit").asInt());
        assertTrue(page.get("items").size() <= 1);
        assertEquals(50, http.get("/institutions").body().get("limit").asInt());

        // an If-Match that is not an entity tag
        Http.Answer institution = steps.created("/institutions", """
                {"name": "绵阳市职业技能培训中心", "regionCode": "510700"}""");
        assertProblem(http.send("PUT", "/institutions/" + institution.body().get("id").asLong() + "/status",
                "{\"status\": \"WHITELISTED\"}", IF_MATCH, "3"), 422, IF_MATCH, "format:etag");
        assertProblem(http.send("PUT", "/institutions/987654321/status", "{\"status\": \"WHITELISTED\"}", IF_MATCH,
                "\"0\""), 404, null, null);
    }
}
