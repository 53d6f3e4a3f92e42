package org.qiancheng.persistence;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.osgi.annotation.versioning.ProviderType;
import org.qiancheng.api.security.RegionScope;

/**
 * The console's aggregates, inside the transaction of the {@link WorkflowTx} that gave them. Every
 * method is a handful of grouped queries, whatever the number of rows; every one keeps to the records
 * whose class is in the scope's regions. A claim's computation and approval are dated by its audit entries
 * ({@code claim.created}, {@code claim.approved}), a payment by its day.
 *
 * @since 0.10
 */
@ProviderType
public interface DashboardTx {

    /** What happened to a claim, as its audit entry names it. */
    enum ClaimEvent {
        /** The claim was computed and stored ({@code claim.created}). */
        COMPUTED("claim.created"),
        /** A reviewer approved it ({@code claim.approved}). */
        APPROVED("claim.approved");

        private final String action;

        ClaimEvent(String action) {
            this.action = action;
        }

        /** @return the audit action */
        public String action() {
            return action;
        }
    }

    /**
     * Classes starting in [from, to], by where they stand on {@code today}.
     *
     * @param filed not started (start after today)
     * @param running started, not ended
     * @param ended ended (end before today)
     */
    record ClassCounts(long filed, long running, long ended) {
    }

    /** Enrolments of classes starting in a period and their outcomes. */
    record Funnel(long enrolled, long passed, long certified, long employed) {
    }

    /**
     * The claims awaiting review (COMPUTED or FLAGGED).
     *
     * @param pending how many
     * @param oldest when the oldest was computed, {@code null} when none
     * @param median when the middle one was computed (oldest first, position pending / 2), {@code null} when none
     * @param counts how many were computed in each span between the bounds: before the first bound, then
     *     between each two, then from the last on (bounds + 1 counts)
     */
    record Queue(long pending, Instant oldest, Instant median, List<Long> counts) {
    }

    /** @return the classes starting in [from, to] by standing on {@code today} */
    ClassCounts classes(RegionScope scope, LocalDate from, LocalDate to, LocalDate today);

    /** @return distinct trainees enrolled in classes starting in [from, to] */
    long trainees(RegionScope scope, LocalDate from, LocalDate to);

    /** @return the enrolments of classes starting in [from, to] and their outcomes */
    Funnel funnel(RegionScope scope, LocalDate from, LocalDate to);

    /**
     * @param bounds ascending instants; span i is [bounds[i], bounds[i+1])
     * @return yuan of the claims with that event in each span (bounds − 1 sums, two decimals)
     */
    List<BigDecimal> claimAmounts(ClaimEvent event, RegionScope scope, List<Instant> bounds);

    /** @return yuan of the claims with that event in [from, to), by the class's region code */
    Map<String, BigDecimal> claimAmountsByRegion(ClaimEvent event, RegionScope scope, Instant from, Instant to);

    /**
     * @param bounds ascending days; span i is [bounds[i], bounds[i+1])
     * @return yuan paid by disbursements in each span (bounds − 1 sums, two decimals)
     */
    List<BigDecimal> paid(RegionScope scope, List<LocalDate> bounds);

    /** @return yuan paid by disbursements in [from, to), by the class's region code */
    Map<String, BigDecimal> paidByRegion(RegionScope scope, LocalDate from, LocalDate to);

    /** @return the claims awaiting review, counted between the given ascending instants */
    Queue reviewQueue(RegionScope scope, List<Instant> bounds);
}
