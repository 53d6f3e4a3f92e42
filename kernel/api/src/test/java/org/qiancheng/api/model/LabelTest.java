package org.qiancheng.api.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.qiancheng.api.claim.LineItem;
import org.qiancheng.api.claim.Reason;

class LabelTest {

    private static final LocalizedText TEMPLATE = new LocalizedText("基础补贴({share:%}×{standard}，{groups})",
            "Base subsidy ({share:%} of {standard}, {groups})");
    private static final Map<String, Object> ARGS = Map.of("share", new BigDecimal("0.80"), "standard",
            new BigDecimal("1200"), "groups", List.of(new LocalizedText("退役军人", "veterans"), "x"));
    private static final Citation CLAUSE = new Citation("SC-2025", "§三(十一)");

    @Test
    void writesTheTextWhenFirstReadAndKeepsIt() {
        Label label = new Label(TEMPLATE, ARGS);
        LocalizedText text = label.text();
        assertEquals(new LocalizedText("基础补贴(80%×1200，退役军人、x)", "Base subsidy (80% of 1200, veterans, x)"), text);
        assertSame(text, label.text());
        assertEquals(TEMPLATE, label.template());
        assertEquals(ARGS, label.arguments());
    }

    @Test
    void formatsPercentsAndTrimmedNumbers() {
        LocalizedText template = new LocalizedText("{a:%2}|{b:trim}|{c}", "{a:%2}|{b:trim}|{c}");
        Label label = new Label(template, Map.of("a", new BigDecimal("0.8947368421"), "b", new BigDecimal("0.900"),
                "c", new BigDecimal("1E+3")));
        assertEquals("89.47%|0.9|1000", label.text().en());
        assertEquals("5%|7|3", new Label(template, Map.of("a", new BigDecimal("0.05"), "b", BigInteger.valueOf(7),
                "c", 3)).text().zh());
    }

    @Test
    void aTemplateWithoutPlaceholdersIsItsOwnText() {
        LocalizedText plain = new LocalizedText("计入月调度", "Counted in the monthly dispatch");
        assertSame(plain, new Label(plain, Map.of()).text());
    }

    @Test
    void refusesMissingAndUnusedArgumentsWhenMade() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new Label(TEMPLATE, Map.of("share", 1,
                "standard", 2))).getMessage().contains("no value for {groups}"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new Label(TEMPLATE, Map.of("share", 1,
                "standard", 2, "groups", 3, "extra", 4))).getMessage().contains("the label has no {extra}"));
        LocalizedText uneven = new LocalizedText("{a}", "{b}");
        assertThrows(IllegalArgumentException.class, () -> new Label(uneven, Map.of("a", 1)));
    }

    @Test
    void equalByTemplateAndArguments() {
        assertEquals(new Label(TEMPLATE, ARGS), new Label(TEMPLATE, Map.copyOf(ARGS)));
        assertEquals(new Label(TEMPLATE, ARGS).hashCode(), new Label(TEMPLATE, Map.copyOf(ARGS)).hashCode());
        assertNotEquals(new Label(TEMPLATE, ARGS), new Label(TEMPLATE, Map.of("share", BigDecimal.ONE, "standard",
                new BigDecimal("1200"), "groups", List.of())));
    }

    @Test
    void aLineOrReasonKeptAsItsSourceIsTheLineOrReasonWithItsText() {
        Label label = new Label(TEMPLATE, ARGS);
        LineItem kept = new LineItem("SC2.base", null, new BigDecimal("960"), CLAUSE, label);
        LineItem given = new LineItem("SC2.base", label.text(), new BigDecimal("960"), CLAUSE);
        assertEquals(label.text(), kept.label());
        assertEquals(given, kept);
        assertEquals(kept, given);
        assertEquals(given.hashCode(), kept.hashCode());
        assertEquals(given.toString(), kept.toString());
        assertNotEquals(given, new LineItem("SC2.base", label.text(), new BigDecimal("961"), CLAUSE));

        Reason keptReason = new Reason("SC2.note", null, CLAUSE, label);
        Reason givenReason = new Reason("SC2.note", label.text(), CLAUSE);
        assertEquals(givenReason, keptReason);
        assertEquals(givenReason.hashCode(), keptReason.hashCode());
        assertEquals(label.text(), keptReason.text());

        assertThrows(NullPointerException.class, () -> new LineItem("SC2", null, BigDecimal.ONE, CLAUSE, null));
        assertThrows(NullPointerException.class, () -> new Reason("SC2", null, CLAUSE, null));
    }
}
