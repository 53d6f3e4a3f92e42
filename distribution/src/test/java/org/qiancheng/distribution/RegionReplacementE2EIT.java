package org.qiancheng.distribution;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.qiancheng.distribution.RunningPlatform.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Arrays;
import org.junit.Test;

/**
 * The hot folder on the real platform. A region's jar replaced (same file name) by a higher version
 * whose own case fails: that version is REFUSED with its reason, the previous version goes on
 * deciding (also after a restart) and {@code /regions} never lists the refused one; a good version
 * copied over it then takes over. Uploads that are no complete jar, no OSGi bundle or no region
 * policy are refused with nothing written; an upload and its removal enter the audit trail.
 */
public class RegionReplacementE2EIT {

    private static final Path FIXTURES = Path.of(System.getProperty("qc.fixtures", "target/fixtures"));
    private static final Path A = FIXTURES.resolve("policy-fixture-2-2025.1.0.jar");
    private static final Duration HOT = Duration.ofSeconds(30);
    private static final String FILE = "test-region.jar";

    @Test
    public void aRefusedVersionNeverTakesTheWorkingOnesPlace() throws Exception {
        Path home = Files.createTempDirectory(Path.of("target"), "e2e-replace-").toAbsolutePath();
        try (RunningPlatform platform = RunningPlatform.start(home, "e2e-replace-first.log")) {
            copy(Files.newInputStream(A), home);
            platform.await("/api/v1/policies", r -> "ACTIVE".equals(status(r, "2025.1.0")), HOT);
            assertEquals("2025.1.0", decided(platform));

            copy(BrokenFixture.from(A), home);
            platform.await("/api/v1/bundles", r -> "REFUSED".equals(file(r).path("status").asText()), HOT);
            HttpResponse<String> policies = platform.get("/api/v1/policies");
            assertEquals("REFUSED", status(policies, BrokenFixture.VERSION));
            assertTrue(policies.body(), field(policies, BrokenFixture.VERSION, "reason").contains(BrokenFixture.CASE));
            assertEquals("ACTIVE", status(policies, "2025.1.0"));
            assertEquals("the previous version goes on deciding", "2025.1.0", decided(platform));
            assertEquals("2025.1.0", file(platform.get("/api/v1/bundles")).get("inForce").asText());
            assertOnlyValidVersionsListed(platform, "[\"2025.1.0\"]");
            String log = Files.readString(platform.log);
            assertEquals(log, 1, log.lines().filter(l -> l.contains("WARN") && l.contains(BrokenFixture.VERSION)).count());
            assertFalse(log, log.lines().anyMatch(l -> l.contains(BrokenFixture.VERSION) && l.contains("cases pass")));
            assertEquals(0, platform.terminate());
        }
        try (RunningPlatform platform = RunningPlatform.start(home, "e2e-replace-second.log")) {
            platform.await("/api/v1/policies", r -> "ACTIVE".equals(status(r, "2025.1.0"))
                    && "REFUSED".equals(status(r, BrokenFixture.VERSION)), HOT);
            assertEquals("after a restart too", "2025.1.0", decided(platform));

            copy(BrokenFixture.revised(A, "2026.3.0"), home);
            platform.await("/api/v1/policies", r -> "ACTIVE".equals(status(r, "2026.3.0"))
                    && status(r, "2025.1.0") == null && status(r, BrokenFixture.VERSION) == null, HOT);
            assertEquals("the good version takes over", "2026.3.0", decided(platform));
            assertEquals("ACCEPTED", file(platform.get("/api/v1/bundles")).get("status").asText());
            assertOnlyValidVersionsListed(platform, "[\"2026.3.0\"]");
            assertEquals(0, platform.terminate());
        }
    }

