package org.qiancheng.console.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The vendored libraries are exactly the files their hashes name, pinned by the import map, with their licences. */
class VendoredFilesTest {

    static final Path CONSOLE = Path.of("src/main/resources/console");
    private static final Path VENDOR = CONSOLE.resolve("vendor");

    @Test
    void everyVendoredFileMatchesItsRecordedHash() throws Exception {
        Map<String, String> sums = sums();
        assertFalse(sums.isEmpty(), "SHA384SUMS lists nothing");
        for (Map.Entry<String, String> sum : sums.entrySet()) {
            assertEquals(sum.getValue(), sha384(VENDOR.resolve(sum.getKey())), sum.getKey() + " is not the file recorded");
        }
        try (var files = Files.walk(VENDOR)) {
            files.filter(f -> f.toString().endsWith(".mjs") || f.toString().endsWith(".js"))
                    .forEach(f -> assertTrue(sums.containsKey(VENDOR.relativize(f).toString().replace('\\', '/')),
                            f + " is vendored but not in SHA384SUMS"));
        }
    }

    @Test
    void theImportMapPinsEveryVendoredModuleByTheSameHash() throws Exception {
        String page = Files.readString(CONSOLE.resolve("index.html"));
        Matcher map = Pattern.compile("<script type=\"importmap\">(.*?)</script>", Pattern.DOTALL).matcher(page);
        assertTrue(map.find(), "index.html has no import map");
        JsonNode json = new ObjectMapper().readTree(map.group(1));
        Map<String, String> sums = sums();
        assertEquals(sums.size(), json.get("integrity").size(), "the import map pins a different set of files");
        sums.forEach((file, hash) -> assertEquals(hash, json.get("integrity").path("./vendor/" + file).asText(),
                "the import map's integrity for " + file));
        json.get("imports").forEach(target -> assertTrue(json.get("integrity").has(target.asText()),
                target.asText() + " is imported without an integrity"));
    }

    @Test
    void everyVendoredFolderCarriesItsLicence() throws IOException {
        try (var folders = Files.list(VENDOR)) {
            folders.filter(Files::isDirectory).forEach(folder -> assertTrue(Files.isRegularFile(folder.resolve("LICENSE")),
                    folder + " has no LICENSE"));
        }
    }

    private static Map<String, String> sums() throws IOException {
        Map<String, String> sums = new LinkedHashMap<>();
        for (String line : Files.readAllLines(VENDOR.resolve("SHA384SUMS"))) {
            if (!line.isBlank()) {
                String[] parts = line.trim().split("\\s+");
                sums.put(parts[1], parts[0]);
            }
        }
        return sums;
    }

    private static String sha384(Path file) throws Exception {
        return "sha384-" + Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-384").digest(Files.readAllBytes(file)));
    }
}
