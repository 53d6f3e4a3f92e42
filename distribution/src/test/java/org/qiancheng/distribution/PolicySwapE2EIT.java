package org.qiancheng.distribution;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.qiancheng.distribution.RunningPlatform.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.Test;

/**
 * The shipped second text of Sichuan 2025 (2025.2.0, assessment share 0.25 from 2026) arrives on
 * STANDBY beside 2025.1.0; one policy administrator requests its activation and another confirms it
 * (2025.1.0 RETIRED, a 2026 class now gets the higher share), the choice survives a restart, and a
 * rollback (one person) restores 2025.1.0 at once. Every decision is in the region's history with who
 * and why.
 */
public class PolicySwapE2EIT {

    /** A Sichuan class of 2026: 980.00 under 2025.1.0, 975.00 under 2025.2.0 (also in bench/swap.sh's load). */
    static final Path CLASS_OF_2026_FILE = Path.of("src/test/resources/examples/preview-sichuan-2026.json");

    @Test
    public void anOperatorActivatesTheRevisionKeepsItThroughARestartAndRollsBack() throws Exception {
        Path home = Files.createTempDirectory(Path.of("target"), "e2e-swap-").toAbsolutePath();
        try (RunningPlatform platform = RunningPlatform.start(home, "e2e-swap-first.log")) {
            awaitSichuanRevision(platform);
            assertEquals("STANDBY", status(platform, "2025.2.0"));
            assertTrue(reason(platform, "2025.2.0"), reason(platform, "2025.2.0").contains("a revision of 2025.1.0"));
            assertEquals(decided(platform, "2025.1.0", "980.00"), "2025.1.0");

            assertEquals(404, platform.post("/api/v1/policies/510000/2031.1.0/activate", "{}").statusCode());
            // two-person activation: the policy administrator requests, the second one (the desk's) confirms
            HttpResponse<String> requested = platform.send("POST", "/api/v1/policies/510000/2025.2.0/activate",
                    "{\"reason\": \"终稿发布 final text published\"}");
            assertEquals(requested.body(), 202, requested.statusCode());
            assertEquals("PENDING", json(requested).get("status").asText());
            assertEquals("nothing changes before the confirmation", "STANDBY", status(platform, "2025.2.0"));
            HttpResponse<String> activated = platform.post("/api/v1/policies/activation-requests/"
                    + json(requested).get("id").asLong() + "/confirm", "");
            assertEquals(activated.body(), 200, activated.statusCode());
            JsonNode decision = json(activated);
            assertEquals("ACTIVATED", decision.get("kind").asText());
            assertEquals("the confirmer, authenticated", Staff.SECOND_POLICY_ADMIN, decision.get("actor").asText());
            assertEquals("2025.1.0", decision.get("retired").get(0).asText());
            assertEquals("RETIRED", status(platform, "2025.1.0"));
            assertEquals("ACTIVE", status(platform, "2025.2.0"));
            assertEquals("the 2026 class gets the 25% share at once", "2025.2.0", decided(platform, "2025.2.0", "975.00"));
            HttpResponse<String> twice = platform.post("/api/v1/policies/510000/2025.2.0/activate", "{}");
            assertEquals(409, twice.statusCode());
            assertTrue(twice.body(), twice.body().contains("already-active"));
            assertEquals(0, platform.terminate());
        }
        try (RunningPlatform platform = RunningPlatform.start(home, "e2e-swap-second.log")) {
            awaitSichuanRevision(platform);
            platform.await("/api/v1/policies", r -> statusIn(r, "2025.2.0").equals("ACTIVE"), Duration.ofSeconds(30));
            assertEquals("the activation survived the restart", "RETIRED", status(platform, "2025.1.0"));
            assertEquals("2025.2.0", decided(platform, "2025.2.0", "975.00"));

            HttpResponse<String> rolledBack = platform.send("POST", "/api/v1/policies/510000/rollback",
                    "{\"reason\": \"复核 review\"}");
            assertEquals(rolledBack.body(), 200, rolledBack.statusCode());
            assertEquals("ROLLED_BACK", json(rolledBack).get("kind").asText());
            assertEquals("ACTIVE", status(platform, "2025.1.0"));
            assertEquals("STANDBY", status(platform, "2025.2.0"));
            assertEquals("2025.1.0", decided(platform, "2025.1.0", "980.00"));
            assertEquals(409, platform.post("/api/v1/policies/510000/rollback", "{}").statusCode());

            uploadsARegionBundle(platform);

            JsonNode history = json(platform.get("/api/v1/policies/510000/activations"));
            assertEquals(2, history.size());
            assertEquals("ACTIVATED", history.get(0).get("kind").asText());
            assertEquals("终稿发布 final text published — requested by policy-admin (request 1), confirmed by "
                    + Staff.SECOND_POLICY_ADMIN, history.get(0).get("reason").asText());
            assertEquals("ROLLED_BACK", history.get(1).get("kind").asText());
            assertEquals(0, platform.terminate());
        }
    }

    /** A region bundle sent to {@code POST /api/v1/bundles} is installed and validated as if copied to deploy/. */
    private static void uploadsARegionBundle(RunningPlatform platform) throws Exception {
        Path fixture = Path.of(System.getProperty("qc.fixtures", "target/fixtures")).resolve("policy-fixture-2024.1.0.jar");
        HttpResponse<String> uploaded = platform.upload("/api/v1/bundles", Files.readAllBytes(fixture));
        assertEquals(uploaded.body(), 202, uploaded.statusCode());
        assertTrue(uploaded.body(), uploaded.body().contains("\"file\":\"org.qiancheng.policy-fixture-2024.1.0.jar\""));
        platform.await("/api/v1/policies", r -> r.body().contains("\"regionCode\":\"990000\""), Duration.ofSeconds(30));
        assertEquals("the same version twice", 409, platform.upload("/api/v1/bundles", Files.readAllBytes(fixture))
                .statusCode());
        HttpResponse<String> notAJar = platform.upload("/api/v1/bundles", "not a jar".getBytes());
        assertEquals(notAJar.body(), 422, notAJar.statusCode());
        assertTrue(notAJar.body(), notAJar.body().contains("\"body\""));
    }

    private static void awaitSichuanRevision(RunningPlatform platform) throws Exception {
        platform.await("/api/v1/policies", r -> r.body().contains("\"2025.2.0\"") && r.body().contains("\"2025.1.0\""),
                Duration.ofSeconds(30));
    }

    /** Previews the 2026 class; checks the amount and answers the version that decided it. */
    private String decided(RunningPlatform platform, String expectedVersion, String amount) throws Exception {
        JsonNode decision = json(platform.post("/api/v1/claims/preview", Files.readString(CLASS_OF_2026_FILE)));
        assertEquals(decision.toString(), new BigDecimal(amount), decision.get("amount").decimalValue());
        return decision.get("policy").get("version").asText();
    }

    private String status(RunningPlatform platform, String version) throws Exception {
        return statusIn(platform.get("/api/v1/policies"), version);
    }

    private String reason(RunningPlatform platform, String version) throws Exception {
        return field(platform.get("/api/v1/policies"), version, "reason");
    }

    private String statusIn(HttpResponse<String> policies, String version) {
        return field(policies, version, "status");
    }

    private String field(HttpResponse<String> policies, String version, String field) {
        for (JsonNode policy : json(policies)) {
            if (policy.get("descriptor").get("regionCode").asText().equals("510000")
                    && policy.get("descriptor").get("version").asText().equals(version)) {
                return policy.get(field).asText();
            }
        }
        throw new AssertionError("no 510000 " + version + " in " + policies.body());
    }

}
