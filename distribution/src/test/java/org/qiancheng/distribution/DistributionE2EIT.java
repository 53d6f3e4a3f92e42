package org.qiancheng.distribution;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.junit.Test;

/**
 * The real assembled platform as a process: health, hot deploy / update / removal of a bundle
 * through {@code deploy/} with no restart, a clean SIGTERM stop, and a restart that keeps the data.
 */
public class DistributionE2EIT {

    private static final Duration HOT = Duration.ofSeconds(30);
    private static final Path FIXTURES = Path.of(System.getProperty("qc.fixtures", "target/fixtures"));
    private final ObjectMapper json = new ObjectMapper();

    @Test
    public void hotDeploysUpdatesAndRemovesABundleThenStopsCleanlyAndRestartsWithItsData() throws Exception {
        Path home = Files.createTempDirectory(Path.of("target"), "e2e-home-").toAbsolutePath();
        int bundlesAtStart;
        try (RunningPlatform platform = RunningPlatform.start(home, "e2e-first.log")) {
            JsonNode health = json.readTree(platform.get("/api/v1/health/details").body());
            assertEquals("UP", health.get("status").asText());
            assertEquals("UP", health.get("database").get("status").asText());
            assertEquals(1, health.get("database").get("bootCount").asLong());
            // the shipped regions arrive from deploy/ just after the first answer; count bundles once they are in
            platform.await("/api/v1/regions", r -> r.body().contains("610100") && r.body().contains("320000")
                    && r.body().contains("100000") && r.body().contains("2021.1.0"), HOT);
            bundlesAtStart = totalBundles(json.readTree(platform.get("/api/v1/health/details").body()));
            assertEquals(404, platform.get("/api/v1/hot-probe").statusCode());

            deploy(FIXTURES.resolve("hot-probe-1.0.0.jar"), home);
            // its resource is served, behind the permission gate like every resource the matrix does not list
            platform.await("/api/v1/hot-probe", r -> r.statusCode() == 403 && r.body().contains("permission"), HOT);
            platform.await("/api/v1/bundles", r -> r.body().contains("\"hot-probe.jar\"")
                    && r.body().contains("\"1.0.0\""), HOT);
            awaitBundles(platform, bundlesAtStart + 1);

            deploy(FIXTURES.resolve("hot-probe-2-2.0.0.jar"), home);
            platform.await("/api/v1/bundles", r -> r.body().contains("\"hot-probe.jar\"")
                    && r.body().contains("\"2.0.0\""), HOT);
            // the whiteboard serves the updated bundle's resource once it has rebuilt the application
            platform.await("/api/v1/hot-probe", r -> r.statusCode() == 403, HOT);
            assertEquals("updated in place, not installed beside version 1",
                    bundlesAtStart + 1, totalBundles(json.readTree(platform.get("/api/v1/health/details").body())));

            Files.delete(home.resolve("deploy/hot-probe.jar"));
            platform.await("/api/v1/hot-probe", r -> r.statusCode() == 404, HOT);
            // the resource goes when the bundle stops, the bundle a moment later when it is uninstalled
            awaitBundles(platform, bundlesAtStart);

            assertEquals("exit code after SIGTERM", 0, platform.terminate());
            assertTrue(Files.readString(platform.log).contains("Qiancheng stopped cleanly"));
            assertFalse("the database was shut down, not abandoned", Files.exists(home.resolve("data/qiancheng.lck")));
            assertTrue("a new database's tables are checked", Files.readString(platform.log)
                    .contains("Tables checked against this build's mapping and recorded"));
            assertEquals("a new home runs every shipped version's cases", 0, count(platform.log, NOT_RUN_AGAIN));
        }

        try (RunningPlatform again = RunningPlatform.start(home, "e2e-second.log")) {
            JsonNode health = json.readTree(again.get("/api/v1/health/details").body());
            assertEquals("the first start's row is still there", 2, health.get("database").get("bootCount").asLong());
            awaitBundles(again, bundlesAtStart);
            assertEquals(404, again.get("/api/v1/hot-probe").statusCode());
            assertEquals(0, again.terminate());
            assertTrue("the same build finds its tables as it left them", Files.readString(again.log)
                    .contains("Tables current: brought to this build's mapping before, not checked again"));
            long shipped;
            try (var jars = Files.list(home.resolve("deploy"))) {
                shipped = jars.filter(jar -> jar.toString().endsWith(".jar")).count();
            }
            assertTrue(shipped >= 6);
            assertEquals("the same versions on the same code do not run their cases again", shipped,
                    count(again.log, NOT_RUN_AGAIN));
        }
    }

    private static final String NOT_RUN_AGAIN = "its cases pass (passed before on this content and code, not run again)";

    private static long count(Path log, String line) throws java.io.IOException {
        return Files.readAllLines(log).stream().filter(l -> l.contains(line)).count();
    }

    /** Copies beside the hot folder, then renames into it, so FileInstall never sees half a jar. */
    private static void deploy(Path jar, Path home) throws Exception {
        Path staging = home.resolve("hot-probe.jar.part");
        Files.copy(jar, staging, StandardCopyOption.REPLACE_EXISTING);
        Files.move(staging, home.resolve("deploy/hot-probe.jar"), StandardCopyOption.ATOMIC_MOVE,
                StandardCopyOption.REPLACE_EXISTING);
    }

    /** Waits until the platform counts that many bundles (the health details' count by state, summed). */
    private void awaitBundles(RunningPlatform platform, int expected) throws Exception {
        platform.await("/api/v1/health/details", r -> {
            try {
                return totalBundles(json.readTree(r.body())) == expected;
            } catch (java.io.IOException e) {
                return false;
            }
        }, HOT);
    }

    private static int totalBundles(JsonNode health) {
        int total = 0;
        for (JsonNode count : health.get("bundles")) {
            total += count.asInt();
        }
        return total;
    }
}
