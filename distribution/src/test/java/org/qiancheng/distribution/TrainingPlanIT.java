package org.qiancheng.distribution;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.qiancheng.distribution.WorkflowSteps.IF_MATCH;
import static org.qiancheng.distribution.WorkflowSteps.assertProblem;
import static org.qiancheng.distribution.WorkflowSteps.body;
import static org.qiancheng.distribution.WorkflowSteps.classDraft;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.qiancheng.api.security.Role;

/**
 * The yearly training plan over HTTP, as an office works with it, on the shipped Sichuan policy (its
 * demand catalogue of 2025 onwards): the clerk drafts Chengdu's and Sichuan's 2027 plans in December
 * 2026 from the demand catalogue, publishes them, files classes that follow them (a class no published
 * plan covers is refused), enrols trainees and records outcomes; the progress of each plan counts its
 * region's classes, the province's its cities' too, and flags what the plan does not list; the plan is
 * adjusted once in 2027 and keeps its published lines. Each user sees the plans of their regions only;
 * every step is in the audit trail.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class TrainingPlanIT extends WorkflowTestSupport {

    private static final String WELDER = "6-31-01-03";
    private static final String CARER = "4-10-01-05";
    private static final String HOUSEKEEPER = "4-10-01-06";
    /** In Sichuan's catalogue, not in its demand catalogue. */
    private static final String BAKER = "4-03-02-01";

    private int trainees;

    @Test
    public void plansFromTheDemandCatalogueArePublishedFollowedCountedAndAdjustedOnce() throws Exception {
        today("2026-12-01");
        // --- drafting: every line from the demand catalogue
        Http.Answer notInDemand = http.post("/plans", plan("510100", 2027, line(WELDER, "JUNIOR", 40),
                line(BAKER, null, 10)));
        assertProblem(notInDemand, 422, "lines.1.occupationCode", "in:demand-catalogue");
        assertTrue(body(notInDemand), notInDemand.body().get("detailZh").asText().contains("培训需求指导目录"));
        assertProblem(http.post("/plans", plan("510100", 2027, line(WELDER, "TECHNICIAN", 5), line(CARER, "JUNIOR",
                5), line(CARER, null, 5))), 422, "lines.2.occupationCode", "unique:occupation-level");
        assertProblem(http.post("/plans", plan("510100", 2027, line(WELDER, null, 0))), 422, "lines.0.trainees",
                "minimum:1");

        Http.Answer city = http.post("/plans", plan("510100", 2027, line(WELDER, "JUNIOR", 40), line(CARER, null, 30)));
        assertEquals(body(city), 201, city.status());
        assertTrue(city.header("Location"), city.header("Location").endsWith("/api/v1/plans/510100/2027"));
        assertEquals("DRAFT", city.body().get("status").asText());
        assertEquals("clerk", city.body().get("createdBy").asText());
        assertFalse(city.body().has("publication"));
        assertProblem(http.post("/plans", plan("510100", 2027, line(CARER, null, 1))), 409, "year", "plan.exists");
        Http.Answer province = http.post("/plans", plan("510000", 2027, line(CARER, null, 500),
                line(HOUSEKEEPER, null, 200)));
        assertEquals(body(province), 201, province.status());

        // --- publication: dated, in the December before or the year, never in the future
        assertProblem(http.send("POST", "/plans/510100/2027/publish", "{}"), 428, IF_MATCH, "precondition-required");
        assertProblem(http.send("POST", "/plans/510100/2027/publish", "{\"publishedOn\": \"2026-12-02\"}", IF_MATCH,
                city.header("ETag")), 422, "publishedOn", "not-after:today");
        assertProblem(http.send("POST", "/plans/510100/2027/publish", "{\"publishedOn\": \"2026-11-30\"}", IF_MATCH,
                city.header("ETag")), 422, "publishedOn", "plan.publish-window");
        assertProblem(http.as(Role.AUDITOR).send("POST", "/plans/510100/2027/publish", "{}", IF_MATCH,
                city.header("ETag")), 403, null, "permission");
        Http.Answer published = http.send("POST", "/plans/510100/2027/publish", "{}", IF_MATCH, city.header("ETag"));
        assertEquals(body(published), 200, published.status());
        assertEquals("PUBLISHED", published.body().get("status").asText());
        assertEquals("2026-12-01", published.body().get("publication").get("on").asText());
        assertEquals("clerk", published.body().get("publication").get("by").asText());
        assertProblem(http.send("PUT", "/plans/510100/2027/lines", "{\"lines\": [{\"occupationCode\": \"" + CARER
                + "\", \"trainees\": 1}]}", IF_MATCH, published.header("ETag")), 409, "status", "plan.draft");
        assertEquals(200, http.send("POST", "/plans/510000/2027/publish", "{\"publishedOn\": \"2026-12-01\"}",
                IF_MATCH, province.header("ETag")).status());

        // --- who sees which plan
        Set<Role> business = EnumSet.of(Role.CLERK, Role.REVIEWER, Role.FINANCE, Role.AUDITOR);
        Http xian = http.staff().member(http, "plan-xian", business, "610100");
        Http chengdu = http.staff().member(http, "plan-chengdu", business, "510100");
        assertEquals(404, xian.get("/plans/510100/2027").status());
        assertEquals(404, xian.get("/plans/510100/2027/progress").status());
        assertEquals(0, xian.get("/plans").body().get("total").asLong());
        assertEquals(200, chengdu.get("/plans/510100/2027").status());
        assertEquals("a city's user does not see the province's plan", 404, chengdu.get("/plans/510000/2027").status());
        assertEquals(List.of("510100"), regions(chengdu.get("/plans?year=2027").body()));
        assertEquals(List.of("510000", "510100"), regions(http.get("/plans?year=2027").body()));
        assertProblem(chengdu.post("/plans", plan("510000", 2028, line(CARER, null, 1))), 422, "regionCode",
                "region-scope");

        // --- classes follow the published plans covering their region
        long institution = steps.institution("成都市计划测试学校", "510100");
        long welders = project(WELDER, "JUNIOR");
        long carers = project(CARER, "INTERMEDIATE");
        long housekeepers = project(HOUSEKEEPER, "JUNIOR");
        long seniorWelders = project(WELDER, "SENIOR");
        long bakers = project(BAKER, "JUNIOR");
        Http.Answer outside = http.post("/classes", classDraft(bakers, institution, "510104", "2027-01-05",
                "2027-01-15"));
        assertProblem(outside, 422, "projectId", "in:training-plan");
        assertProblem(http.post("/classes", classDraft(seniorWelders, institution, "510104", "2027-01-05",
                "2027-01-15")), 422, "projectId", "in:training-plan");
        assertEquals("a 2026 class has no plan to follow", 201, http.post("/classes", classDraft(bakers, institution,
                "510104", "2026-12-10", "2026-12-20")).status());
        long weldersClass = fileClass(welders, institution, "510104", "2027-01-05", "2027-01-15");
        long carersClass = fileClass(carers, institution, "510105", "2027-01-06", "2027-02-20");
        // not in Chengdu's plan, but in the province's
        long housekeepersClass = fileClass(housekeepers, institution, "510104", "2027-01-07", "2027-01-12");
        List<Long> welderEnrolments = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            welderEnrolments.add(steps.enrol(weldersClass, trainee()));
        }
        steps.enrol(carersClass, trainee());
        steps.enrol(carersClass, trainee());
        long housekeeper = steps.enrol(housekeepersClass, trainee());

        today("2027-01-16");
        String certified = "{\"passed\": true, \"certificate\": {\"kind\": \"SKILL_LEVEL\", \"level\": \"JUNIOR\","
                + " \"issuedOn\": \"2027-01-16\"}, \"employment\": \"STABLE\", \"employedOn\": \"2027-01-16\"}";
        steps.recordOutcome(welderEnrolments.get(0), certified);
        steps.recordOutcome(welderEnrolments.get(1), certified);
        steps.recordOutcome(welderEnrolments.get(2), "{\"passed\": false, \"employment\": \"NONE\"}");
        steps.recordOutcome(housekeeper, "{\"passed\": true, \"employment\": \"FLEXIBLE\", \"employedOn\": \"2027-01-16\"}");

        // --- progress: the city's plan, its classes and what it does not list
        JsonNode progress = chengdu.get("/plans/510100/2027/progress").body();
        assertEquals("2027-01-16", progress.get("asOf").asText());
        JsonNode weldersLine = progress.get("lines").get(0);
        assertLine(weldersLine, WELDER, 40, 1, 3, 3, 2, 2, 2);
        assertEquals("JUNIOR", weldersLine.get("level").asText());
        assertEquals(new BigDecimal("7.5"), weldersLine.get("enrolledPercent").decimalValue());
        assertEquals(new BigDecimal("7.5"), weldersLine.get("finishedPercent").decimalValue());
        JsonNode carersLine = progress.get("lines").get(1);
        assertLine(carersLine, CARER, 30, 1, 2, 0, 0, 0, 0);
        assertFalse("planned at any level", carersLine.has("level"));
        assertEquals(new BigDecimal("6.7"), carersLine.get("enrolledPercent").decimalValue());
        assertEquals(1, progress.get("unplanned").size());
        JsonNode unplanned = progress.get("unplanned").get(0);
        assertEquals(HOUSEKEEPER, unplanned.get("occupationCode").asText());
        assertFalse(unplanned.get("inPlan").asBoolean());
        assertFalse(unplanned.has("planned"));
        assertEquals(1, unplanned.get("enrolled").asLong());
        JsonNode totals = progress.get("totals");
        assertEquals(70, totals.get("planned").asLong());
        assertEquals(5, totals.get("enrolled").asLong());
        assertEquals(new BigDecimal("7.1"), totals.get("enrolledPercent").decimalValue());
        assertEquals(new BigDecimal("4.3"), totals.get("finishedPercent").decimalValue());
        assertEquals(1, totals.get("unplannedClasses").asLong());
        assertEquals(1, totals.get("unplannedEnrolled").asLong());

        // the province's plan counts the classes of its cities
        JsonNode ofProvince = http.as(Role.REVIEWER).get("/plans/510000/2027/progress").body();
        assertLine(ofProvince.get("lines").get(0), CARER, 500, 1, 2, 0, 0, 0, 0);
        assertLine(ofProvince.get("lines").get(1), HOUSEKEEPER, 200, 1, 1, 1, 1, 0, 1);
        assertEquals(WELDER, ofProvince.get("unplanned").get(0).get("occupationCode").asText());

        // the download
        Http.Text csv = chengdu.getText("/plans/510100/2027/progress/export");
        assertEquals(csv.body(), 200, csv.status());
        assertEquals("text/csv;charset=UTF-8", csv.header("Content-Type").replace(" ", ""));
        assertTrue(csv.header("Content-Disposition"), csv.header("Content-Disposition").startsWith(
                "attachment; filename=\"plan-progress-510100-2027.csv\""));
        List<String> rows = csv.body().lines().toList();
        assertTrue(rows.get(0), rows.get(0).startsWith("\uFEFF职业 Occupation,等级 Level,计划内 In plan,计划人数 Planned"));
        assertEquals(csv.body(), 6, rows.size());
        assertTrue(rows.get(1), rows.get(1).startsWith(WELDER + ",JUNIOR,是 yes,40,,1,3,3,2,2,2,7.5,7.5"));
        assertTrue(rows.get(3), rows.get(3).startsWith(HOUSEKEEPER + ",JUNIOR,否 no,"));

        // --- the one adjustment in the year, keeping the published lines
        String etag = chengdu.get("/plans/510100/2027").header("ETag");
        String adjustment = "{\"reason\": \"年中调整：家政需求增加\", \"lines\": [" + line(WELDER, "JUNIOR", 60) + ", "
                + line(HOUSEKEEPER, null, 20) + "]}";
        assertProblem(http.send("POST", "/plans/510100/2027/adjustment", "{\"adjustedOn\": \"2026-12-31\","
                + " \"reason\": \"x\", \"lines\": [" + line(WELDER, null, 1) + "]}", IF_MATCH, etag), 422, "adjustedOn",
                "plan.adjust-window");
        Http.Answer adjusted = chengdu.send("POST", "/plans/510100/2027/adjustment", adjustment, IF_MATCH, etag);
        assertEquals(body(adjusted), 200, adjusted.status());
        assertEquals("ADJUSTED", adjusted.body().get("status").asText());
        assertEquals("plan-chengdu", adjusted.body().get("adjustment").get("by").asText());
        assertEquals("2027-01-16", adjusted.body().get("adjustment").get("on").asText());
        assertEquals(2, adjusted.body().get("adjustment").get("originalLines").size());
        assertEquals(40, adjusted.body().get("adjustment").get("originalLines").get(0).get("trainees").asInt());
        assertEquals(60, adjusted.body().get("lines").get(0).get("trainees").asInt());
        assertProblem(chengdu.send("POST", "/plans/510100/2027/adjustment", adjustment, IF_MATCH,
                adjusted.header("ETag")), 409, "status", "plan.adjusted-once");

        JsonNode afterAdjustment = chengdu.get("/plans/510100/2027/progress").body();
        assertEquals("ADJUSTED", afterAdjustment.get("status").asText());
        assertLine(afterAdjustment.get("lines").get(0), WELDER, 60, 1, 3, 3, 2, 2, 2);
        assertEquals(40, afterAdjustment.get("lines").get(0).get("originallyPlanned").asInt());
        assertLine(afterAdjustment.get("lines").get(1), HOUSEKEEPER, 20, 1, 1, 1, 1, 0, 1);
        assertEquals(0, afterAdjustment.get("lines").get(1).get("originallyPlanned").asInt());
        assertEquals(CARER, afterAdjustment.get("unplanned").get(0).get("occupationCode").asText());

        // --- the audit trail: who did what to which plan
        JsonNode trail = http.as(Role.AUDITOR).get("/audit?entity=plan&limit=50").body();
        List<String> actions = new ArrayList<>();
        for (JsonNode entry : trail.get("items")) {
            actions.add(entry.get("action").asText() + " " + entry.get("actor").asText());
        }
        assertEquals(List.of("plan.adjusted plan-chengdu", "plan.published clerk", "plan.published clerk",
                "plan.created clerk", "plan.created clerk"), actions);
        assertNull("nothing else", trail.get("items").get(5));
    }

    private static void assertLine(JsonNode line, String occupation, int planned, long classes, long enrolled,
            long finished, long passed, long certified, long employed) {
        String what = line.toString();
        assertEquals(what, occupation, line.get("occupationCode").asText());
        assertTrue(what, line.get("inPlan").asBoolean());
        assertEquals(what, planned, line.get("planned").asInt());
        assertEquals(what, List.of(classes, enrolled, finished, passed, certified, employed), List.of(
                line.get("classes").asLong(), line.get("enrolled").asLong(), line.get("finished").asLong(),
                line.get("passed").asLong(), line.get("certified").asLong(), line.get("employed").asLong()));
    }

    private static List<String> regions(JsonNode page) {
        List<String> regions = new ArrayList<>();
        page.get("items").forEach(p -> regions.add(p.get("regionCode").asText()));
        return regions;
    }

    private long project(String occupation, String level) throws Exception {
        return steps.publishedProject("""
                {"regionCode": "510000", "name": "计划测试 %s", "occupationCode": "%s", "level": "%s",
                 "headcount": 30}""".formatted(occupation, occupation, level)).body().get("id").asLong();
    }

    private long fileClass(long project, long institution, String region, String start, String end) throws Exception {
        return steps.created("/classes", classDraft(project, institution, region, start, end)).body().get("id")
                .asLong();
    }

    /** A new real-name trainee of Chengdu, registered by the clerk. */
    private long trainee() throws Exception {
        String id = BatchReviewIT.valid("51010419950301" + String.format("%03d", 700 + ++trainees) + "0");
        return steps.created("/trainees", "{\"idNumber\": \"" + id + "\", \"name\": \"计划学员" + trainees + "\"}")
                .body().get("id").asLong();
    }

    private static String plan(String region, int year, String... lines) {
        return "{\"regionCode\": \"" + region + "\", \"year\": " + year + ", \"lines\": [" + String.join(", ", lines)
                + "]}";
    }

    private static String line(String occupation, String level, int trainees) {
        return "{\"occupationCode\": \"" + occupation + "\"" + (level == null ? "" : ", \"level\": \"" + level + "\"")
                + ", \"trainees\": " + trainees + "}";
    }
}
