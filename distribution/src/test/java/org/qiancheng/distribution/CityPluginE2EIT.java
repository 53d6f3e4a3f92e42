package org.qiancheng.distribution;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.Test;

/**
 * What a city IT team does with the kit: generate a plugin project from the archetype (offline,
 * against the just-built API and test kit), build it (its case files run), hot-deploy the bundle
 * into a running platform, and preview a claim for the city: the province's cited lines with the
 * city's top-up on top (for an occupation of the province's chains, which the plugin reads from the
 * province's catalogue), the decision naming both policies. A preview asking about the province for
 * a class in the city is decided by the city, as the stored claim of that class would be.
 */
public class CityPluginE2EIT {

    private static final String VERSION = "0.1.0-SNAPSHOT";
    private final ObjectMapper json = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true));

    @Test
    public void aCityPluginFromTheArchetypeRefinesItsProvinceOnARunningPlatform() throws Exception {
        Path repo = Path.of(System.getProperty("qc.repo", "..")).toAbsolutePath();
        Path work = Files.createTempDirectory(Path.of("target"), "city-plugin-").toAbsolutePath();
        Maven maven = new Maven(work.resolve("maven.log"));
        // what `mvn install` of this repository publishes, for a team that has nothing else
        maven.install(repo, null);
        maven.install(repo.resolve("plugins"), null);
        maven.install(repo.resolve("kernel/api"), "api-" + VERSION + ".jar");
        maven.install(repo.resolve("kernel/engine"), "engine-" + VERSION + ".jar");
        maven.install(repo.resolve("kernel/testkit"), "testkit-" + VERSION + ".jar");
        maven.install(repo.resolve("plugins/archetype"), "region-plugin-archetype-" + VERSION + ".jar");

        maven.run(work, "org.apache.maven.plugins:maven-archetype-plugin:3.2.1:generate", "-DinteractiveMode=false",
                "-DarchetypeGroupId=org.qiancheng", "-DarchetypeArtifactId=region-plugin-archetype",
                "-DarchetypeVersion=" + VERSION, "-DgroupId=cn.gov.chengdu.hrss", "-DartifactId=chengdu-policy",
                "-Dversion=2025.1.0", "-Dpackage=cn.gov.chengdu.hrss.policy");
        Path project = work.resolve("chengdu-policy");
        // the province's bundle, as the team downloads it: its overrides are checked against its bounds at build time
        Path sichuan;
        try (var jars = Files.newDirectoryStream(repo.resolve("regions/sichuan/target"), "region-sichuan-*.jar")) {
            sichuan = jars.iterator().next();
        }
        maven.run(project, "verify", "-Dqiancheng.parent.bundle=" + sichuan.toAbsolutePath());
        Path bundle = project.resolve("target/chengdu-policy-2025.1.0.jar");
        String report = Files.readString(project.resolve(
                "target/surefire-reports/cn.gov.chengdu.hrss.policy.CasesTest.txt"));
        assertTrue("the plugin's five case files and the bounds check against Sichuan ran: " + report,
                report.contains("Tests run: 6, Failures: 0, Errors: 0, Skipped: 0"));

        Path home = work.resolve("home");
        String scenario = Files.readString(repo.resolve("docs/examples/preview-sichuan.json"));
        try (RunningPlatform platform = RunningPlatform.start(home, "e2e-city.log")) {
            platform.await("/api/v1/regions", r -> r.body().contains("510000"), Duration.ofSeconds(30));
            JsonNode province = json.readTree(platform.post("/api/v1/claims/preview", scenario).body());

            Files.copy(bundle, home.resolve("chengdu.part"));
            Files.move(home.resolve("chengdu.part"), home.resolve("deploy/chengdu-policy.jar"));
            platform.await("/api/v1/regions", r -> r.body().contains("510100"), Duration.ofSeconds(30));

            JsonNode city = json.readTree(platform.post("/api/v1/claims/preview",
                    scenario.replace("\"region\": \"510000\"", "\"region\": \"510100\"")).body());
            assertEquals(city.toString(), "510100", city.get("policy").get("regionCode").asText());
            assertEquals("510000", city.get("basedOn").get(0).get("regionCode").asText());
            JsonNode lines = city.get("lines");
            assertEquals("the province's lines come first, unchanged", province.get("lines").size() + 1, lines.size());
            JsonNode topUp = lines.get(lines.size() - 1);
            assertEquals("CD1", topUp.get("rule").asText());
            assertEquals("[CD-2025 §二]", topUp.get("citation").asText());
            BigDecimal expected = province.get("amount").decimalValue().add(topUp.get("amount").decimalValue());
            assertEquals(0, expected.compareTo(city.get("amount").decimalValue()));
            // the electrician is in Sichuan's k15-equipment chain: the plugin read it from the province's catalogue
            assertEquals("10% of the province's amount", 0, province.get("amount").decimalValue()
                    .multiply(new BigDecimal("0.10")).setScale(2).compareTo(topUp.get("amount").decimalValue()));

            // one routing rule: the class's region (510104) decides, as for a stored claim of that class, even when
            // the preview asks about the province; a class outside the region asked about is refused
            JsonNode asProvince = json.readTree(platform.post("/api/v1/claims/preview", scenario).body());
            assertEquals(asProvince.toString(), "510100", asProvince.get("policy").get("regionCode").asText());
            assertEquals(city.get("policy").get("version").asText(), asProvince.get("policy").get("version").asText());
            assertEquals(0, city.get("amount").decimalValue().compareTo(asProvince.get("amount").decimalValue()));
            HttpResponse<String> outside = platform.post("/api/v1/claims/preview",
                    scenario.replace("\"region\": \"510000\"", "\"region\": \"610100\""));
            assertEquals(outside.body(), 422, outside.statusCode());
            assertTrue(outside.body(), outside.body().contains("within:region"));
            assertEquals(0, platform.terminate());
        }
    }
}
