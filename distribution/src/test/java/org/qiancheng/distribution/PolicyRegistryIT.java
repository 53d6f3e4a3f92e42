package org.qiancheng.distribution;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.bundle;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.inject.Inject;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.qiancheng.api.registry.NoPolicyException;
import org.qiancheng.api.registry.PolicyRegistry;
import org.qiancheng.api.registry.PolicySnapshot;
import org.qiancheng.api.registry.PolicyStatus;
import org.qiancheng.api.registry.PolicyVersion;

/**
 * Two versions of one test region installed side by side: previews go by class start date, a pin
 * overrides the date, bad input is answered with problem+json naming the field, and a request in
 * flight keeps its version while the bundle is removed.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class PolicyRegistryIT extends PlatformTestSupport {

    private static final String REGION = "990000";
    private static final Path FIXTURES = Path.of(System.getProperty("qc.fixtures", "target/fixtures"));
    private static final Path EXAMPLE = Path.of("src/test/resources/examples/preview-test-region.json");

    @Inject
    private BundleContext context;

    @Inject
    private PolicyRegistry registry;

    private Http http;

    @Configuration
    public Option[] configuration() throws Exception {
        return baseConfiguration(
                bundle(FIXTURES.resolve("policy-fixture-2024.1.0.jar").toUri().toString()),
                bundle(FIXTURES.resolve("policy-fixture-2-2025.1.0.jar").toUri().toString()));
    }

    @Before
    public void serverReady() throws Exception {
        Whiteboard.await(context, d -> Dtos.resources(d).containsAll(List.of("qiancheng.preview", "qiancheng.policies",
                "qiancheng.regions")), 30_000);
        http = new Http(context.getProperty("org.osgi.service.http.port"));
    }

    private static String scenario(String startDate, String endDate) throws Exception {
        return Files.readString(EXAMPLE).replace("2025-03-03", startDate).replace("2025-03-28", endDate);
    }

    @Test
    public void bothVersionsAreActiveSideBySideWithNoGap() throws Exception {
        List<PolicyVersion> versions = registry.versions();
        assertEquals(List.of("2024.1.0", "2025.1.0"), versions.stream().map(v -> v.descriptor().version()).toList());
        assertTrue(versions.stream().allMatch(v -> v.status() == PolicyStatus.ACTIVE));
        assertEquals(List.of(), registry.issues());

        JsonNode regions = http.get("/regions").body();
        assertEquals(REGION, regions.get(0).get("code").asText());
        assertEquals("Test Province", regions.get(0).get("name").get("en").asText());
        JsonNode documents = http.get("/policies/990000/2024.1.0/documents").body();
        assertEquals("TEST-2024", documents.get(0).get("key").asText());
    }

    @Test
    public void previewPicksTheVersionByClassStartDate() throws Exception {
        Http.Answer old = http.post("/claims/preview", scenario("2024-06-03", "2024-06-28"));
        assertEquals(old.body().toString(), 200, old.status());
        assertEquals("700.00", old.body().get("amount").asText());
        assertEquals("2024.1.0", old.body().get("policy").get("version").asText());
        assertEquals("org.qiancheng.policy-fixture", old.body().get("policy").get("bundleSymbolicName").asText());
        assertTrue(old.body().get("policy").get("contentHash").asText().matches("[0-9a-f]{64}"));
        assertEquals("[TEST-2024 §四]", old.body().get("lines").get(1).get("citation").asText());
        assertEquals("2024-01-01", old.body().get("parametersEffective").asText());
        assertEquals("510104********1230", old.body().get("input").get("trainee").get("id").asText());

        Http.Answer current = http.post("/claims/preview", Files.readString(EXAMPLE));
        assertEquals(200, current.status());
        assertEquals("840.00", current.body().get("amount").asText());
        assertEquals("2025.1.0", current.body().get("policy").get("version").asText());
    }

    @Test
    public void aPinOverridesTheDateAndCanBeLifted() throws Exception {
        assertEquals(200, http.put("/policies/990000/pin", "{\"version\": \"2024.1.0\"}").status());
        try {
            Http.Answer pinned = http.post("/claims/preview", Files.readString(EXAMPLE));
            assertEquals("2024.1.0", pinned.body().get("policy").get("version").asText());
            assertEquals("700.00", pinned.body().get("amount").asText());
            JsonNode versions = http.get("/policies").body();
            assertEquals("STANDBY", versions.get(1).get("status").asText());
            assertTrue(versions.get(0).get("pinned").asBoolean());
        } finally {
            assertEquals(200, http.delete("/policies/990000/pin").status());
        }
        assertEquals("2025.1.0", http.post("/claims/preview", Files.readString(EXAMPLE)).body()
                .get("policy").get("version").asText());
        assertEquals(422, http.put("/policies/990000/pin", "{\"version\": \"1999.1.0\"}").status());
    }

    @Test
    public void badInputIsAnsweredWithProblemJsonNamingTheFieldAndTheRule() throws Exception {
        String good = Files.readString(EXAMPLE);
        assertViolation(good.replace("\"hours\": 80", "\"hours\": -5"), "class.hours", "minimum:0");
        assertViolation(good.replace("510104199001011230", "510104199001011231"), "trainee.idNumber",
                "gb11643:check-digit");
        assertViolation(good.replace("\"4-10-01-05\"", "\"9-99-99-99\""), "class.occupation", "catalog");
        assertViolation(good.replace("\"level\": \"JUNIOR\", \"mode\"", "\"level\": \"SENIOR\", \"mode\""),
                "class.level", "catalog");
        assertViolation(good.replace("\"level\": \"JUNIOR\", \"mode\"", "\"level\": \"GURU\", \"mode\""),
                "class.level", "enum:SkillLevel");
        assertViolation(good.replace("\"region\": \"990000\"", "\"region\": \"610100\""), "region", "policy-in-force");
        assertViolation(good.replace("\"region\": \"990000\",", ""), "region", "required");
        assertViolation(good.replace("\"startDate\": \"2025-03-03\"", "\"startDate\": \"2023-03-03\"")
                .replace("\"endDate\": \"2025-03-28\"", "\"endDate\": \"2023-03-28\""), "region", "policy-in-force");

        Http.Answer syntax = http.post("/claims/preview", "{\"region\": ");
        assertEquals(400, syntax.status());
        assertEquals("application/problem+json", syntax.type());
        assertEquals(404, http.get("/regions/610100/catalog").status());
        assertEquals(422, http.get("/regions/61A100/catalog").status());
    }

    @Test
    public void theCatalogueOfADayComesFromTheVersionInForce() throws Exception {
        JsonNode catalog = http.get("/regions/990000/catalog?date=2024-06-01").body();
        assertEquals("2024-06-01", catalog.get("on").asText());
        assertEquals("养老护理员", catalog.get("occupations").get(0).get("name").get("zh").asText());
        assertTrue(catalog.get("sample").asBoolean());
    }

    @Test
    public void aVersionWhoseOwnCaseFailsIsRefusedAndNamesTheCase() throws Exception {
        assertRefused(BrokenFixture.from(FIXTURES.resolve("policy-fixture-2-2025.1.0.jar")), BrokenFixture.VERSION,
                BrokenFixture.CASE, "expected amount 999");
    }

    @Test
    public void aVersionWithAParameterBeyondItsBoundIsRefusedAndNamesIt() throws Exception {
        assertRefused(BrokenFixture.outOfBounds(FIXTURES.resolve("policy-fixture-2-2025.1.0.jar")),
                BrokenFixture.OUT_OF_BOUNDS_VERSION, BrokenFixture.OUT_OF_BOUNDS_PARAMETER);
    }

    /** Installs a bundle, expects its version REFUSED with a reason naming each part, and the versions in force untouched. */
    private void assertRefused(java.io.InputStream jar, String version, String... reasonNames) throws Exception {
        Bundle broken = context.installBundle("test:refused-" + version, jar);
        try {
            broken.start();
            PolicyVersion refused = awaitVersion(version);
            assertEquals(PolicyStatus.REFUSED, refused.status());
            for (String name : reasonNames) {
                assertTrue(refused.reason(), refused.reason().contains(name));
            }
            assertEquals("the versions in force are untouched", "2025.1.0",
                    http.post("/claims/preview", Files.readString(EXAMPLE)).body().get("policy").get("version").asText());
        } finally {
            broken.uninstall();
        }
    }

    @Test
    public void aRequestInFlightKeepsItsVersionWhileTheBundleIsRemoved() throws Exception {
        Bundle v1 = Stream.of(context.getBundles()).filter(b -> "org.qiancheng.policy-fixture".equals(
                b.getSymbolicName()) && b.getVersion().getMajor() == 2024).findFirst().orElseThrow();
        String location = v1.getLocation();
        PolicySnapshot inFlight = registry.acquire(REGION, LocalDate.parse("2024-06-03"));
        CompletableFuture<Void> removal = CompletableFuture.runAsync(() -> {
            try {
                v1.uninstall();
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
        try {
            awaitOutOfRouting("2024.1.0");
            assertFalse("the uninstall waits for the request in flight", removal.isDone());
            assertEquals("2024.1.0", inFlight.descriptor().version());
            assertEquals("1000.00", inFlight.decide(Scenarios2024.claim(Files.readString(EXAMPLE))).amount()
                    .toPlainString());
        } finally {
            inFlight.close();
        }
        removal.get(30, TimeUnit.SECONDS);
        assertEquals(List.of("2025.1.0"), registry.versions().stream().map(v -> v.descriptor().version()).toList());
        try (PolicySnapshot none = registry.acquire(REGION, LocalDate.parse("2024-06-03"))) {
            throw new AssertionError("no version should decide 2024 any more, got " + none.descriptor().version());
        } catch (NoPolicyException expected) {
            // the 2024 period has no version now
        }
        context.installBundle(location).start();
        List<String> back = new ArrayList<>();
        registry.versions().forEach(v -> back.add(v.descriptor().version()));
        assertEquals(List.of("2024.1.0", "2025.1.0"), back);
    }

    private void assertViolation(String body, String field, String rule) throws Exception {
        Http.Answer answer = http.post("/claims/preview", body);
        assertTrue(answer.status() + " " + answer.body(), answer.status() == 422);
        assertEquals("application/problem+json", answer.type());
        boolean named = false;
        for (JsonNode violation : answer.body().get("violations")) {
            named |= field.equals(violation.get("field").asText()) && rule.equals(violation.get("rule").asText());
        }
        assertTrue("expected " + field + " / " + rule + " in " + answer.body(), named);
    }

    /** Waits (bounded, on the registry's own state) until the removal has taken a version out of routing. */
    private void awaitOutOfRouting(String version) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (registry.versions().stream().anyMatch(v -> v.descriptor().version().equals(version))) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(version + " never left routing");
            }
            Thread.onSpinWait();
        }
    }

    /** Waits (bounded, on the registry's own state) until a version is listed. */
    private PolicyVersion awaitVersion(String version) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            for (PolicyVersion listed : registry.versions()) {
                if (listed.descriptor().version().equals(version)) {
                    return listed;
                }
            }
            Thread.onSpinWait();
        }
        throw new AssertionError(version + " never listed");
    }
}
