package org.qiancheng.distribution;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/**
 * The 2025 fixture policy re-versioned as 2026.1.0 with one more case file whose expectation is
 * wrong: a bundle the activation gate must refuse because its own case fails. Or, re-versioned as
 * {@link #OUT_OF_BOUNDS_VERSION}, with a parameter beyond its declared bound.
 */
final class BrokenFixture {

    static final String VERSION = "2026.1.0";
    static final String CASE = "zz-wrong-expectation.json";
    static final String OUT_OF_BOUNDS_VERSION = "2026.2.0";
    /** The parameter made to break its bound (0..1): 1.5. */
    static final String OUT_OF_BOUNDS_PARAMETER = "subsidy/online_factor";

    private BrokenFixture() {
    }

    /** The fixture with {@code subsidy/online_factor} at 1.5, above its bound of 1. */
    static InputStream outOfBounds(Path fixture2025) throws IOException {
        String file = "parameters/" + OUT_OF_BOUNDS_PARAMETER + ".json";
        return rewrite(fixture2025, OUT_OF_BOUNDS_VERSION,
                (name, content) -> name.equals(file) ? content.replace("0.70", "1.5") : content, null);
    }

    /** The fixture with one more case file, {@link #CASE}, expecting a wrong amount. */
    static InputStream from(Path fixture2025) throws IOException {
        return rewrite(fixture2025, VERSION, (name, content) -> content,
                cases -> cases.get("cases/standard-for-a-passed-trainee.json").replace("\"amount\": 1200",
                        "\"amount\": 999"));
    }

    /** The 2025 fixture re-versioned (from 2026-01-01) and otherwise unchanged: a good successor. */
    static InputStream revised(Path fixture2025, String version) throws IOException {
        return rewrite(fixture2025, version, (name, content) -> content, null);
    }

    /**
     * The 2025 fixture re-versioned (from 2026-01-01), each text entry passed through {@code edit},
     * and, when {@code extraCase} is given, one more case {@link #CASE} made from the entries read.
     */
    private static InputStream rewrite(Path fixture2025, String version, BiFunction<String, String, String> edit,
            Function<Map<String, String>, String> extraCase) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Map<String, String> texts = new HashMap<>();
        try (JarInputStream in = new JarInputStream(Files.newInputStream(fixture2025))) {
            Manifest manifest = in.getManifest();
            manifest.getMainAttributes().putValue("Bundle-Version", version);
            try (JarOutputStream out = new JarOutputStream(bytes, manifest)) {
                for (JarEntry entry = in.getNextJarEntry(); entry != null; entry = in.getNextJarEntry()) {
                    byte[] content = in.readAllBytes();
                    if (entry.getName().endsWith(".json") || entry.getName().endsWith(".properties")) {
                        String text = new String(content, StandardCharsets.UTF_8);
                        texts.put(entry.getName(), text);
                        if (entry.getName().equals("policy.properties")) {
                            text = text.replace("version=2025.1.0", "version=" + version)
                                    .replace("from=2025-01-01", "from=2026-01-01");
                        }
                        content = edit.apply(entry.getName(), text).getBytes(StandardCharsets.UTF_8);
                    }
                    out.putNextEntry(new JarEntry(entry.getName()));
                    out.write(content);
                    out.closeEntry();
                }
                if (extraCase != null) {
                    out.putNextEntry(new JarEntry("cases/" + CASE));
                    out.write(extraCase.apply(texts).getBytes(StandardCharsets.UTF_8));
                    out.closeEntry();
                }
            }
        }
        return new ByteArrayInputStream(bytes.toByteArray());
    }
}
