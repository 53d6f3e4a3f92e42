package org.qiancheng.distribution;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Hashtable;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.service.cm.ConfigurationAdmin;
import org.qiancheng.api.registry.PolicyRegistry;
import org.qiancheng.api.registry.PolicyStatus;

/**
 * The REST steps and answer checks that the in-framework workflow tests share. Each step checks
 * its own status, so a test reads as the path it walks.
 */
final class WorkflowSteps {

    static final String IF_MATCH = "If-Match";
    static final String PROBLEM_JSON = "application/problem+json";
    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    static final String CLOCK_PID = "org.qiancheng.clock";

    private final Http http;

    WorkflowSteps(Http http) {
        this.http = http;
    }

    /** POSTs a draft and checks the 201: body, {@code Location} of the new record and its {@code ETag}. */
    Http.Answer created(String collection, String json) throws Exception {
        Http.Answer answer = http.post(collection, json);
        assertEquals(body(answer), 201, answer.status());
        long id = answer.body().get("id").asLong();
        String location = answer.header("Location");
        assertNotNull("Location", location);
        assertTrue(location, location.endsWith("/api/v1" + collection + "/" + id));
        assertEquals(etag(answer.body().get("version").asLong()), answer.header("ETag"));
        return answer;
    }

    /** Adds an institution (201) and answers its id. */
    long institution(String name, String regionCode) throws Exception {
        return created("/institutions", "{\"name\": \"" + name + "\", \"regionCode\": \"" + regionCode + "\"}")
                .body().get("id").asLong();
    }

    /** Creates a project from its draft (201), publishes it with the ETag just read (200) and answers the published project. */
    Http.Answer publishedProject(String draft) throws Exception {
        Http.Answer project = created("/projects", draft);
        Http.Answer published = http.send("POST", "/projects/" + project.body().get("id").asLong() + "/publish", null,
                IF_MATCH, project.header("ETag"));
        assertEquals(body(published), 200, published.status());
        return published;
    }

    /** Enrols a trainee (201) and answers the enrolment's id. */
    long enrol(long classId, long traineeId) throws Exception {
        Http.Answer enrolled = http.post("/classes/" + classId + "/enrolments", "{\"traineeId\": " + traineeId + "}");
        assertEquals(body(enrolled), 201, enrolled.status());
        return enrolled.body().get("id").asLong();
    }

    /** Checks in on a day (200) and answers the enrolment. */
    JsonNode checkIn(long enrolmentId, LocalDate day) throws Exception {
        Http.Answer answer = http.post("/enrolments/" + enrolmentId + "/check-ins", "{\"day\": \"" + day + "\"}");
        assertEquals(body(answer), 200, answer.status());
        assertEquals(enrolmentId, answer.body().get("id").asLong());
        return answer.body();
    }

    /** Records an outcome with the version just read (200) and answers the enrolment. */
    JsonNode recordOutcome(long enrolmentId, String outcome) throws Exception {
        String etag = http.get("/enrolments/" + enrolmentId).header("ETag");
        Http.Answer answer = http.send("PUT", "/enrolments/" + enrolmentId + "/outcome", outcome, IF_MATCH, etag);
        assertEquals(body(answer), 200, answer.status());
        return answer.body();
    }

    /** Records a class's satisfaction survey (200), dated today: the class has ended. */
    JsonNode survey(long classId, int respondents, int satisfied, String surveyedOn) throws Exception {
        Http.Answer answer = http.send("PUT", "/classes/" + classId + "/survey", """
                {"respondents": %d, "satisfied": %d, "surveyedOn": "%s"}""".formatted(respondents, satisfied,
                surveyedOn));
        assertEquals(body(answer), 200, answer.status());
        return answer.body();
    }

    /** Starts a settlement (202) and waits, bounded, on its own progress until it completed. */
    JsonNode settled(String month) throws Exception {
        Http.Answer started = http.post("/settlements", month);
        assertEquals(body(started), 202, started.status());
        String path = "/settlements/" + started.body().get("id").asLong();
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(60);
        while (true) {
            JsonNode run = http.get(path).body();
            if ("COMPLETED".equals(run.get("status").asText())) {
                return run;
            }
            if (!"RUNNING".equals(run.get("status").asText()) || System.nanoTime() > deadline) {
                throw new AssertionError("the settlement did not complete: " + run);
            }
            Thread.sleep(20);
        }
    }

    /** The total of a listing (200). */
    long total(String path) throws Exception {
        Http.Answer answer = http.get(path);
        assertEquals(200, answer.status());
        return answer.body().get("total").asLong();
    }

    /** A class draft: offline, 80 hours, from start to end. */
    static String classDraft(long projectId, long institutionId, String region, String start, String end) {
        return """
                {"projectId": %d, "institutionId": %d, "regionCode": "%s", "mode": "OFFLINE",
                 "startDate": "%s", "endDate": "%s", "hours": 80}""".formatted(projectId, institutionId, region, start,
                end);
    }

    /** The entity tag of a record's version. */
    static String etag(long version) {
        return "\"" + version + "\"";
    }

