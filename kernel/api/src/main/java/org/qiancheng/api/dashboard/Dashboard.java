package org.qiancheng.api.dashboard;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

/**
 * A year's figures within the user's regions (definitions in {@code docs/operations.md}, Dashboard).
 *
 * @param year the calendar year
 * @param regions the user's region codes the figures are limited to ({@code 100000} covers all)
 * @param allRegions whether the figures cover every region
 * @param classes the classes starting in the year
 * @param trainees distinct trainees enrolled in those classes
 * @param funnel the enrolments of those classes and their outcomes
 * @param money yuan computed, approved and paid in the year, by month and by region
 * @param reviewQueue the claims awaiting review today, whatever their year
 * @param targets progress against region targets; always empty in this version (see the region reports)
 */
public record Dashboard(int year, List<String> regions, boolean allRegions, Classes classes, long trainees,
        Funnel funnel, Money money, ReviewQueue reviewQueue, List<Map<String, Object>> targets) {

    /** Copies the lists. */
    public Dashboard {
        regions = List.copyOf(regions);
        targets = List.copyOf(targets);
    }

    /**
     * @param total classes starting in the year
     * @param byStatus how many are FILED (not started today), RUNNING (started, not ended) and ENDED
     */
    public record Classes(long total, Map<String, Long> byStatus) {
        /** Copies the map. */
        public Classes {
            byStatus = Map.copyOf(byStatus);
        }
    }

    /**
     * @param enrolled enrolments in the classes
     * @param passed enrolments whose outcome says passed
     * @param certified enrolments with a certificate
     * @param employed enrolments employed (stable or flexible employment, as in the reports)
     */
    public record Funnel(long enrolled, long passed, long certified, long employed) {
    }

    /**
     * @param byMonth the twelve months of the year, January first
     * @param byRegion one line per class region with any amount, by region code
     */
    public record Money(List<MonthAmounts> byMonth, List<RegionAmounts> byRegion) {
        /** Copies the lists. */
        public Money {
            byMonth = List.copyOf(byMonth);
            byRegion = List.copyOf(byRegion);
        }
    }

    /** Yuan (two decimals) of one month: claims computed, claims approved, disbursements paid. */
    public record MonthAmounts(YearMonth month, BigDecimal computed, BigDecimal approved, BigDecimal paid) {
    }

    /** Yuan (two decimals) of one class region over the year. */
    public record RegionAmounts(String region, BigDecimal computed, BigDecimal approved, BigDecimal paid) {
    }

    /**
     * @param pending claims COMPUTED or FLAGGED, awaiting review
     * @param oldestDays days since the oldest of them was computed, 0 when none
     * @param medianDays the median of their ages in days (the lower middle for an even count), 0 when none
     * @param byAge counts by age: {@code 0-2}, {@code 3-7}, {@code 8-30}, {@code >30} days
     */
    public record ReviewQueue(long pending, long oldestDays, long medianDays, List<AgeBucket> byAge) {
        /** Copies the list. */
        public ReviewQueue {
            byAge = List.copyOf(byAge);
        }
    }

    /** How many pending claims are of an age, in days. */
    public record AgeBucket(String bucket, long count) {
    }
}
