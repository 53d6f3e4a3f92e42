package org.qiancheng.core.internal.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.qiancheng.api.dashboard.Dashboard;
import org.qiancheng.persistence.DashboardTx;

class SpanTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private final Span span = new Span(2026, SHANGHAI, LocalDate.of(2026, 11, 25));

    @Test
    void monthsAreDaysOfThePlatformZone() {
        List<Instant> months = span.monthInstants();
        assertEquals(13, months.size());
        assertEquals(Instant.parse("2025-12-31T16:00:00Z"), months.get(0), "1 January begins at 16:00 UTC the day before");
        assertEquals(Instant.parse("2026-12-31T16:00:00Z"), months.get(12));
        assertEquals(LocalDate.of(2026, 2, 1), span.monthDays().get(1));
        assertEquals(LocalDate.of(2027, 1, 1), span.monthDays().get(12));
    }

    @Test
    void agesAreWholeDaysInTheZoneAndTheBoundsSplitThemAt2_7And30() {
        assertEquals(0, span.age(Instant.parse("2026-11-24T16:00:00Z")), "00:00 today in Shanghai");
        assertEquals(1, span.age(Instant.parse("2026-11-24T15:59:59Z")), "23:59:59 yesterday in Shanghai");
        assertEquals(List.of(Instant.parse("2026-10-25T16:00:00Z"), Instant.parse("2026-11-17T16:00:00Z"),
                Instant.parse("2026-11-22T16:00:00Z")), span.ageBounds(),
                "computed on 10-26 is 30 days old (8-30), on 11-18 7 days (3-7), on 11-23 2 days (0-2)");
        assertEquals(30, span.age(span.ageBounds().get(0)));
        assertEquals(7, span.age(span.ageBounds().get(1)));
        assertEquals(2, span.age(span.ageBounds().get(2)));
    }

    @Test
    void theQueueIsShownYoungestFirst() {
        Dashboard.ReviewQueue queue = span.queue(new DashboardTx.Queue(10, Instant.parse("2026-09-01T02:00:00Z"),
                Instant.parse("2026-11-20T02:00:00Z"), List.of(4L, 3L, 2L, 1L)));
        assertEquals(10, queue.pending());
        assertEquals(85, queue.oldestDays());
        assertEquals(5, queue.medianDays());
        assertEquals(List.of(new Dashboard.AgeBucket("0-2", 1), new Dashboard.AgeBucket("3-7", 2),
                new Dashboard.AgeBucket("8-30", 3), new Dashboard.AgeBucket(">30", 4)), queue.byAge());
        Dashboard.ReviewQueue empty = span.queue(new DashboardTx.Queue(0, null, null, List.of(0L, 0L, 0L, 0L)));
        assertEquals(0, empty.oldestDays());
        assertEquals(0, empty.medianDays());
    }
}
