package org.qiancheng.api.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class CitationTest {

    @ParameterizedTest
    @ValueSource(strings = {"[XA-2025 §二(三)]", "XA-2025 §二(三)", "  [ XA-2025   §二(三) ] "})
    void readsTheDocumentKeyAndTheClauseWithOrWithoutBrackets(String text) {
        Citation citation = Citation.parse(text);
        assertEquals("XA-2025", citation.document());
        assertEquals("§二(三)", citation.clause());
    }

    @Test
    void aClauseMayContainSpaces() {
        assertEquals(new Citation("SC-2025", "§三(十一) 第2款"), Citation.parse("[SC-2025 §三(十一) 第2款]"));
    }

    @Test
    void toStringIsTheBracketedFormAndParsesBackToTheSameCitation() {
        Citation citation = new Citation("XA-2025", "§二(三)");
        assertEquals("[XA-2025 §二(三)]", citation.toString());
        assertEquals(citation, Citation.parse(citation.toString()));
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "   ", "[]", "XA-2025", "[XA-2025]", "§二(三)", "[§二(三)]"})
    void aTextWithoutADocumentKeyFollowedByAClauseIsRefused(String text) {
        var refused = assertThrows(IllegalArgumentException.class, () -> Citation.parse(text));
        assertEquals("not a citation: '" + text + "' (expected e.g. \"CN-2025 §六(十七)\")", refused.getMessage());
    }

    @Test
    void aSentenceIsNotACitation() {
        assertThrows(IllegalArgumentException.class, () -> Citation.parse("no citation"));
    }

    @Test
    void bothPartsAreRequired() {
        assertThrows(NullPointerException.class, () -> new Citation(null, "§一"));
        assertThrows(NullPointerException.class, () -> new Citation("XA-2025", null));
        assertThrows(IllegalArgumentException.class, () -> new Citation(" ", "§一"));
        assertThrows(IllegalArgumentException.class, () -> new Citation("XA-2025", ""));
    }
}
