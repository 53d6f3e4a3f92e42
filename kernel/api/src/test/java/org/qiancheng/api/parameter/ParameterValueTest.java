package org.qiancheng.api.parameter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ParameterValueTest {

    private static final String PATH = "subsidy/standard@2025-01-01";

    /** standard[occupation][level], in an order that is not alphabetical. */
    private static Map<String, Object> table() {
        Map<String, Object> care = new LinkedHashMap<>();
        care.put("JUNIOR", new BigDecimal("1000"));
        care.put("INTERMEDIATE", new BigDecimal("1500.50"));
        Map<String, Object> table = new LinkedHashMap<>();
        table.put("6-25-03-00", Map.of("JUNIOR", new BigDecimal("900")));
        table.put("4-10-01-05", care);
        return table;
    }

    private static ParameterValue standard() {
        return new ParameterValue(PATH, table());
    }

    @Test
    void decimalNavigatesAPathOfKeys() {
        assertEquals(new BigDecimal("1500.50"), standard().decimal("4-10-01-05", "INTERMEDIATE"));
        assertEquals(new BigDecimal("900"), standard().decimal("6-25-03-00", "JUNIOR"));
    }

    @Test
    void aMemberKnowsItsPath() {
        assertEquals(PATH + "[4-10-01-05][JUNIOR]", standard().get("4-10-01-05").get("JUNIOR").path());
    }

    @Test
    void aMissingKeyNamesThePathThatFailed() {
        var missing = assertThrows(ParameterException.class, () -> standard().get("x"));
        assertEquals(PATH + "[x]: missing", missing.getMessage());
        assertEquals(List.of(PATH + "[x]: missing"), missing.problems());
    }

    @Test
    void aMissingKeyDeepInAPathNamesTheWholePath() {
        var missing = assertThrows(ParameterException.class, () -> standard().decimal("4-10-01-05", "SENIOR"));
        assertEquals(PATH + "[4-10-01-05][SENIOR]: missing", missing.getMessage());
    }

    @Test
    void aTypeMismatchSaysWhatWasExpectedAndWhatWasFound() {
        var notANumber = assertThrows(ParameterException.class, () -> standard().decimal("4-10-01-05"));
        assertTrue(notANumber.getMessage().startsWith(PATH + "[4-10-01-05]: expected a number, found "),
                notANumber.getMessage());
        var notAText = assertThrows(ParameterException.class, () -> standard().get("6-25-03-00").get("JUNIOR").text());
        assertEquals(PATH + "[6-25-03-00][JUNIOR]: expected a text, found BigDecimal", notAText.getMessage());
        var notAnObject = assertThrows(ParameterException.class, () -> new ParameterValue("p", "text").get("a"));
        assertEquals("p: expected an object, found String", notAnObject.getMessage());
        var notAList = assertThrows(ParameterException.class, () -> standard().list());
        assertTrue(notAList.getMessage().startsWith(PATH + ": expected a list, found "), notAList.getMessage());
    }

    @Test
    void findAndHasDoNotThrowForAMissingKey() {
        assertTrue(standard().find("x").isEmpty());
        assertFalse(standard().has("x"));
        assertTrue(standard().has("4-10-01-05"));
        assertFalse(new ParameterValue("p", BigDecimal.ONE).has("x"));
    }

    @Test
    void keysAreInFileOrder() {
        assertEquals(List.of("6-25-03-00", "4-10-01-05"), List.copyOf(standard().keys()));
    }

    @Test
    void listGivesTheElementsWithIndexedPaths() {
        ParameterValue groups = new ParameterValue("catalog/groups@2025-01-01", List.of("MIGRANT_WORKER", "VETERAN"));
        List<ParameterValue> elements = groups.list();
        assertEquals(2, elements.size());
        assertEquals("catalog/groups@2025-01-01[1]", elements.get(1).path());
        assertEquals("VETERAN", elements.get(1).text());
        assertEquals(List.of("MIGRANT_WORKER", "VETERAN"), groups.texts());
    }

    @Test
    void textsRefusesAListWithANonText() {
        ParameterValue mixed = new ParameterValue("p", List.of("a", BigDecimal.ONE));
        var refused = assertThrows(ParameterException.class, mixed::texts);
        assertEquals("p[1]: expected a text, found BigDecimal", refused.getMessage());
    }

    @Test
    void flagsAndKindsAreRecognised() {
        assertTrue(new ParameterValue("p", Boolean.TRUE).flag());
        assertTrue(standard().isObject());
        assertTrue(new ParameterValue("p", List.of()).isList());
        assertTrue(new ParameterValue("p", "x").isText());
        assertTrue(new ParameterValue("p", BigDecimal.ONE).isNumber());
        assertFalse(new ParameterValue("p", "x").isNumber());
    }

    @Test
    void thePlainValueCannotBeModified() {
        @SuppressWarnings("unchecked")
        Map<String, Object> plain = (Map<String, Object>) standard().plain();
        assertThrows(UnsupportedOperationException.class, () -> plain.put("x", BigDecimal.ONE));
        @SuppressWarnings("unchecked")
        Map<String, Object> nested = (Map<String, Object>) plain.get("4-10-01-05");
        assertThrows(UnsupportedOperationException.class, () -> nested.remove("JUNIOR"));
        @SuppressWarnings("unchecked")
        List<Object> list = (List<Object>) new ParameterValue("p", new ArrayList<>(List.of("a"))).plain();
        assertThrows(UnsupportedOperationException.class, () -> list.add("b"));
        Set<String> keys = standard().keys();
        assertThrows(UnsupportedOperationException.class, () -> keys.remove("4-10-01-05"));
    }

    @Test
    void changingTheSourceAfterwardsDoesNotChangeTheValue() {
        Map<String, Object> source = table();
        ParameterValue value = new ParameterValue(PATH, source);
        source.put("x", BigDecimal.ONE);
        @SuppressWarnings("unchecked")
        Map<String, Object> care = (Map<String, Object>) source.get("4-10-01-05");
        care.put("JUNIOR", new BigDecimal("1"));
        assertFalse(value.has("x"));
        assertEquals(new BigDecimal("1000"), value.decimal("4-10-01-05", "JUNIOR"));
    }

    @Test
    void aValueOfAnUnsupportedTypeIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new ParameterValue("p", 1.5d));
        assertThrows(IllegalArgumentException.class, () -> new ParameterValue("p", Map.of("a", 1)));
        assertThrows(IllegalArgumentException.class, () -> new ParameterValue("p", null));
    }
}