    /** The ids of a page's items. */
    static Set<Long> ids(JsonNode page) {
        Set<Long> ids = new HashSet<>();
        page.get("items").forEach(item -> ids.add(item.get("id").asLong()));
        return ids;
    }

    /** The item of a page with the id. */
    static JsonNode item(JsonNode page, long id) {
        for (JsonNode item : page.get("items")) {
            if (item.get("id").asLong() == id) {
                return item;
            }
        }
        throw new AssertionError("no item " + id + " in " + page);
    }

    /** The claims of a JSON list by trainee id. */
    static Map<Long, JsonNode> byTrainee(JsonNode claims) {
        Map<Long, JsonNode> byTrainee = new HashMap<>();
        claims.forEach(claim -> byTrainee.put(claim.get("traineeId").asLong(), claim));
        assertEquals("one claim per trainee: " + claims, claims.size(), byTrainee.size());
        return byTrainee;
    }

    /** The claim ids of a JSON list by trainee id. */
    static Map<Long, Long> claimIds(JsonNode claims) {
        Map<Long, Long> ids = new HashMap<>();
        byTrainee(claims).forEach((trainee, claim) -> ids.put(trainee, claim.get("id").asLong()));
        return ids;
    }

    /** The answer's body as text, for assertion messages. */
    static String body(Http.Answer answer) {
        return answer.body() == null ? "" : answer.body().toString();
    }

    /** A problem+json answer with the status. */
    static void assertProblem(Http.Answer answer, int status) {
        assertProblem(answer, status, null, null);
    }

    /** A problem+json answer with the status and, unless {@code null}, a violation of the field and rule. */
    static void assertProblem(Http.Answer answer, int status, String field, String rule) {
        assertEquals(body(answer), status, answer.status());
        assertEquals(body(answer), PROBLEM_JSON, answer.type());
        assertEquals(body(answer), status, answer.body().get("status").asInt());
        if (rule == null) {
            return;
        }
        boolean named = false;
        for (JsonNode violation : answer.body().get("violations")) {
            named |= (field == null || field.equals(violation.path("field").asText()))
                    && rule.equals(violation.path("rule").asText());
        }
        assertTrue("expected " + (field == null ? "" : field + " / ") + rule + " in " + body(answer), named);
    }

    /** A problem+json answer with the status and a violation of the field, whatever the rule. */
    static void assertProblemNaming(Http.Answer answer, int status, String field) {
        assertEquals(body(answer), status, answer.status());
        assertEquals(body(answer), PROBLEM_JSON, answer.type());
        boolean named = false;
        for (JsonNode violation : answer.body().get("violations")) {
            named |= field.equals(violation.path("field").asText());
        }
        assertTrue("expected a violation of " + field + " in " + body(answer), named);
    }

    /**
     * Moves the platform's "today" to a day, as an operator does: {@code fixedInstant} of the
     * {@code org.qiancheng.clock} configuration at midnight UTC (8:00 that day in the default zone,
     * Asia/Shanghai). Waits, bounded, until the {@code Clock} service reads the day back; the service
     * stays registered, so nothing restarts.
     */
    static void today(ConfigurationAdmin configurations, BundleContext context, LocalDate day) throws IOException {
        Instant instant = Instant.parse(day + "T00:00:00Z");
        configure(configurations, instant);
        awaitClock(context, clock -> instant.equals(clock.instant()) && day.equals(LocalDate.now(clock)), day.toString());
    }

    /** Moves the platform's clock to an instant by configuration and waits until the Clock service reads it. */
    static void clockAt(ConfigurationAdmin configurations, BundleContext context, Instant instant) throws IOException {
        configure(configurations, instant);
        awaitClock(context, clock -> instant.equals(clock.instant()), instant.toString());
    }

    private static void configure(ConfigurationAdmin configurations, Instant instant) throws IOException {
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put("fixedInstant", instant.toString());
        configurations.getConfiguration(CLOCK_PID, "?").update(properties);
    }

    /** Waits (30 s at most) until the platform's Clock service satisfies the condition. */
    static void awaitClock(BundleContext context, java.util.function.Predicate<Clock> reads, String what) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            ServiceReference<Clock> reference = context.getServiceReference(Clock.class);
            Clock clock = reference == null ? null : context.getService(reference);
            try {
                if (clock != null && reads.test(clock)) {
                    return;
                }
            } finally {
                if (clock != null) {
                    context.ungetService(reference);
                }
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the clock never read " + what + "; it reads "
                        + (clock == null ? "nothing" : clock.instant()));
            }
            Thread.onSpinWait();
        }
    }

    /** Waits (bounded, on the registry's own state) until each region has an active version. */
    static void awaitActive(PolicyRegistry registry, String... regions) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        Set<String> wanted = Set.of(regions);
        while (true) {
            Set<String> active = registry.versions().stream().filter(v -> v.status() == PolicyStatus.ACTIVE)
                    .map(v -> v.descriptor().regionCode()).collect(Collectors.toSet());
            if (active.containsAll(wanted)) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("regions " + wanted + " never active; versions " + registry.versions());
            }
            Thread.onSpinWait();
        }
    }
}
