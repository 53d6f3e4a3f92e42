package org.qiancheng.engine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonTest {

    private static String refusal(String json) {
        return assertThrows(JsonException.class, () -> Json.parse(json)).getMessage();
    }

    @Test
    void objectsKeepTheOrderOfTheirKeys() {
        Map<?, ?> object = assertInstanceOf(Map.class, Json.parse("""
                {"zeta": 1, "alpha": 2, "mu": {"b": 1, "a": 2}}
                """));
        assertEquals(List.of("zeta", "alpha", "mu"), new ArrayList<>(object.keySet()));
        assertEquals(List.of("b", "a"), new ArrayList<>(((Map<?, ?>) object.get("mu")).keySet()));
    }

    @Test
    void numbersAreExactDecimalsKeepingTheirText() {
        List<?> numbers = assertInstanceOf(List.class, Json.parse("[0.20, 1200, -0.5, 0, 1e3, 2.5E-2, 1E+2]"));
        List<String> texts = numbers.stream().map(n -> assertInstanceOf(BigDecimal.class, n).toString()).toList();
        assertEquals(List.of("0.20", "1200", "-0.5", "0", "1E+3", "0.025", "1E+2"), texts);
        assertEquals(0, new BigDecimal("1000").compareTo((BigDecimal) numbers.get(4)));
        assertEquals(2, ((BigDecimal) numbers.get(0)).scale(), "0.20 is not 0.2");
    }

    @Test
    void aNumberTooPreciseForADoubleStaysExact() {
        assertEquals(new BigDecimal("0.1000000000000000055511151231257827"),
                Json.parse("0.1000000000000000055511151231257827"));
    }

    @Test
    void stringEscapesAreDecoded() {
        String json = """
                "tab\\t \\"quoted\\" back\\\\slash \\/ \\u4e2d\\u6587 line\\nend \\ud83d\\ude00"
                """;
        assertEquals("tab\t \"quoted\" back\\slash / 中文 line\nend \uD83D\uDE00", Json.parse(json));
    }

    @Test
    void unescapedUnicodeIsKept() {
        assertEquals(Map.of("zh", "养老护理员"), Json.parse("{\"zh\": \"养老护理员\"}"));
    }

    @Test
    void literalsAndEmptyContainers() {
        List<?> values = assertInstanceOf(List.class, Json.parse(" [true, false, null, {}, []] "));
        assertEquals(Arrays.asList(Boolean.TRUE, Boolean.FALSE, null, Map.of(), List.of()), values);
        assertNull(Json.parse("null"));
    }

    @Test
    void aDuplicateKeyIsRefusedWithTheLineAndColumnOfTheSecondKey() {
        String message = refusal("""
                {
                  "rate": 0.20,
                  "rate": 0.25
                }
                """);
        assertEquals("duplicate key \"rate\" at line 3, column 3", message);
    }

    @Test
    void aDuplicateKeyInANestedObjectIsRefusedToo() {
        assertEquals("duplicate key \"a\" at line 1, column 16", refusal("{\"x\": {\"a\": 1, \"a\": 1}}"));
    }

    @Test
    void textAfterTheValueIsRefused() {
        assertEquals("unexpected text after the value at line 1, column 4", refusal("{} x"));
        assertEquals("unexpected text after the value at line 2, column 1", refusal("[1]\n]"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"01", "-01", "[00]", "{\"a\": 007}"})
    void leadingZerosAreRefused(String json) {
        assertThrows(JsonException.class, () -> Json.parse(json));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "1.", ".5", "+1", "-", "1e", "NaN", "Infinity", "[1,]", "{\"a\":1,}", "[1 2]",
        "{a: 1}", "{'a': 1}", "\"open", "\"bad \\x escape\"", "\"short \\u12\"", "\"\\u12G4\"", "tru", "nul",
        "{\"a\" 1}", "[", "{"})
    void malformedDocumentsAreRefused(String json) {
        assertThrows(JsonException.class, () -> Json.parse(json));
    }

    @Test
    void aControlCharacterInsideAStringIsRefused() {
        assertEquals("control character in string at line 1, column 5", refusal("\"ab\tc\""));
    }

    @Test
    void theErrorPositionCountsLinesAndColumns() {
        assertEquals("unexpected character '?' at line 3, column 8", refusal("{\n  \"a\": 1,\n  \"b\": ?\n}"));
    }

    @Test
    void aSignInsideAUnicodeEscapeIsRefused() {
        assertThrows(JsonException.class, () -> Json.parse("\"\\u+041\""));
        assertThrows(JsonException.class, () -> Json.parse("\"\\u-041\""));
    }

    @Test
    void deeplyNestedInputIsRefusedAsJsonException() {
        assertThrows(JsonException.class, () -> Json.parse("[".repeat(100_000)));
    }
}
