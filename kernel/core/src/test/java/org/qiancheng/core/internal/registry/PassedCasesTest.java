package org.qiancheng.core.internal.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A version's cases are not run again only for the same content on the same code and Java. */
class PassedCasesTest {

    private static final List<String> CODE = List.of("org.qiancheng.api;0.1.0.SNAPSHOT;1765000000000",
            "org.qiancheng.engine;0.1.0.SNAPSHOT;1765000000000", "org.qiancheng.core;0.1.0.SNAPSHOT;1765000000000");

    @TempDir
    Path data;

    @Test
    void theKeyChangesWithTheContentTheCodeAndTheJavaRuntime() {
        String key = PassedCases.key("content-a", CODE, "17.0.13+11");
        assertEquals(64, key.length());
        assertEquals(key, PassedCases.key("content-a", List.of(CODE.get(2), CODE.get(0), CODE.get(1)), "17.0.13+11"),
                "the order the bundles are found in does not matter");
        assertNotEquals(key, PassedCases.key("content-b", CODE, "17.0.13+11"), "another version's content");
        assertNotEquals(key, PassedCases.key("content-a",
                List.of(CODE.get(0), "org.qiancheng.engine;0.1.0.SNAPSHOT;1765000000001", CODE.get(2)), "17.0.13+11"),
                "the engine installed again (a new jar in system/)");
        assertNotEquals(key, PassedCases.key("content-a", CODE.subList(0, 2), "17.0.13+11"), "other code");
        assertNotEquals(key, PassedCases.key("content-a", CODE, "21.0.5+11"), "another Java runtime");
    }

    @Test
    void aPassedKeyIsRememberedByTheNextStart() {
        String key = PassedCases.key("content-a", CODE, "17");
        PassedCases first = PassedCases.in(data);
        assertFalse(first.contains(key));
        first.add(key);
        assertTrue(first.contains(key));
        assertTrue(PassedCases.in(data).contains(key), "read back from data/");
        assertFalse(PassedCases.in(data).contains(PassedCases.key("content-b", CODE, "17")));
    }

    @Test
    void onlyTheNewestAreKeptAndAnythingElseInTheFileIsIgnored() throws IOException {
        PassedCases passed = PassedCases.in(data);
        for (int i = 0; i <= PassedCases.KEPT; i++) {
            passed.add(PassedCases.key("content-" + i, CODE, "17"));
        }
        PassedCases again = PassedCases.in(data);
        assertFalse(again.contains(PassedCases.key("content-0", CODE, "17")), "the oldest was dropped");
        assertTrue(again.contains(PassedCases.key("content-" + PassedCases.KEPT, CODE, "17")));
        assertEquals(PassedCases.KEPT, Files.readAllLines(data.resolve(PassedCases.FILE)).size());

        Files.writeString(data.resolve(PassedCases.FILE), "not a key\n" + "A".repeat(64) + "\n", StandardCharsets.US_ASCII);
        assertFalse(PassedCases.in(data).contains("not a key"));
        assertFalse(PassedCases.in(data).contains("A".repeat(64)), "keys are lower-case hex");
    }

    @Test
    void withoutAHomeNothingIsRemembered() {
        PassedCases passed = PassedCases.in(null);
        String key = PassedCases.key("content-a", CODE, "17");
        passed.add(key);
        assertTrue(passed.contains(key), "for this run");
        assertFalse(PassedCases.in(null).contains(key));
    }
}
