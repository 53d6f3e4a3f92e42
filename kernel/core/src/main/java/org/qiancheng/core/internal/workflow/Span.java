package org.qiancheng.core.internal.workflow;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.qiancheng.api.dashboard.Dashboard;
import org.qiancheng.persistence.DashboardTx;

/**
 * The days a dashboard counts in, in the platform's zone: the twelve months of a year (as days, for
 * payments, and as the instants they begin, for audit-dated events), and the ages of the review queue.
 * An age is whole days from the day a claim was computed to today: computed today is 0.
 *
 * @param year the calendar year
 * @param zone the zone of the platform's clock
 * @param today today in that zone
 */
record Span(int year, ZoneId zone, LocalDate today) {

    /** The age buckets, youngest first, by their lowest age in days; the last is open-ended. */
    static final List<String> BUCKETS = List.of("0-2", "3-7", "8-30", ">30");
    private static final int[] OLDEST_OF_BUCKET = {2, 7, 30};

    LocalDate first() {
        return LocalDate.of(year, 1, 1);
    }

    LocalDate last() {
        return LocalDate.of(year, 12, 31);
    }

    /** @return the first days of January … December and of the next January (13 bounds) */
    List<LocalDate> monthDays() {
        List<LocalDate> days = new ArrayList<>();
        for (int m = 0; m <= 12; m++) {
            days.add(first().plusMonths(m));
        }
        return days;
    }

    /** @return the instants the months begin in the zone (13 bounds) */
    List<Instant> monthInstants() {
        return monthDays().stream().map(d -> d.atStartOfDay(zone).toInstant()).toList();
    }

    /**
     * @return ascending instants splitting the queue by age: before the first, older than 30 days; then 8–30,
     *     3–7; from the last on, 0–2 days
     */
    List<Instant> ageBounds() {
        List<Instant> bounds = new ArrayList<>();
        for (int i = OLDEST_OF_BUCKET.length - 1; i >= 0; i--) {
            bounds.add(today.minusDays(OLDEST_OF_BUCKET[i]).atStartOfDay(zone).toInstant());
        }
        return bounds;
    }

    /** @return whole days from the day of {@code at} in the zone to today, never below 0 */
    long age(Instant at) {
        return Math.max(0, ChronoUnit.DAYS.between(LocalDate.ofInstant(at, zone), today));
    }

    /** The stored queue as the dashboard shows it: ages in days, buckets youngest first. */
    Dashboard.ReviewQueue queue(DashboardTx.Queue queue) {
        List<Dashboard.AgeBucket> byAge = new ArrayList<>();
        // the store counts oldest first (before the first bound = older than 30 days)
        for (int i = 0; i < BUCKETS.size(); i++) {
            byAge.add(new Dashboard.AgeBucket(BUCKETS.get(i), queue.counts().get(BUCKETS.size() - 1 - i)));
        }
        return new Dashboard.ReviewQueue(queue.pending(), queue.oldest() == null ? 0 : age(queue.oldest()),
                queue.median() == null ? 0 : age(queue.median()), byAge);
    }
}
