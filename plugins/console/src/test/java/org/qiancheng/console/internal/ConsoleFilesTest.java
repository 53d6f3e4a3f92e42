package org.qiancheng.console.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

class ConsoleFilesTest {

    private static final String PAGE = "<html><head><script type=\"importmap\">{\"imports\":{}}</script></head></html>";

    @Test
    void thePolicyAllowsTheImportMapByItsHashAndNothingInline() throws Exception {
        String csp = new ConsoleFiles(Map.of("index.html", bytes(PAGE))).headers().get("Content-Security-Policy");
        String hash = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(bytes("{\"imports\":{}}")));
        assertTrue(csp.contains("script-src 'self' 'sha256-" + hash + "'"), csp);
        assertTrue(csp.contains("default-src 'none'"), csp);
        assertTrue(csp.contains("frame-ancestors 'none'"), csp);
        assertFalse(csp.contains("unsafe"), csp);
    }

    @Test
    void theShippedPageLoadsUnderItsPolicy() throws IOException {
        String page = Files.readString(VendoredFilesTest.CONSOLE.resolve("index.html"));
        assertNotNull(SecurityHeaders.forPage(page).get("Content-Security-Policy"));
        assertFalse(page.contains(" style=\""), "inline styles break style-src 'self'");
        assertFalse(page.replaceAll("(?s)<script type=\"importmap\">.*?</script>", "").matches("(?s).*<script>.*"),
                "an inline script other than the import map");
    }

    @Test
    void aConsoleWithoutItsPageOrImportMapDoesNotStart() {
        assertThrows(IllegalArgumentException.class, () -> new ConsoleFiles(Map.of("app.css", bytes("a{}"))));
        assertThrows(IllegalArgumentException.class, () -> new ConsoleFiles(Map.of("index.html", bytes("<html></html>"))));
    }

    @Test
    void filesAreServedByTypeAndOthersNot() {
        ConsoleFiles files = new ConsoleFiles(Map.of("index.html", bytes(PAGE), "js/main.js", bytes("x()"),
                "vendor/preact/LICENSE", bytes("MIT"), "vendor/README.md", bytes("# notes")));
        assertEquals("text/html; charset=UTF-8", files.find("").contentType());
        assertEquals("text/javascript; charset=UTF-8", files.find("js/main.js").contentType());
        assertNull(files.find("vendor/preact/LICENSE"), "licences are for people reading the bundle");
        assertNull(files.find("vendor/README.md"));
        assertNull(files.find("../etc/passwd"));
        assertEquals(2, files.size());
    }

    @Test
    void largeTextIsGzippedOnceAndRoundTrips() throws IOException {
        byte[] script = bytes("console.log('前程');\n".repeat(200));
        Asset asset = Asset.of("big.js", script);
        assertNotNull(asset.gzipped());
        assertTrue(asset.gzipped().length < script.length / 4);
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(asset.gzipped()))) {
            assertArrayEquals(script, in.readAllBytes());
        }
        assertNull(Asset.of("small.js", bytes("x")).gzipped());
        assertTrue(asset.etag().startsWith("\"") && asset.etag().endsWith("\""));
        assertFalse(asset.etag().equals(Asset.of("other.js", bytes("y")).etag()));
    }

    @Test
    void gzipOnlyWhenAccepted() {
        assertTrue(ConsoleServlet.accepts("gzip, deflate, br"));
        assertTrue(ConsoleServlet.accepts("br;q=1.0, gzip;q=0.8"));
        assertFalse(ConsoleServlet.accepts("gzip;q=0"));
        assertFalse(ConsoleServlet.accepts("identity"));
        assertFalse(ConsoleServlet.accepts(null));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
