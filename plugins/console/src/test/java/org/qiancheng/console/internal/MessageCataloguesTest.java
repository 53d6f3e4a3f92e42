package org.qiancheng.console.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Chinese and English say the same things: the same keys, none empty, and every key the code names exists. */
class MessageCataloguesTest {

    private static final Path I18N = VendoredFilesTest.CONSOLE.resolve("i18n");

    @Test
    void bothLanguagesHaveTheSameKeys() throws IOException {
        Set<String> zh = keys("zh");
        Set<String> en = keys("en");
        Set<String> onlyZh = new TreeSet<>(zh);
        onlyZh.removeAll(en);
        Set<String> onlyEn = new TreeSet<>(en);
        onlyEn.removeAll(zh);
        assertEquals(Set.of(), onlyZh, "keys only in zh.json");
        assertEquals(Set.of(), onlyEn, "keys only in en.json");
    }

    @Test
    void noMessageIsEmptyAndPlaceholdersAgree() throws IOException {
        JsonNode zh = catalogue("zh");
        JsonNode en = catalogue("en");
        Pattern placeholder = Pattern.compile("\\{(\\w+)}");
        zh.fieldNames().forEachRemaining(key -> {
            assertFalse(zh.get(key).asText().isBlank(), "zh " + key + " is empty");
            assertFalse(en.path(key).asText().isBlank(), "en " + key + " is empty");
            assertEquals(names(placeholder.matcher(zh.get(key).asText())), names(placeholder.matcher(en.path(key).asText())),
                    "placeholders of " + key);
        });
    }

    @Test
    void everyKeyTheCodeNamesExists() throws IOException {
        Set<String> known = keys("zh");
        Pattern literal = Pattern.compile("\\bt\\('([a-zA-Z.]+)'");
        try (var scripts = Files.walk(VendoredFilesTest.CONSOLE.resolve("js"))) {
            for (Path script : scripts.filter(p -> p.toString().endsWith(".js")).toList()) {
                Matcher used = literal.matcher(Files.readString(script));
                while (used.find()) {
                    assertTrue(known.contains(used.group(1)), script.getFileName() + " names the missing message " + used.group(1));
                }
            }
        }
    }

    private static Set<String> names(Matcher matcher) {
        Set<String> names = new TreeSet<>();
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    private static Set<String> keys(String language) throws IOException {
        Set<String> keys = new TreeSet<>();
        catalogue(language).fieldNames().forEachRemaining(keys::add);
        assertFalse(keys.isEmpty(), language + ".json is empty");
        return keys;
    }

    private static JsonNode catalogue(String language) throws IOException {
        return new ObjectMapper().readTree(I18N.resolve(language + ".json").toFile());
    }
}
