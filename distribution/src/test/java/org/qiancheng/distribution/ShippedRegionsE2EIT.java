package org.qiancheng.distribution;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.Test;

/**
 * The assembled platform at first start: the shipped regions are installed from {@code deploy/},
 * every {@code docs/examples/preview-*.json} is decided by its region, reports answer in JSON and
 * CSV, and removing a region's jar removes the region until it is copied back, with no restart.
 */
public class ShippedRegionsE2EIT {

    private static final List<String> REGIONS = List.of("100000", "320000", "510000", "610100");
    private static final Duration HOT = Duration.ofSeconds(30);
    private final ObjectMapper json = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true));

    @Test
    public void theShippedRegionsAnswerAtFirstStartAndComeAndGoWithTheirJars() throws Exception {
        Path home = Files.createTempDirectory(Path.of("target"), "e2e-regions-").toAbsolutePath();
        try (RunningPlatform platform = RunningPlatform.start(home, "e2e-regions.log")) {
            platform.await("/api/v1/regions", r -> regionCodes(r.body()).equals(REGIONS), HOT);
            platform.await("/api/v1/regions", r -> versions(RunningPlatform.json(r), "510000").size() == 3, HOT);
            JsonNode policies = json.readTree(platform.get("/api/v1/policies").body());
            for (JsonNode policy : policies) {
                boolean revision = policy.get("descriptor").get("version").asText().equals("2025.2.0");
                assertEquals(policy.toString(), revision ? "STANDBY" : "ACTIVE", policy.get("status").asText());
            }
            assertEquals("Sichuan carries three versions of one bundle side by side",
                    List.of("2021.1.0", "2025.1.0", "2025.2.0"),
                    versions(json.readTree(platform.get("/api/v1/regions").body()), "510000"));

            // the catalogue publishes the standards S its version decides with, each with its reference
            JsonNode xianCatalog = published(platform, "610100", "2025-07-01");
            JsonNode xianStandard = xianCatalog.get("subsidy/standard");
            assertEquals(xianStandard.toString(), "[XA-2025 §二(二)]", xianStandard.get("reference").asText());
            assertEquals("yuan", xianStandard.get("unit").asText());
            assertEquals("2025-06-20", xianStandard.get("effectiveFrom").asText());
            assertEquals(1200, xianStandard.at("/value/4-10-01-05/JUNIOR").asInt());
            assertTrue(xianStandard.get("sample").asBoolean());
            JsonNode xianShortage = xianCatalog.get("catalog/shortage");
            assertEquals("[XA-2025 §二(二)]", xianShortage.get("reference").asText());
            assertEquals("0.30", xianShortage.at("/value/4-14-02-05").decimalValue().toPlainString());
            JsonNode sichuan = published(platform, "510000", "2025-07-01").get("subsidy/standard");
            assertEquals(sichuan.toString(), "[SC-2025 §三(十一)]", sichuan.get("reference").asText());
            assertEquals("2025-01-01", sichuan.get("effectiveFrom").asText());
            assertEquals("per city, as the file has it", 1000, sichuan.at("/value/510000/6-18-01-01/JUNIOR").asInt());

            for (Path example : examples()) {
                JsonNode request = json.readTree(Files.readString(example));
                HttpResponse<String> answer = platform.post("/api/v1/claims/preview", Files.readString(example));
                assertEquals(example + ": " + answer.body(), 200, answer.statusCode());
                JsonNode decision = json.readTree(answer.body());
                assertEquals(example.toString(), request.get("region").asText(),
                        decision.get("policy").get("regionCode").asText());
                assertTrue(example + " is eligible", decision.get("eligible").asBoolean());
                assertTrue(example + " grants an amount", decision.get("amount").decimalValue().signum() > 0);
                for (JsonNode line : decision.get("lines")) {
                    assertTrue("every line is cited: " + line, line.get("citation").asText().matches("\\[\\S+ §.+]"));
                }
            }

            HttpResponse<String> csv = platform.get("/api/v1/reports/610100/indicators?format=csv");
            assertEquals(200, csv.statusCode());
            assertTrue(csv.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
            assertTrue(csv.body(), csv.body().contains("合格率 / Pass rate"));
            JsonNode dispatch = json.readTree(platform.post(
                    "/api/v1/reports/510000/monthly-dispatch?from=2021-05-01&to=2021-12-31", inlineClasses()).body());
            assertEquals(dispatch.toString(), "2021.1.0", dispatch.get("policy").get("version").asText());
            assertEquals(2, dispatch.get("rows").size());

            Path xian = jar(home, "region-xian");
            Path aside = home.resolve(xian.getFileName());
            Files.move(xian, aside);
            platform.await("/api/v1/regions", r -> !regionCodes(r.body()).contains("610100"), HOT);
            JsonNode fallback = json.readTree(platform.post("/api/v1/claims/preview",
                    Files.readString(example("xian"))).body());
            assertEquals("without Xi'an's bundle its claims fall back to the national baseline", "100000",
                    fallback.get("policy").get("regionCode").asText());
            Files.move(aside, xian, StandardCopyOption.ATOMIC_MOVE);
            platform.await("/api/v1/regions", r -> regionCodes(r.body()).equals(REGIONS), HOT);
            assertEquals("610100", json.readTree(platform.post("/api/v1/claims/preview",
                    Files.readString(example("xian"))).body()).get("policy").get("regionCode").asText());
            assertEquals(0, platform.terminate());
        }
    }

    private List<String> regionCodes(String body) {
        List<String> codes = new ArrayList<>();
        try {
            json.readTree(body).forEach(r -> codes.add(r.get("code").asText()));
        } catch (java.io.IOException e) {
            return List.of();
        }
        return codes;
    }

    private static List<String> versions(JsonNode regions, String code) {
        List<String> versions = new ArrayList<>();
        regions.forEach(r -> {
            if (r.get("code").asText().equals(code)) {
                r.get("versions").forEach(v -> versions.add(v.asText()));
            }
        });
        return versions;
    }

    private static Path docs() {
        return Path.of(System.getProperty("qc.repo", "..")).resolve("docs/examples");
    }

    /** The parameters a region's catalogue publishes on a day, by name. */
    private JsonNode published(RunningPlatform platform, String region, String day) throws Exception {
        HttpResponse<String> answer = platform.get("/api/v1/regions/" + region + "/catalog?date=" + day);
        assertEquals(answer.body(), 200, answer.statusCode());
        JsonNode catalog = json.readTree(answer.body());
        assertEquals(region, catalog.get("regionCode").asText());
        var byName = json.createObjectNode();
        catalog.get("parameters").forEach(p -> byName.set(p.get("name").asText(), p));
        return byName;
    }

    private static List<Path> examples() throws java.io.IOException {
        try (Stream<Path> files = Files.list(docs())) {
            List<Path> examples = files.filter(f -> f.getFileName().toString().matches("preview-.+\\.json")).sorted()
                    .toList();
            assertFalse("docs/examples has preview examples", examples.isEmpty());
            return examples;
        }
    }

    private static Path example(String region) {
        return docs().resolve("preview-" + region + ".json");
    }

    private static Path jar(Path home, String artifact) throws java.io.IOException {
        try (Stream<Path> files = Files.list(home.resolve("deploy"))) {
            return files.filter(f -> f.getFileName().toString().startsWith(artifact + "-20")).findFirst().orElseThrow();
        }
    }

    private static String inlineClasses() {
        String one = """
                {"class": {"occupation": "6-31-01-03", "level": "JUNIOR", "mode": "OFFLINE",
                 "startDate": "%s", "endDate": "%s", "hours": 80},
                 "results": {"enrolled": 40, "evaluated": 38, "passed": 36, "certified": 30, "employed": 25,
                 "entrepreneurs": 2, "satisfaction": 0.9}, "highSkilledCertified": 0, "subsidy": 36000}""";
        return "{\"classes\": [" + one.formatted("2021-05-10", "2021-06-20") + ", "
                + one.formatted("2021-07-01", "2021-08-15") + "]}";
    }
}
