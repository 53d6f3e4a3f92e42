package org.qiancheng.api.claim;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.qiancheng.api.model.Citation;
import org.qiancheng.api.model.LocalizedText;

class SubsidyDecisionTest {

    private static final Citation CLAUSE = new Citation("TEST-2025", "§三");
    private static final Reason PENSIONER = new Reason("T1", new LocalizedText("领取养老金人员不予补贴",
            "Pensioners are not subsidised"), CLAUSE);

    private static LineItem line(String rule, String amount) {
        return new LineItem(rule, new LocalizedText("金额", "Amount"), new BigDecimal(amount), CLAUSE);
    }

    private static SubsidyDecision granted(List<LineItem> lines, String advanceShare) {
        return new SubsidyDecision(Eligibility.granted(), lines, List.of(), List.of(), new BigDecimal(advanceShare));
    }

    @Test
    void theAmountIsTheSumOfTheLineItems() {
        SubsidyDecision decision = granted(List.of(line("T3", "1000"), line("T4", "-300.005"), line("T5", "0.125")),
                "0.5");
        assertEquals(new BigDecimal("700.12"), decision.amount());
    }

    @Test
    void aDecisionWithoutLinesAmountsToZeroWithTwoDecimals() {
        assertEquals("0.00", granted(List.of(), "0").amount().toPlainString());
    }

    @Test
    void aRefusalHasNoAmountAndKeepsItsReasons() {
        SubsidyDecision refused = SubsidyDecision.refused(PENSIONER);
        assertFalse(refused.eligibility().eligible());
        assertEquals(List.of(PENSIONER), refused.eligibility().reasons());
        assertEquals(new BigDecimal("0.00"), refused.amount());
        assertEquals(0, refused.advanceShare().signum());
    }

    @Test
    void aRefusedDecisionWithLineItemsIsRejected() {
        List<LineItem> lines = List.of(line("T3", "1000"));
        assertThrows(IllegalArgumentException.class, () -> new SubsidyDecision(Eligibility.refused(PENSIONER), lines,
                List.of(), List.of(), BigDecimal.ZERO));
    }

    @Test
    void anAdvanceShareOutsideZeroToOneIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> granted(List.of(), "-0.01"));
        assertThrows(IllegalArgumentException.class, () -> granted(List.of(), "1.01"));
    }

    @Test
    void anAdvanceShareOfExactlyZeroOrOneIsAccepted() {
        assertDoesNotThrow(() -> granted(List.of(), "0"));
        assertDoesNotThrow(() -> granted(List.of(), "1.00"));
    }

    @Test
    void theListsAreCopiedAndCannotBeChangedAfterwards() {
        List<LineItem> lines = new ArrayList<>(List.of(line("T3", "1000")));
        SubsidyDecision decision = granted(lines, "0");
        lines.add(line("T4", "500"));
        assertEquals(new BigDecimal("1000.00"), decision.amount());
        assertThrows(UnsupportedOperationException.class, () -> decision.lines().add(line("T4", "500")));
    }

    @Test
    void aRefusalWithoutAReasonIsRejected() {
        assertThrows(IllegalArgumentException.class, Eligibility::refused);
        assertThrows(IllegalArgumentException.class, () -> SubsidyDecision.refused());
    }

    @Test
    void aGrantNeedsNoReason() {
        Eligibility granted = Eligibility.granted();
        assertTrue(granted.eligible());
        assertTrue(granted.reasons().isEmpty());
    }
}
