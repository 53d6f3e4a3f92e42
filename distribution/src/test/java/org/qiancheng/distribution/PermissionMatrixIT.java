package org.qiancheng.distribution;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.qiancheng.distribution.WorkflowSteps.body;
import static org.qiancheng.distribution.WorkflowSteps.classDraft;

import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.qiancheng.api.security.Role;

/**
 * The test generated from the permission matrix ({@code permissions.properties} of the kernel) and
 * the served OpenAPI document: every served operation is in the matrix and nothing else is; for every
 * operation, no credentials is 401 problem+json (but for the health check and the login), each role
 * the matrix does not give the permission is 403 rule {@code permission}, each role it does give it
 * gets past the gate; and a record outside the user's regions is 404, as if it did not exist, while a
 * user of the province sees the city's.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class PermissionMatrixIT extends WorkflowTestSupport {

    static final Path MATRIX = Path.of(System.getProperty("qc.repo", "..")).resolve(
            "kernel/core/src/main/resources/org/qiancheng/core/internal/security/permissions.properties");

    /** What a path parameter is set to when only the gate is under test. */
    private static final Map<String, String> SAMPLES = Map.of("id", "1", "code", "510000", "version", "2025.1.0",
            "file", "region-x-1.0.0.jar", "report", "indicators", "year", "2026");

    @Test
    public void everyServedOperationIsInTheMatrixAndEachRoleGetsExactlyItsPermissions() throws Exception {
        Matrix matrix = Matrix.read(MATRIX);
        List<OpenApiOperations.Operation> operations = OpenApiOperations.of(http.get("/openapi.json").body());
        Set<String> served = new TreeSet<>();
        operations.forEach(op -> served.add(op.id()));
        assertEquals("the operations of the matrix are those of the document", served,
                new TreeSet<>(matrix.operations.keySet()));

        Http anonymous = http.anonymous();
        List<String> wrong = new ArrayList<>();
        int checked = 0;
        for (OpenApiOperations.Operation op : operations) {
            String permission = matrix.operations.get(op.id());
            String path = path(op);
            if (!permission.equals("anonymous")) {
                try {
                    expect(wrong, op, "no credentials", anonymous.send(op.method(), path, sample(op),
                            contentType(op)), 401);
                } catch (java.io.IOException e) {
                    wrong.add(op.id() + " with no credentials: " + e);
                }
            }
            for (Role role : Role.values()) {
                Http.Answer answer;
                try {
                    answer = http.as(role).send(op.method(), path, sample(op), contentType(op));
                } catch (java.io.IOException e) {
                    wrong.add(op.id() + " as " + role + ": " + e);
                    continue;
                }
                boolean granted = permission.equals("anonymous") || permission.equals("authenticated")
                        || matrix.roles.get(role).contains(permission);
                boolean refused = answer.status() == 403 && answer.body() != null
                        && "permission".equals(answer.body().path("violations").path(0).path("rule").asText(
                                answer.body().path("rule").asText()));
                if (granted == refused || answer.status() == 401 && !op.id().equals("login")) {
                    wrong.add(op.id() + " as " + role + ": " + answer.status() + " " + body(answer));
                }
                checked++;
            }
        }
        assertTrue(String.join("\n", wrong), wrong.isEmpty());
        assertEquals(operations.size() * Role.values().length, checked);
    }

    @Test
    public void aRecordOutsideTheUsersRegionsDoesNotExistForThemAndTheProvinceSeesItsCities() throws Exception {
        // a Chengdu class (510104) with a trainee, an enrolment and a claim, made by the staff (all regions)
        long institution = steps.institution("成都市区域测试学校", "510100");
        long project = steps.publishedProject("""
                {"regionCode": "510000", "name": "区域测试", "occupationCode": "6-31-01-03", "level": "JUNIOR",
                 "headcount": 30}""").body().get("id").asLong();
        long classId = steps.created("/classes", classDraft(project, institution, "510104", "2026-12-07",
                "2026-12-11")).body().get("id").asLong();
        long trainee = steps.created("/trainees", """
                {"idNumber": "510104199601010039", "name": "区域甲"}""").body().get("id").asLong();
        long enrolment = steps.enrol(classId, trainee);
        today("2026-12-12");
        steps.recordOutcome(enrolment, "{\"passed\": true, \"employment\": \"NONE\"}");
        Http.Answer computed = http.post("/classes/" + classId + "/claims", "");
        assertEquals(body(computed), 200, computed.status());
        long claim = computed.body().get(0).get("id").asLong();

        Map<String, String> records = new LinkedHashMap<>();
        records.put("/institutions/" + institution, "/institutions");
        records.put("/projects/" + project, "/projects");
        records.put("/classes/" + classId, "/classes");
        records.put("/classes/" + classId + "/enrolments", null);
        records.put("/trainees/" + trainee, "/trainees");
        records.put("/enrolments/" + enrolment, null);
        records.put("/claims/" + claim, "/claims");
        records.put("/claims/" + claim + "/disbursements", null);

        Set<Role> business = EnumSet.complementOf(EnumSet.of(Role.SECURITY_ADMIN, Role.POLICY_ADMIN));
        Http xian = http.staff().member(http, "xian-all", business, "610100");
        Http sichuan = http.staff().member(http, "sichuan-all", business, "510000");
        for (Map.Entry<String, String> record : records.entrySet()) {
            Http.Answer outside = xian.get(record.getKey());
            assertEquals(record.getKey() + ": " + body(outside), 404, outside.status());
            assertFalse("no error names the record's region", body(outside).contains("510104"));
            assertEquals(record.getKey(), 200, sichuan.get(record.getKey()).status());
            if (record.getValue() != null) {
                assertEquals(record.getValue(), 0, xian.get(record.getValue()).body().get("total").asLong());
                assertTrue(record.getValue(), sichuan.get(record.getValue()).body().get("total").asLong() > 0);
            }
        }
        // writes outside one's regions find nothing either, and change nothing
        assertEquals(404, xian.send("POST", "/enrolments/" + enrolment + "/check-ins",
                "{\"day\": \"2026-12-07\"}").status());
        assertEquals(404, xian.send("POST", "/classes/" + classId + "/claims", null).status());
        assertEquals(404, xian.send("POST", "/claims/" + claim + "/review", "{\"approve\": true}",
                "If-Match", "\"0\"").status());
        Http.Answer elsewhere = xian.post("/institutions", "{\"name\": \"越界学校\", \"regionCode\": \"510100\"}");
        assertEquals(body(elsewhere), 422, elsewhere.status());
        assertTrue(body(elsewhere), body(elsewhere).contains("region-scope"));
        assertEquals(0, xian.get("/institutions").body().get("total").asLong());
    }

    private static void expect(List<String> wrong, OpenApiOperations.Operation op, String who, Http.Answer answer,
            int status) {
        if (answer.status() != status || !answer.type().startsWith("application/problem+json")) {
            wrong.add(op.id() + " with " + who + ": " + answer.status() + " " + answer.type() + " " + body(answer));
        }
    }

    private static String path(OpenApiOperations.Operation op) {
        String path = op.path();
        for (Map.Entry<String, String> sample : SAMPLES.entrySet()) {
            path = path.replace("{" + sample.getKey() + "}", sample.getValue());
        }
        return path;
    }

    private static String sample(OpenApiOperations.Operation op) {
        return op.bodyType() == null ? null : op.bodyType().equals("application/json") ? "{}" : "";
    }

    /** The body's content type, so that a request reaches the operation (not a 415 before it). */
    private static String[] contentType(OpenApiOperations.Operation op) {
        return op.bodyType() == null || op.bodyType().equals("application/json") ? new String[0]
                : new String[] {"Content-Type", op.bodyType()};
    }

    /** The matrix file, read as the kernel reads it. */
    record Matrix(Map<String, String> operations, Map<Role, Set<String>> roles) {

        static Matrix read(Path file) throws Exception {
            Properties lines = new Properties();
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                lines.load(in);
            }
            Map<String, String> operations = new LinkedHashMap<>();
            Map<Role, Set<String>> roles = new LinkedHashMap<>();
            for (String key : lines.stringPropertyNames()) {
                if (key.startsWith("operation.")) {
                    operations.put(key.substring(10), lines.getProperty(key).strip());
                } else if (key.startsWith("role.")) {
                    Set<String> granted = new TreeSet<>();
                    for (String permission : lines.getProperty(key).split(",")) {
                        granted.add(permission.strip());
                    }
                    roles.put(Role.valueOf(key.substring(5)), granted);
                }
            }
            return new Matrix(operations, roles);
        }
    }
}
