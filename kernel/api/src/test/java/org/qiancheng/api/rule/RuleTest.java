package org.qiancheng.api.rule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.qiancheng.api.model.Citation;
import org.qiancheng.api.model.LocalizedText;

class RuleTest {

    private static Rule rule(String zh, String en) {
        return new Rule("SC2.base", new LocalizedText("基础补贴", "Base subsidy"), Citation.parse("SC-2025 §三(十一)"), null,
                new LocalizedText(zh, en));
    }

    @Test
    void fillsPlaceholdersInEachLanguageWithTheirFormats() {
        Rule rule = rule("基础补贴({share:%}×{standard})，{rate:%2}，{factor:trim}，{groups}，{level}",
                "Base ({share:%} of {standard}), {rate:%2}, {factor:trim}, {groups}, {level}");
        LocalizedText text = rule.label(Map.of("share", new BigDecimal("0.80"), "standard", new BigDecimal("1200"),
                "rate", new BigDecimal("0.8947368421"), "factor", new BigDecimal("0.900"),
                "groups", List.of(new LocalizedText("残疾人", "Disabled"), new LocalizedText("低保", "Subsistence")),
                "level", new LocalizedText("初级工", "junior")));
        assertEquals("基础补贴(80%×1200)，89.47%，0.9，残疾人、低保，初级工", text.zh());
        assertEquals("Base (80% of 1200), 89.47%, 0.9, Disabled, Subsistence, junior", text.en());
    }

    @Test
    void refusesMalformedPlaceholdersAndLabelsThatDisagree() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> rule("基础{share", "Base {share}")).getMessage()
                .contains("malformed placeholder"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> rule("{share:pct}", "{share:pct}")).getMessage()
                .contains("unknown format 'pct'"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> rule("{share}", "{standard}")).getMessage()
                .contains("the zh label uses [share] but the en label uses [standard]"));
    }

    @Test
    void namesMissingAndUnusedArguments() {
        Rule rule = rule("基础补贴{standard}", "Base {standard}");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> rule.label(Map.of())).getMessage()
                .contains("rule SC2.base: no value for {standard}"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> rule.label(Map.of("standard", 1, "share", 2))).getMessage().contains("has no {share}"));
    }

    @Test
    void requiresExactlyOneSource() {
        LocalizedText text = new LocalizedText("甲", "A");
        assertThrows(IllegalArgumentException.class, () -> new Rule("X1", text, null, null, text));
        assertThrows(IllegalArgumentException.class,
                () -> new Rule("X1", text, Citation.parse("X-1 §一"), "subsidy/standard", text));
        assertThrows(IllegalArgumentException.class, () -> new Rule("X 1", text, Citation.parse("X-1 §一"), null, text));
    }
}