    @Test
    public void uploadsAreCheckedBeforeAnythingIsWrittenAndAuditedWithTheirRemoval() throws Exception {
        Path home = Files.createTempDirectory(Path.of("target"), "e2e-upload-").toAbsolutePath();
        try (RunningPlatform platform = RunningPlatform.start(home, "e2e-upload.log")) {
            byte[] fixture = Files.readAllBytes(FIXTURES.resolve("policy-fixture-2024.1.0.jar"));
            String[] before = listing(home);
            assertRefused(platform.upload("/api/v1/bundles", Arrays.copyOf(fixture, fixture.length - 40)), "jar");
            assertRefused(platform.upload("/api/v1/bundles", Files.readAllBytes(FIXTURES.resolve("hot-probe-1.0.0.jar"))),
                    "region-policy");
            assertTrue("nothing written", Arrays.equals(before, listing(home)));

            HttpResponse<String> uploaded = platform.send("POST", "/api/v1/bundles", null,
                    "Content-Type", "application/java-archive");
            assertEquals(422, uploaded.statusCode());
            uploaded = platform.upload("/api/v1/bundles", fixture);
            assertEquals(uploaded.body(), 202, uploaded.statusCode());
            String file = json(uploaded).get("file").asText();
            platform.await("/api/v1/bundles", r -> r.body().contains("\"ACCEPTED\""), HOT);

            HttpResponse<String> removed = platform.send("DELETE", "/api/v1/bundles/" + file, null);
            assertEquals(removed.body(), 200, removed.statusCode());
            assertEquals(404, platform.send("DELETE", "/api/v1/bundles/" + file, null).statusCode());
            assertEquals(422, platform.send("DELETE", "/api/v1/bundles/qiancheng.log", null).statusCode());
            platform.await("/api/v1/policies", r -> !r.body().contains("\"990000\""), HOT);

            JsonNode audit = json(platform.get("/api/v1/audit?entity=bundle")).get("items");
            assertEquals(audit.toString(), 2, audit.size());
            assertEquals("bundle.removed", audit.get(0).get("action").asText());
            assertEquals("the authenticated user", "policy-admin", audit.get(0).get("actor").asText());
            assertEquals("bundle.uploaded", audit.get(1).get("action").asText());
            assertTrue(audit.toString(), audit.get(1).get("after").asText().contains(json(uploaded).get("sha256").asText()));
            assertEquals(200, platform.get("/api/v1/audit?entity=settlement").statusCode());
            assertEquals(422, platform.get("/api/v1/audit?entity=payment").statusCode());
            assertEquals(0, platform.terminate());
        }
    }

    private static void assertRefused(HttpResponse<String> answer, String rule) {
        assertEquals(answer.body(), 422, answer.statusCode());
        assertTrue(answer.body(), answer.headers().firstValue("Content-Type").orElse("").contains("problem+json"));
        assertEquals(answer.body(), rule, json(answer).get("violations").get(0).get("rule").asText());
        assertFalse(answer.body(), json(answer).get("detailZh").asText().isBlank());
    }

    private static String[] listing(Path home) throws Exception {
        try (var files = Files.list(home.resolve("deploy"))) {
            return files.map(Path::toString).sorted().toArray(String[]::new);
        }
    }

    /** Copies beside the hot folder, then renames over the region's file. */
    private static void copy(InputStream jar, Path home) throws Exception {
        Path staging = home.resolve(FILE + ".part");
        try (jar) {
            Files.copy(jar, staging, StandardCopyOption.REPLACE_EXISTING);
        }
        Files.move(staging, home.resolve("deploy").resolve(FILE), StandardCopyOption.ATOMIC_MOVE,
                StandardCopyOption.REPLACE_EXISTING);
    }

    private static void assertOnlyValidVersionsListed(RunningPlatform platform, String versions) throws Exception {
        for (JsonNode region : json(platform.get("/api/v1/regions"))) {
            if (region.get("code").asText().equals("990000")) {
                assertEquals(versions, region.get("versions").toString());
                return;
            }
        }
        throw new AssertionError("990000 not in /regions");
    }

    /** A 2026 class of the test region, previewed; answers the version that decided it. */
    private static String decided(RunningPlatform platform) throws Exception {
        String scenario = Files.readString(Path.of("src/test/resources/examples/preview-test-region.json"))
                .replace("2025-", "2026-");
        HttpResponse<String> decision = platform.post("/api/v1/claims/preview", scenario);
        assertEquals(decision.body(), 200, decision.statusCode());
        return json(decision).get("policy").get("version").asText();
    }

    private static JsonNode file(HttpResponse<String> bundles) {
        for (JsonNode file : json(bundles)) {
            if (file.get("file").asText().equals(FILE)) {
                return file;
            }
        }
        return parse("{}");
    }

    private static JsonNode parse(String text) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(text);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    private static String status(HttpResponse<String> policies, String version) {
        return field(policies, version, "status");
    }

    private static String field(HttpResponse<String> policies, String version, String name) {
        for (JsonNode policy : json(policies)) {
            if (policy.get("descriptor").get("regionCode").asText().equals("990000")
                    && policy.get("descriptor").get("version").asText().equals(version)) {
                return policy.get(name).asText();
            }
        }
        return null;
    }
}
