package org.qiancheng.core.internal.deploy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;

class JarCheckTest {

    private static final String REGION_CAPABILITY =
            "osgi.service;objectClass:List<String>=\"org.qiancheng.api.spi.RegionPolicy\"";

    static byte[] jar(Map<String, String> headers) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().putValue("Manifest-Version", "1.0");
        headers.forEach(manifest.getMainAttributes()::putValue);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JarOutputStream out = new JarOutputStream(bytes, manifest)) {
            out.putNextEntry(new JarEntry("cases/a-case-long-enough-to-be-compressed.json"));
            out.write("{\"name\": \"a case\", \"expected\": {\"amount\": 1200}}".repeat(200).getBytes());
            out.closeEntry();
        }
        return bytes.toByteArray();
    }

    static byte[] region() throws IOException {
        return jar(Map.of("Bundle-ManifestVersion", "2", "Bundle-SymbolicName", "org.example.region-x;singleton:=true",
                "Bundle-Version", "2026.1.0", "Provide-Capability", REGION_CAPABILITY));
    }

    private static String rule(byte[] jar) {
        return assertThrows(JarCheck.Refusal.class, () -> JarCheck.regionPolicy(jar)).rule;
    }

    @Test
    void aCompleteRegionBundleIsReadWithItsNameVersionSizeAndHash() throws Exception {
        byte[] jar = region();
        JarCheck.Inspected inspected = JarCheck.regionPolicy(jar);
        assertEquals("org.example.region-x", inspected.symbolicName());
        assertEquals("2026.1.0", inspected.version());
        assertEquals("org.example.region-x-2026.1.0.jar", inspected.fileName());
        assertEquals(jar.length, inspected.size());
        assertEquals(64, inspected.sha256().length());
        assertTrue(inspected.regionPolicy());
    }

    @Test
    void aTruncatedJarIsRefusedWhereverItIsCut() throws Exception {
        byte[] jar = region();
        for (int cut : new int[] {jar.length - 1, jar.length - 30, jar.length / 2, 100}) {
            assertEquals("jar", rule(Arrays.copyOf(jar, cut)), "cut at " + cut + " of " + jar.length);
        }
        assertEquals("jar", rule("not a jar".getBytes()));
    }

    @Test
    void aCorruptEntryIsRefused() throws Exception {
        byte[] jar = region();
        byte[] corrupt = jar.clone();
        // a byte of the case file's compressed data, just after its name in the local header
        int data = new String(jar, java.nio.charset.StandardCharsets.ISO_8859_1).indexOf("compressed.json") + 20;
        corrupt[data] ^= 0x5a;
        assertEquals("jar", rule(corrupt));
        assertArrayEquals(jar, region(), "the fixture is stable");
    }

    @Test
    void aJarThatIsNoOsgiBundleIsRefusedNamingTheHeader() throws Exception {
        assertEquals("Bundle-ManifestVersion:2", rule(jar(Map.of("Bundle-SymbolicName", "x", "Bundle-Version", "1.0.0"))));
        assertEquals("Bundle-SymbolicName", rule(jar(Map.of("Bundle-ManifestVersion", "2", "Bundle-Version", "1.0.0"))));
        assertEquals("bundle-version", rule(jar(Map.of("Bundle-ManifestVersion", "2", "Bundle-SymbolicName", "x"))));
        assertEquals("bundle-version", rule(jar(Map.of("Bundle-ManifestVersion", "2", "Bundle-SymbolicName", "x",
                "Bundle-Version", "one"))));
        assertEquals("bundle-symbolic-name", rule(jar(Map.of("Bundle-ManifestVersion", "2",
                "Bundle-SymbolicName", "../x", "Bundle-Version", "1.0.0"))));
    }

    @Test
    void aBundleWithoutARegionPolicyIsReadableButRefusedAsARegionPolicy() throws Exception {
        byte[] plain = jar(Map.of("Bundle-ManifestVersion", "2", "Bundle-SymbolicName", "org.example.tool",
                "Bundle-Version", "1.0.0"));
        assertFalse(JarCheck.inspect(plain).regionPolicy());
        JarCheck.Refusal refusal = assertThrows(JarCheck.Refusal.class, () -> JarCheck.regionPolicy(plain));
        assertEquals("region-policy", refusal.rule);
        assertTrue(refusal.why.zh().contains("不提供地区政策"), refusal.why.zh());
    }
}
