package org.qiancheng.api.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class EffectivePeriodTest {

    private static EffectivePeriod period(String from, String to) {
        return new EffectivePeriod(LocalDate.parse(from), to == null ? null : LocalDate.parse(to));
    }

    private static void assertOverlap(boolean expected, EffectivePeriod a, EffectivePeriod b) {
        assertEquals(expected, a.overlaps(b), a + " overlaps " + b);
        assertEquals(expected, b.overlaps(a), b + " overlaps " + a + " (symmetric)");
    }

    @Test
    void coversBothEndsAndTheDaysBetween() {
        EffectivePeriod year = period("2025-01-01", "2025-12-31");
        assertTrue(year.covers(LocalDate.parse("2025-01-01")));
        assertTrue(year.covers(LocalDate.parse("2025-06-15")));
        assertTrue(year.covers(LocalDate.parse("2025-12-31")));
    }

    @Test
    void doesNotCoverTheDayBeforeOrTheDayAfter() {
        EffectivePeriod year = period("2025-01-01", "2025-12-31");
        assertFalse(year.covers(LocalDate.parse("2024-12-31")));
        assertFalse(year.covers(LocalDate.parse("2026-01-01")));
    }

    @Test
    void anOpenEndedPeriodCoversTheFarFutureButNotTheDayBeforeItStarts() {
        EffectivePeriod open = period("2025-01-01", null);
        assertTrue(open.covers(LocalDate.parse("2999-12-31")));
        assertTrue(open.covers(LocalDate.parse("2025-01-01")));
        assertFalse(open.covers(LocalDate.parse("2024-12-31")));
    }

    @Test
    void aSingleDayPeriodIsAllowed() {
        EffectivePeriod day = period("2025-03-03", "2025-03-03");
        assertTrue(day.covers(LocalDate.parse("2025-03-03")));
        assertFalse(day.covers(LocalDate.parse("2025-03-04")));
    }

    @Test
    void anEndBeforeTheStartIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> period("2025-01-02", "2025-01-01"));
        assertThrows(NullPointerException.class, () -> new EffectivePeriod(null, LocalDate.parse("2025-01-01")));
    }

    @Test
    void periodsThatTouchOnOneDayOverlap() {
        assertOverlap(true, period("2025-01-01", "2025-06-30"), period("2025-06-30", "2025-12-31"));
    }

    @Test
    void periodsThatFollowEachOtherWithoutASharedDayDoNotOverlap() {
        assertOverlap(false, period("2025-01-01", "2025-06-30"), period("2025-07-01", "2025-12-31"));
    }

    @Test
    void periodsWithAGapDoNotOverlap() {
        assertOverlap(false, period("2021-04-30", "2021-12-31"), period("2025-01-01", null));
    }

    @Test
    void aPeriodInsideAnotherOverlapsIt() {
        assertOverlap(true, period("2025-01-01", "2025-12-31"), period("2025-03-01", "2025-03-31"));
    }

    @Test
    void openEndedPeriodsOverlapEverythingFromTheirStartOn() {
        assertOverlap(true, period("2025-01-01", null), period("2030-01-01", null));
        assertOverlap(true, period("2025-01-01", null), period("2024-01-01", "2025-01-01"));
        assertOverlap(false, period("2025-01-01", null), period("2024-01-01", "2024-12-31"));
    }

    @Test
    void toStringShowsTheRange() {
        assertEquals("2025-01-01..2025-12-31", period("2025-01-01", "2025-12-31").toString());
        assertEquals("2025-01-01..", period("2025-01-01", null).toString());
    }
}
