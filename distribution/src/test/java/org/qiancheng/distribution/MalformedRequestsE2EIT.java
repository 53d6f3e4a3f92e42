package org.qiancheng.distribution;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.Test;
import org.qiancheng.distribution.OpenApiOperations.Operation;

/**
 * Four thousand requests, each wrong in one place, over every operation of the served OpenAPI
 * document, against the real process: none may fail the server (5xx), every refusal is
 * problem+json, and afterwards every list, the audit trail and deploy/ are exactly as before.
 * Seeded: the same requests every run ({@code -Dqc.fuzz.seed}, {@code -Dqc.fuzz.requests} change them).
 */
public class MalformedRequestsE2EIT {

    private static final long SEED = Long.getLong("qc.fuzz.seed", 20261205L);
    private static final int REQUESTS = Integer.getInteger("qc.fuzz.requests", 4_000);

    @Test
    public void malformedRequestsAreRefusedAsProblemsAndChangeNothing() throws Exception {
        Path home = Files.createTempDirectory(Path.of("target"), "fuzz-home-").toAbsolutePath();
        try (RunningPlatform platform = RunningPlatform.start(home, "e2e-fuzz.log")) {
            platform.await("/api/v1/regions", r -> Stream.of("100000", "320000", "510000", "610100")
                    .allMatch(r.body()::contains), java.time.Duration.ofSeconds(60));
            platform.await("/api/v1/policies", r -> !r.body().contains("VALIDATING"), java.time.Duration.ofSeconds(60));
            seed(new Http(Integer.toString(platform.port)));
            List<Operation> operations = OpenApiOperations.of(RunningPlatform.json(platform.get("/api/v1/openapi.json")));
            assertTrue("the OpenAPI document lists the operations", operations.size() > 40);
            Map<String, String> before = snapshot(platform, operations);

            MalformedRequests generator = new MalformedRequests(SEED, ValidBodies.read(Path.of(
                    System.getProperty("qc.repo", ".."))));
            Map<Integer, Integer> byStatus = new TreeMap<>();
            List<String> failures = new ArrayList<>();
            List<MalformedRequests.Request> sent = new ArrayList<>();
            for (int i = 0; i < REQUESTS; i++) {
                sent.add(generator.next(operations.get(i % operations.size())));
            }
            sent.addAll(RawRequests.all());
            for (MalformedRequests.Request request : sent) {
                RawHttp.Answer answer = RawHttp.send(platform.port, RawHttp.request(request.method(), request.target(),
                        signed(platform, request, false), request.body()));
                if (answer.status() == 401 && answer.body().contains("\"session\"")) {
                    answer = RawHttp.send(platform.port, RawHttp.request(request.method(), request.target(),
                            signed(platform, request, true), request.body()));
                }
                byStatus.merge(answer.status(), 1, Integer::sum);
                check(request, answer, failures);
            }
            Map<String, String> after = snapshot(platform, operations);
            before.forEach((what, body) -> {
                if (!body.equals(after.get(what))) {
                    failures.add("changed: " + what);
                }
            });
            Files.write(Path.of("target", "malformed-requests-failures.txt"), failures);
            System.out.println("malformed requests: " + sent.size() + " sent (seed " + SEED + "), by status "
                    + byStatus + ", " + failures.size() + " failures; " + before.size() + " snapshots compared");
            assertEquals("every request answered", sent.size(), byStatus.values().stream().mapToInt(i -> i).sum());
            assertTrue(failures.size() + " failures, the first: " + failures.subList(0, Math.min(25, failures.size())),
                    failures.isEmpty());
            assertEquals(0, platform.terminate());
        }
    }

    /**
     * The request's headers with the token of the user whose work it is, so that a malformed request
     * reaches the validation it tests rather than stopping at the login; not for the accounts' own
     * operations ({@code /session}, {@code /users}), which stay anonymous here so that no fuzzed request
     * logs a user out or changes an account; not when the request brings its own credentials.
     */
    private static Map<String, String> signed(RunningPlatform platform, MalformedRequests.Request request, boolean renew)
            throws Exception {
        String target = request.target();
        if (!target.startsWith("/api/v1/") || target.startsWith("/api/v1/session") || target.startsWith("/api/v1/users")
                || request.headers().keySet().stream().anyMatch(h -> h.equalsIgnoreCase("Authorization"))) {
            return request.headers();
        }
        var role = Desk.of(request.method(), target.substring(7));
        if (role == null) {
            return request.headers();
        }
        String user = Staff.username(role);
        Map<String, String> headers = new LinkedHashMap<>(request.headers());
        headers.put("Authorization", "Bearer " + (renew ? platform.staff().renew(user) : platform.staff().token(user)));
        return headers;
    }

