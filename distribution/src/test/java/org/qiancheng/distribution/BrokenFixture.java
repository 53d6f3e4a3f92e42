package org.qiancheng.distribution;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/**
 * The 2025 fixture policy re-versioned as 2026.1.0 with one more case file whose expectation is
 * wrong: a bundle the activation gate must refuse because its own case fails.
 */
final class BrokenFixture {

    static final String VERSION = "2026.1.0";
    static final String CASE = "zz-wrong-expectation.json";

    private BrokenFixture() {
    }

    static InputStream from(Path fixture2025) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JarInputStream in = new JarInputStream(Files.newInputStream(fixture2025))) {
            Manifest manifest = in.getManifest();
            manifest.getMainAttributes().putValue("Bundle-Version", VERSION);
            try (JarOutputStream out = new JarOutputStream(bytes, manifest)) {
                String passing = null;
                for (JarEntry entry = in.getNextJarEntry(); entry != null; entry = in.getNextJarEntry()) {
                    byte[] content = in.readAllBytes();
                    if (entry.getName().equals("policy.properties")) {
                        content = new String(content, StandardCharsets.UTF_8).replace("version=2025.1.0",
                                "version=" + VERSION).replace("from=2025-01-01", "from=2026-01-01")
                                .getBytes(StandardCharsets.UTF_8);
                    }
                    if (entry.getName().equals("cases/standard-for-a-passed-trainee.json")) {
                        passing = new String(content, StandardCharsets.UTF_8);
                    }
                    out.putNextEntry(new JarEntry(entry.getName()));
                    out.write(content);
                    out.closeEntry();
                }
                out.putNextEntry(new JarEntry("cases/" + CASE));
                out.write(passing.replace("\"amount\": 1200", "\"amount\": 999").getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        return new ByteArrayInputStream(bytes.toByteArray());
    }
}
