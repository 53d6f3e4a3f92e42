package org.qiancheng.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qiancheng.api.claim.LineItem;
import org.qiancheng.api.model.Citation;
import org.qiancheng.api.rule.Rules;

class RuleSetTest {

    @TempDir
    Path bundle;

    private ClassLoader loader(String rules) throws Exception {
        if (rules != null) {
            Files.writeString(bundle.resolve(RuleSet.FILE), rules);
        }
        return new URLClassLoader(new URL[] {bundle.toUri().toURL()}, null);
    }

    @Test
    void writesCitedLinesFromTheFile() throws Exception {
        List<String> problems = new ArrayList<>();
        RuleSet set = RuleSet.load(loader("""
                {"rules": {
                  "SC2.base": {"name": {"zh": "基础补贴", "en": "Base subsidy"}, "citation": "SC-2025 §三(十一)",
                               "label": {"zh": "基础补贴({baseShare:%}×{standard})", "en": "Base subsidy ({baseShare:%} of {standard})"}},
                  "SC3": {"name": {"zh": "标准", "en": "Standard"}, "parameter": "subsidy/standard",
                          "label": {"zh": "补贴标准", "en": "Standard"}}},
                 "reports": {"indicators": "SC-2025 §四(十五)"}}"""), Set.of("subsidy/standard"), problems);
        assertEquals(List.of(), problems);
        assertEquals(List.of("SC2.base", "SC3"), List.copyOf(set.ids()));
        ParameterSet none = ParameterSet.load(loader(null), List.of());
        Rules rules = set.bind(none);
        LineItem line = rules.line("SC2.base", new BigDecimal("960"),
                Map.of("baseShare", new BigDecimal("0.80"), "standard", new BigDecimal("1200")));
        assertEquals("基础补贴(80%×1200)", line.label().zh());
        assertEquals("Base subsidy (80% of 1200)", line.label().en());
        assertEquals("[SC-2025 §三(十一)]", line.citation().toString());
        assertEquals(Citation.parse("SC-2025 §四(十五)"), rules.reportCitation("indicators").orElseThrow());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> rules.reason("SC9")).getMessage()
                .contains("no rule 'SC9' in rules.json (rules: SC2.base, SC3)"));
    }

    @Test
    void reportsEveryProblemOfTheFile() throws Exception {
        List<String> problems = new ArrayList<>();
        RuleSet set = RuleSet.load(loader("""
                {"rules": {
                  "A1": {"name": {"zh": "甲"}, "citation": "A-1 §一", "label": {"zh": "甲", "en": "A"}, "colour": "red"},
                  "A2": {"name": {"zh": "乙", "en": "B"}, "citation": "not a citation", "label": {"zh": "乙", "en": "B"}},
                  "A3": {"name": {"zh": "丙", "en": "C"}, "citation": "A-1 §一", "label": {"zh": "丙{x", "en": "C {x}"}},
                  "A4": {"name": {"zh": "丁", "en": "D"}, "parameter": "no/such", "label": {"zh": "丁", "en": "D"}},
                  "A5": {"name": {"zh": "戊", "en": "E"}, "label": {"zh": "戊", "en": "E"}}},
                 "extra": 1}"""), Set.of(), problems);
        assertNull(set);
        String all = String.join("\n", problems);
        assertTrue(all.contains("rules.json: unknown field \"extra\""), all);
        assertTrue(all.contains("rules.json: A1: unknown field \"colour\""), all);
        assertTrue(all.contains("rules.json: A1: name must be {\"zh\": \"…\", \"en\": \"…\"}"), all);
        assertTrue(all.contains("rules.json: A2: citation not a citation: 'not a citation'"), all);
        assertTrue(all.contains("rules.json: A3: malformed placeholder"), all);
        assertTrue(all.contains("rules.json: A4: parameter no/such is not declared by the policy"), all);
        assertTrue(all.contains("rules.json: A5: give exactly one of \"citation\""), all);
    }

    @Test
    void aBundleWithoutRulesHasNone() throws Exception {
        List<String> problems = new ArrayList<>();
        assertSame(RuleSet.NONE, RuleSet.load(loader(null), Set.of(), problems));
        assertEquals(List.of(), problems);
    }
}