    private static void check(MalformedRequests.Request request, RawHttp.Answer answer, List<String> failures) {
        if (answer.status() >= 500) {
            failures.add(answer.status() + " for " + request);
        } else if (answer.status() >= 400) {
            if (!answer.type().startsWith("application/problem+json")) {
                failures.add(answer.status() + " not problem+json (" + answer.type() + ") for " + request);
            } else if (!answer.body().contains("\"status\":" + answer.status())
                    && !answer.body().contains("\"status\" : " + answer.status())) {
                failures.add(answer.status() + " problem without its status for " + request + ": " + answer.body());
            }
        } else if (!request.method().equals("GET")) {
            failures.add(answer.status() + " accepted a malformed write: " + request);
        }
    }

    /** Every list the API offers, the records seeded, the audit trail, and the files in deploy/. */
    private static Map<String, String> snapshot(RunningPlatform platform, List<Operation> operations) throws Exception {
        Map<String, String> bodies = new LinkedHashMap<>();
        List<String> paths = new ArrayList<>(operations.stream()
                .filter(o -> o.method().equals("GET") && !o.hasPathParameters())
                .map(o -> "/api/v1" + o.path()).filter(p -> !p.endsWith("/health") && !p.endsWith("/health/details"))
                // the live nodes change by themselves: their heartbeats
                .filter(p -> !p.equals("/api/v1/nodes"))
                // the trail is compared once, whole, below: its first page, its verification and its
                // checkpoint count the disclosures a fuzzed read may rightly add
                .filter(p -> !p.startsWith("/api/v1/audit"))
                // the accounts' own operations are not fuzzed with a session (see signed)
                .filter(p -> !p.startsWith("/api/v1/users") && !p.startsWith("/api/v1/session")).toList());
        paths.addAll(List.of("/api/v1/audit?limit=500", "/api/v1/classes/1", "/api/v1/classes/1/enrolments",
                "/api/v1/trainees/1", "/api/v1/institutions/1", "/api/v1/projects/1", "/api/v1/enrolments/1",
                "/api/v1/policies/510000/activations"));
        for (String path : paths) {
            var answer = platform.get(path);
            assertEquals(path + ": " + answer.body(), 200, answer.statusCode());
            bodies.put(path, path.startsWith("/api/v1/audit") ? changes(answer.body()) : answer.body());
        }
        try (Stream<Path> files = Files.list(platform.home.resolve("deploy"))) {
            bodies.put("deploy/", files.map(f -> f.getFileName().toString()).sorted().toList().toString());
        }
        return bodies;
    }

    /**
     * The entries of an audit page that record changes: a fuzzed read that asks for a resident ID with
     * a reason is a disclosure the trail must record ({@code trainee.pii-read}), so is an export of the
     * trail itself ({@code audit.export}: the fuzz also sends well-formed exports), and the staff's logins
     * are the test's own; none is a change the malformed requests made.
     */
    private static String changes(String page) throws Exception {
        JsonNode items = new com.fasterxml.jackson.databind.ObjectMapper().readTree(page).get("items");
        List<String> kept = new ArrayList<>();
        items.forEach(item -> {
            String action = item.get("action").asText();
            if (!action.equals("trainee.pii-read") && !action.equals("audit.export") && !action.startsWith("session.")) {
                kept.add(item.toString());
            }
        });
        return kept.toString();
    }

    /** One institution, published project, class, trainee and enrolment: id 1 of each exists. */
    private static void seed(Http http) throws Exception {
        WorkflowSteps steps = new WorkflowSteps(http);
        long institution = steps.institution("成都市青羊区技工培训学校", "510100");
        long project = steps.publishedProject("""
                {"regionCode": "510000", "name": "电工（初级）补贴申领培训", "occupationCode": "6-31-01-03",
                 "level": "JUNIOR", "headcount": 30}""").body().get("id").asLong();
        long classId = steps.created("/classes", WorkflowSteps.classDraft(project, institution, "510104", "2026-12-07",
                "2026-12-30")).body().get("id").asLong();
        long trainee = steps.created("/trainees", """
                {"idNumber": "510104198803120450", "name": "赵敏"}""").body().get("id").asLong();
        steps.enrol(classId, trainee);
        steps.created("/trainees", """
                {"idNumber": "110101199003074514", "name": "孙丽"}""");
        JsonNode created = http.get("/classes/" + classId).body();
        assertEquals(1L, created.get("id").asLong());
    }
}
