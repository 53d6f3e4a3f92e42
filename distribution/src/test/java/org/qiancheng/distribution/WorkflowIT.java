package org.qiancheng.distribution;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.bundle;
import static org.qiancheng.distribution.WorkflowSteps.IDEMPOTENCY_KEY;
import static org.qiancheng.distribution.WorkflowSteps.IF_MATCH;
import static org.qiancheng.distribution.WorkflowSteps.PROBLEM_JSON;
import static org.qiancheng.distribution.WorkflowSteps.assertProblem;
import static org.qiancheng.distribution.WorkflowSteps.assertProblemNaming;
import static org.qiancheng.distribution.WorkflowSteps.awaitActive;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
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
import org.qiancheng.api.registry.PolicyRegistry;

/**
 * The training workflow over HTTP with the shipped Sichuan policy and the 2025 test policy: institution,
 * project, publication under If-Match, class filing, real-name trainees with masked IDs, and
 * enrolment under the kernel rules K2–K4 and a region's eligibility (the test policy's T1); then
 * attendance, outcomes, idempotent claim computation, review, and the claim rules K1 and K4. Each test
 * uses its own records (the framework and its fresh database are shared by the class).
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class WorkflowIT extends PlatformTestSupport {

    private static final Pattern CITATION = Pattern.compile("\\[\\S+ §.+]");

    @Inject
    private BundleContext context;

    @Inject
    private PolicyRegistry registry;

    private Http http;
    private WorkflowSteps steps;

    @Configuration
    public Option[] configuration() throws Exception {
        return baseConfiguration(
                bundle(DIST.resolve("defaults/deploy/region-sichuan-2025.1.0.jar").toUri().toString()),
                bundle(Path.of(System.getProperty("qc.fixtures", "target/fixtures"))
                        .resolve("policy-fixture-2-2025.1.0.jar").toUri().toString()));
    }

    @Before
    public void serverReady() throws Exception {
        Whiteboard.await(context, d -> Dtos.resources(d).containsAll(List.of("qiancheng.institutions",
                "qiancheng.projects", "qiancheng.classes", "qiancheng.trainees", "qiancheng.enrolments",
                "qiancheng.claims", "qiancheng.audit")), 30_000);
        awaitActive(registry, "510000", "990000");
        http = new Http(context.getProperty("org.osgi.service.http.port"));
        steps = new WorkflowSteps(http);
    }

    @Test
    public void aSichuanTraineeIsEnrolledOnceUnderTheKernelRules() throws Exception {
        // an institution of the directory
        Http.Answer institution = steps.created("/institutions", """
                {"name": "成都市锦江区职业技能培训学校", "regionCode": "510100"}""");
        long institutionId = institution.body().get("id").asLong();
        assertEquals("LISTED", institution.body().get("status").asText());
        Http.Answer institutionRead = http.get("/institutions/" + institutionId);
        assertEquals(200, institutionRead.status());
        assertEquals(institution.header("ETag"), institutionRead.header("ETag"));
        assertTrue(ids(http.get("/institutions?region=510100&status=LISTED").body()).contains(institutionId));

        // a project, published only with the version it was read at
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

        // a class filed under it in a district of Chengdu
        Http.Answer filed = steps.created("/classes", classDraft(projectId, institutionId, "510104", "2026-12-07",
                "2026-12-30"));
        long classId = filed.body().get("id").asLong();
        JsonNode facts = http.get("/classes/" + classId).body().get("facts");
        assertEquals("510104", facts.get("regionCode").asText());
        assertEquals("6-31-01-03", facts.get("occupationCode").asText());
        assertEquals("JUNIOR", facts.get("level").asText());
        assertEquals("2026-12-07", facts.get("startDate").asText());
        assertEquals(80, facts.get("hours").asInt());

        // real-name trainees: an invalid ID is refused and never stored [K2]
        long traineesBefore = total("/trainees");
        Http.Answer trainee = steps.created("/trainees", """
                {"idNumber": "510104199001011230", "name": "张三"}""");
        long traineeId = trainee.body().get("id").asLong();
        assertEquals("510104********1230", trainee.body().get("residentId").asText());
        assertProblem(http.post("/trainees", """
                {"idNumber": "510104199001011231", "name": "李四"}"""), 422, "idNumber", "gb11643:check-digit");
        assertEquals(traineesBefore + 1, total("/trainees"));

        // the ID is masked in lists and shown in full by the single read alone
        Http.Answer list = http.get("/trainees?region=510104&limit=500");
        assertEquals(200, list.status());
        JsonNode listed = item(list.body(), traineeId);
        assertEquals("510104********1230", listed.get("residentId").asText());
        assertFalse(list.body().toString(), list.body().toString().contains("510104199001011230"));
        Http.Answer full = http.get("/trainees/" + traineeId);
        assertEquals(200, full.status());
        assertEquals("510104199001011230", full.body().get("idNumber").asText());
        assertEquals("张三", full.body().get("name").asText());
        assertEquals(etag(full.body().get("version").asLong()), full.header("ETag"));
        assertTrue(full.header("Cache-Control"), full.header("Cache-Control").contains("no-store"));

        // enrolled once; the same enrolment again conflicts
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

        // a second class of the same project overlapping in time: not the same trainee [K3]
        long overlapping = steps.created("/classes", classDraft(projectId, institutionId, "510104", "2026-12-20",
                "2027-01-10")).body().get("id").asLong();
        assertProblem(http.post("/classes/" + overlapping + "/enrolments", enrolment), 422, null, "K3");
        assertEquals(0, http.get("/classes/" + overlapping + "/enrolments").body().get("total").asLong());

        // blacklisted with the version read; a stale version is refused; it can file no class [K4]
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
        assertEquals(2, total("/classes?projectId=" + projectId));
        assertProblem(http.post("/classes", classDraft(projectId, institutionId, "510104", "2027-03-01",
                "2027-03-20")), 422, null, "K4");
        assertEquals("the refused class is not stored", 2, total("/classes?projectId=" + projectId));
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

    @Test
    public void everyChangeIsInTheAuditTrailWithItsOperatorAndMaskedIds() throws Exception {
        Http.Answer created = http.send("POST", "/institutions", """
                {"name": "成都市审计测试培训学校", "regionCode": "510100"}""", "X-Operator", encoded("李经办"));
        assertEquals(201, created.status());
        long id = created.body().get("id").asLong();
        assertEquals(200, http.send("PUT", "/institutions/" + id + "/status", "{\"status\": \"WHITELISTED\"}",
                "If-Match", created.header("ETag"), "X-Operator", encoded("王科长")).status());

        JsonNode trail = http.get("/audit?entity=institution&entityId=" + id).body();
        assertEquals(2, trail.get("total").asLong());
        JsonNode newest = trail.get("items").get(0);
        assertEquals("institution.status-changed", newest.get("action").asText());
        assertEquals("王科长", newest.get("actor").asText());
        assertTrue(newest.get("before").asText(), newest.get("before").asText().contains("\"LISTED\""));
        assertTrue(newest.get("after").asText(), newest.get("after").asText().contains("\"WHITELISTED\""));
        JsonNode first = trail.get("items").get(1);
        assertEquals("institution.created", first.get("action").asText());
        assertEquals("李经办", first.get("actor").asText());
        assertFalse("nothing before a creation", first.has("before"));

        Http.Answer trainee = http.post("/trainees", """
                {"idNumber": "510104199601010039", "name": "审计测试学员"}""");
        assertEquals(201, trainee.status());
        JsonNode registered = http.get("/audit?entity=trainee&entityId=" + trainee.body().get("id").asLong()).body()
                .get("items").get(0);
        assertEquals("unknown", registered.get("actor").asText());
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
        List<String> fields = new java.util.ArrayList<>();
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

        // JSON of the wrong shape: 422 naming the JSON path, rule "type"; nothing stored
        long projects = total("/projects");
        assertProblem(http.post("/projects", """
                {"regionCode": "510000", "name": "x", "occupationCode": "6-31-01-03", "level": "GURU",
                 "headcount": 30}"""), 422, "level", "type");
        assertEquals(projects, total("/projects"));
        assertProblem(http.post("/institutions", """
                {"name": "某培训机构", "regionCode": "510100", "status": "GREYLISTED"}"""), 422, "status", "type");
        assertProblem(http.post("/institutions", """
                {"name": "某培训机构", "regionCode": "510100", "colour": "red"}"""), 422, "colour", "type");
        assertProblem(http.post("/trainees", """
                {"idNumber": "510104199001011230", "name": "张三", "groups": ["ASTRONAUT"]}"""), 422, "groups.0",
                "type");
        assertProblem(http.post("/classes", """
                {"projectId": 1, "institutionId": 1, "regionCode": "510104", "mode": "OFFLINE",
                 "startDate": "2026-13-01", "endDate": "2026-12-30", "hours": 80}"""), 422, "startDate", "type");
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

        // an enrolment is read with its version; no attendance and no outcome yet
        Http.Answer readA = http.get("/enrolments/" + enrolmentA);
        assertEquals(200, readA.status());
        assertEquals(classId, readA.body().get("classId").asLong());
        assertEquals(traineeA, readA.body().get("traineeId").asLong());
        assertEquals(0, readA.body().get("attendedDays").asInt());
        assertFalse(readA.body().toString(), readA.body().has("outcome"));
        assertEquals(etag(readA.body().get("version").asLong()), readA.header("ETag"));
        assertProblem(http.get("/enrolments/987654321"), 404, null, null);

        // check-ins: the day is required; 20 distinct class days for A, one of them posted twice
        String checkInsA = "/enrolments/" + enrolmentA + "/check-ins";
        assertProblem(http.post(checkInsA, "{}"), 422, "day", "required");
        assertProblem(http.post(checkInsA, "{\"day\": \"2026-12-32\"}"), 422, "day", "type");
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

        // A's outcome, recorded only with the version read
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
        steps.recordOutcome(enrolmentB, "{\"passed\": true, \"employment\": \"NONE\"}");

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

        // A: computed by the Sichuan policy in force, every line cited, the resident ID masked
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
        assertFalse(computed.body().toString().contains("510104198803120450"));
        assertFalse(computed.body().toString().contains("51010519920718052X"));

        // B: attended 2 of 24 days, below the threshold, so flagged for a reviewer
        assertEquals(claimB.toString(), "FLAGGED", claimB.get("status").asText());
        assertEquals(enrolmentB, claimB.get("enrolmentId").asLong());
        boolean attendance = false;
        for (JsonNode finding : claimB.get("findings")) {
            String text = finding.asText().toLowerCase(Locale.ROOT);
            attendance |= text.contains("attendance") || text.contains("出勤") || text.contains("考勤");
        }
        assertTrue("a finding mentions attendance: " + claimB, attendance);

        // the same key answers the same claims; without a key nothing is computed twice
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

        // a claim is read with its version
        long claimIdA = ids.get(traineeA);
        long claimIdB = ids.get(traineeB);
        Http.Answer readClaimA = http.get("/claims/" + claimIdA);
        assertEquals(200, readClaimA.status());
        assertEquals("COMPUTED", readClaimA.body().get("status").asText());
        assertEquals(etag(readClaimA.body().get("version").asLong()), readClaimA.header("ETag"));

        // review: A approved with the version read
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

        // K1: a class filed after its start claims nothing
        Http.Answer late = steps.created("/classes", classDraft(projectId, institutionId, "510104", "2026-11-20",
                "2026-12-05"));
        long lateId = late.body().get("id").asLong();
        assertTrue(late.body().toString(), LocalDate.parse(late.body().get("filedOn").asText())
                .isAfter(LocalDate.parse("2026-11-20")));
        long traineeC = steps.created("/trainees", """
                {"idNumber": "510104199501010015", "name": "孙丽"}""").body().get("id").asLong();
        long enrolmentC = steps.enrol(lateId, traineeC);
        steps.recordOutcome(enrolmentC, "{\"passed\": true, \"employment\": \"NONE\"}");
        assertProblem(http.send("POST", "/classes/" + lateId + "/claims", null), 422, null, "K1");
        assertEquals("a refused computation stores nothing", 0, total("/claims?classId=" + lateId));

        // K4: a claim computed before the institution is blacklisted is frozen by it
        long thirdId = steps.created("/classes", classDraft(projectId, institutionId, "510104", "2027-01-11",
                "2027-01-29")).body().get("id").asLong();
        long traineeD = steps.created("/trainees", """
                {"idNumber": "510106198706050035", "name": "周强"}""").body().get("id").asLong();
        long enrolmentD = steps.enrol(thirdId, traineeD);
        steps.checkIn(enrolmentD, LocalDate.parse("2027-01-11"));
        steps.checkIn(enrolmentD, LocalDate.parse("2027-01-12"));
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
        // reviewed claims are neither computed nor flagged: they keep their standing
        assertEquals("APPROVED", http.get("/claims/" + claimIdA).body().get("status").asText());
        assertEquals("REJECTED", http.get("/claims/" + claimIdB).body().get("status").asText());
    }

    /** An operator's name as the X-Operator header carries it: percent-encoded UTF-8. */
    private static String encoded(String operator) {
        return java.net.URLEncoder.encode(operator, java.nio.charset.StandardCharsets.UTF_8);
    }

    private static String classDraft(long projectId, long institutionId, String region, String start, String end) {
        return """
                {"projectId": %d, "institutionId": %d, "regionCode": "%s", "mode": "OFFLINE",
                 "startDate": "%s", "endDate": "%s", "hours": 80}""".formatted(projectId, institutionId, region, start,
                end);
    }

    private static String etag(long version) {
        return "\"" + version + "\"";
    }

    private long total(String path) throws Exception {
        Http.Answer answer = http.get(path);
        assertEquals(200, answer.status());
        return answer.body().get("total").asLong();
    }

    private static Set<Long> ids(JsonNode page) {
        Set<Long> ids = new HashSet<>();
        page.get("items").forEach(item -> ids.add(item.get("id").asLong()));
        return ids;
    }

    private static JsonNode item(JsonNode page, long id) {
        for (JsonNode item : page.get("items")) {
            if (item.get("id").asLong() == id) {
                return item;
            }
        }
        throw new AssertionError("no item " + id + " in " + page);
    }

    /** The claims of a JSON list by trainee id. */
    private static Map<Long, JsonNode> byTrainee(JsonNode claims) {
        Map<Long, JsonNode> byTrainee = new HashMap<>();
        claims.forEach(claim -> byTrainee.put(claim.get("traineeId").asLong(), claim));
        assertEquals("one claim per trainee: " + claims, claims.size(), byTrainee.size());
        return byTrainee;
    }

    /** The claim ids of a JSON list by trainee id. */
    private static Map<Long, Long> claimIds(JsonNode claims) {
        Map<Long, Long> ids = new HashMap<>();
        byTrainee(claims).forEach((trainee, claim) -> ids.put(trainee, claim.get("id").asLong()));
        return ids;
    }
}
