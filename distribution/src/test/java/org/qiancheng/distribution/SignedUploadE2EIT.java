package org.qiancheng.distribution;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.qiancheng.distribution.RunningPlatform.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSigner;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.Test;

/**
 * Signed uploads on the real platform (issue 12): {@code POST /api/v1/bundles} accepts a region
 * bundle only when it is signed by a certificate of {@code etc/trust/}, which a new home fills with
 * the development certificate. Unsigned, untrusted and tampered jars are 422 with nothing kept;
 * the development key's signature is accepted, and a shipped region (signed by the build) can be
 * removed and uploaded back.
 */
public class SignedUploadE2EIT {

    private static final Path DIST = Path.of(System.getProperty("qc.dist", "target/qiancheng"));
    private static final Path FIXTURES = Path.of(System.getProperty("qc.fixtures", "target/fixtures"));
    /** Built unsigned (only version 2024 is signed by the build), re-signed here as each case needs. */
    private static final Path UNSIGNED = FIXTURES.resolve("policy-fixture-2-2025.1.0.jar");
    private static final Duration HOT = Duration.ofSeconds(30);

    @Test
    public void theShippedRegionBundlesAreSignedWithTheDevelopmentKeyANewHomeTrusts() throws Exception {
        X509Certificate dev;
        try (InputStream in = Files.newInputStream(DIST.resolve("defaults/etc/trust/qiancheng-dev.crt"))) {
            dev = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
        List<Path> shipped;
        try (Stream<Path> jars = Files.list(DIST.resolve("defaults/deploy"))) {
            shipped = jars.filter(p -> p.toString().endsWith(".jar")).sorted().toList();
        }
        assertEquals(shipped.toString(), 6, shipped.size());
        for (Path jar : shipped) {
            assertSignedBy(jar, dev);
        }
        assertSignedBy(FIXTURES.resolve("policy-fixture-2024.1.0.jar"), dev);
        assertEquals("the fixture rewritten by the tests stays unsigned", List.of(), JarSigning.signatureFiles(UNSIGNED));
    }

    @Test
    public void onlyJarsSignedByATrustedCertificateWithEveryEntryIntactAreInstalled() throws Exception {
        Path home = Files.createTempDirectory(Path.of("target"), "e2e-signed-").toAbsolutePath();
        try (RunningPlatform platform = RunningPlatform.start(home, "e2e-signed-upload.log")) {
            assertTrue("a new home trusts the development certificate",
                    Files.isRegularFile(home.resolve("etc/trust/qiancheng-dev.crt")));
            byte[] unsigned = Files.readAllBytes(UNSIGNED);
            byte[] devSigned = JarSigning.sign(unsigned, JarSigning.devKey());
            String[] before = listing(home);
            String bundlesBefore = platform.get("/api/v1/bundles").body();

            assertRefused(platform.upload("/api/v1/bundles", unsigned), "signature:unsigned", "not signed");
            byte[] strangers = JarSigning.sign(unsigned,
                    JarSigning.throwawayKey(Files.createTempDirectory(Path.of("target"), "keys-")));
            assertRefused(platform.upload("/api/v1/bundles", strangers), "signature:untrusted", "untrusted");
            byte[] changedCase = JarSigning.edit(devSigned, (name, content) -> name.startsWith("cases/")
                    ? new String(content, StandardCharsets.UTF_8).replace("1200", "1300").getBytes(StandardCharsets.UTF_8)
                    : content);
            assertFalse("the edit changed a case", Arrays.equals(devSigned, changedCase));
            assertRefused(platform.upload("/api/v1/bundles", changedCase), "signature:tampered", "changed after signing");

            assertTrue("nothing written or kept", Arrays.equals(before, listing(home)));
            assertEquals("nothing installed", bundlesBefore, platform.get("/api/v1/bundles").body());
            assertFalse(platform.get("/api/v1/policies").body().contains("\"990000\""));
            assertEquals("refusals write no audit entry", 0,
                    json(platform.get("/api/v1/audit?entity=bundle")).get("items").size());

            HttpResponse<String> uploaded = platform.upload("/api/v1/bundles", devSigned);
            assertEquals(uploaded.body(), 202, uploaded.statusCode());
            platform.await("/api/v1/policies", r -> r.body().contains("\"regionCode\":\"990000\"")
                    && r.body().contains("\"ACTIVE\""), HOT);
            platform.await("/api/v1/bundles", r -> r.body().contains("\"ACCEPTED\""), HOT);
            JsonNode audit = json(platform.get("/api/v1/audit?entity=bundle")).get("items");
            assertEquals(audit.toString(), 1, audit.size());
            assertTrue(audit.toString(), audit.get(0).get("after").asText().contains("Qiancheng development"));

            // a shipped region, signed by the build, leaves deploy/ and comes back by upload
            HttpResponse<String> removed = platform.send("DELETE", "/api/v1/bundles/region-jiangsu-2019.1.0.jar", null);
            assertEquals(removed.body(), 200, removed.statusCode());
            platform.await("/api/v1/regions", r -> !r.body().contains("\"320000\""), HOT);
            uploaded = platform.upload("/api/v1/bundles",
                    Files.readAllBytes(DIST.resolve("defaults/deploy/region-jiangsu-2019.1.0.jar")));
            assertEquals(uploaded.body(), 202, uploaded.statusCode());
            platform.await("/api/v1/regions", r -> r.body().contains("\"320000\""), HOT);
            assertEquals(0, platform.terminate());
        }
    }

    private static void assertRefused(HttpResponse<String> answer, String rule, String detail) {
        assertEquals(answer.body(), 422, answer.statusCode());
        assertTrue(answer.body(), answer.headers().firstValue("Content-Type").orElse("").contains("problem+json"));
        JsonNode problem = json(answer);
        assertEquals(answer.body(), "body", problem.get("violations").get(0).get("field").asText());
        assertEquals(answer.body(), rule, problem.get("violations").get(0).get("rule").asText());
        assertTrue(answer.body(), problem.get("detail").asText().contains(detail));
        assertTrue(answer.body(), problem.get("detailZh").asText().contains("签名"));
    }

    private static void assertSignedBy(Path jar, X509Certificate expected) throws Exception {
        try (JarFile file = new JarFile(jar.toFile(), true)) {
            for (JarEntry entry : file.stream().toList()) {
                try (InputStream in = file.getInputStream(entry)) {
                    in.transferTo(java.io.OutputStream.nullOutputStream());
                }
                String name = entry.getName();
                if (entry.isDirectory() || name.equals("META-INF/MANIFEST.MF")
                        || name.matches("META-INF/[^/]+\\.(SF|RSA|DSA|EC)")) {
                    continue; // the signature itself
                }
                CodeSigner[] signers = entry.getCodeSigners();
                assertNotNull(jar + " " + entry.getName() + " is signed", signers);
                assertEquals(jar + " " + entry.getName(), expected, signers[0].getSignerCertPath().getCertificates().get(0));
            }
        }
    }

    /** The home's own files, deploy/ and the kept copies of accepted jars: where an upload could leave something. */
    private static String[] listing(Path home) throws Exception {
        Stream<Path> all = Stream.empty();
        for (Path folder : List.of(home, home.resolve("deploy"), home.resolve("data/accepted-bundles"))) {
            if (Files.isDirectory(folder)) {
                try (Stream<Path> files = Files.list(folder)) {
                    all = Stream.concat(all, files.toList().stream());
                }
            }
        }
        return all.map(p -> home.relativize(p).toString()).sorted().toArray(String[]::new);
    }
}
