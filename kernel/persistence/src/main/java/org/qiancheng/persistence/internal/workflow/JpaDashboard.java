package org.qiancheng.persistence.internal.workflow;

import jakarta.persistence.Query;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;
import org.qiancheng.api.model.EmploymentOutcome;
import org.qiancheng.api.security.RegionScope;
import org.qiancheng.api.workflow.ClaimStatus;
import org.qiancheng.persistence.DashboardTx;

/**
 * The console's aggregates as grouped JPQL: sums and counts by {@code CASE} columns (one query for twelve
 * months) or {@code GROUP BY}, never by reading the rows. The region is always the class's
 * ({@code k.regionCode}), as for every list of the user's regions.
 */
final class JpaDashboard implements DashboardTx {

    /** A claim computed: its audit entry, of the claim {@code c}. */
    private static final String DATED = "a.entity = :kind AND a.action = :action AND a.entityId = c.id";

    private final Rows rows;

    JpaDashboard(Rows rows) {
        this.rows = rows;
    }

    @Override
    public ClassCounts classes(RegionScope scope, LocalDate from, LocalDate to, LocalDate today) {
        Where where = new Where(scope).and("k.startDate >= :from AND k.startDate <= :to").with("from", from)
                .with("to", to).with("today", today);
        Object[] row = single(where.apply(rows.manager.createQuery("SELECT"
                + " SUM(CASE WHEN k.startDate > :today THEN 1 ELSE 0 END),"
                + " SUM(CASE WHEN k.startDate <= :today AND k.endDate >= :today THEN 1 ELSE 0 END),"
                + " SUM(CASE WHEN k.endDate < :today THEN 1 ELSE 0 END)"
                + " FROM ClassEntity k" + where)));
        return new ClassCounts(count(row[0]), count(row[1]), count(row[2]));
    }

    @Override
    public long trainees(RegionScope scope, LocalDate from, LocalDate to) {
        Where where = new Where(scope).and("k.id = e.classId AND k.startDate >= :from AND k.startDate <= :to")
                .with("from", from).with("to", to);
        return count(where.apply(rows.manager.createQuery("SELECT COUNT(DISTINCT e.traineeId)"
                + " FROM EnrolmentEntity e, ClassEntity k" + where)).getSingleResult());
    }

    @Override
    public Funnel funnel(RegionScope scope, LocalDate from, LocalDate to) {
        Where where = new Where(scope).and("k.id = e.classId AND k.startDate >= :from AND k.startDate <= :to")
                .with("from", from).with("to", to).with("stable", EmploymentOutcome.STABLE)
                .with("flexible", EmploymentOutcome.FLEXIBLE);
        Object[] row = single(where.apply(rows.manager.createQuery("SELECT COUNT(e),"
                + " SUM(CASE WHEN e.passed = TRUE THEN 1 ELSE 0 END),"
                + " SUM(CASE WHEN e.certificateKind IS NOT NULL THEN 1 ELSE 0 END),"
                + " SUM(CASE WHEN e.employment = :stable OR e.employment = :flexible THEN 1 ELSE 0 END)"
                + " FROM EnrolmentEntity e, ClassEntity k" + where)));
        return new Funnel(count(row[0]), count(row[1]), count(row[2]), count(row[3]));
    }

    @Override
    public List<BigDecimal> claimAmounts(ClaimEvent event, RegionScope scope, List<Instant> bounds) {
        Where where = claimEvents(event, scope).and("a.at >= :b0 AND a.at < :b" + (bounds.size() - 1));
        for (int i = 0; i < bounds.size(); i++) {
            where.with("b" + i, utc(bounds.get(i)));
        }
        return sums(where.apply(rows.manager.createQuery("SELECT " + spans("a.at", "c.amount", bounds.size())
                + " FROM ClaimEntity c, AuditEventEntity a, ClassEntity k" + where)));
    }

    @Override
    public Map<String, BigDecimal> claimAmountsByRegion(ClaimEvent event, RegionScope scope, Instant from,
            Instant to) {
        Where where = claimEvents(event, scope).and("a.at >= :from AND a.at < :to").with("from", utc(from))
                .with("to", utc(to));
        return byRegion(where.apply(rows.manager.createQuery("SELECT k.regionCode, SUM(c.amount)"
                + " FROM ClaimEntity c, AuditEventEntity a, ClassEntity k" + where + " GROUP BY k.regionCode")));
    }

    @Override
    public List<BigDecimal> paid(RegionScope scope, List<LocalDate> bounds) {
        Where where = payments(scope).and("d.paidOn >= :b0 AND d.paidOn < :b" + (bounds.size() - 1));
        for (int i = 0; i < bounds.size(); i++) {
            where.with("b" + i, bounds.get(i));
        }
        return sums(where.apply(rows.manager.createQuery("SELECT " + spans("d.paidOn", "d.amount", bounds.size())
                + " FROM DisbursementEntity d, ClaimEntity c, ClassEntity k" + where)));
    }

    @Override
    public Map<String, BigDecimal> paidByRegion(RegionScope scope, LocalDate from, LocalDate to) {
        Where where = payments(scope).and("d.paidOn >= :from AND d.paidOn < :to").with("from", from).with("to", to);
        return byRegion(where.apply(rows.manager.createQuery("SELECT k.regionCode, SUM(d.amount)"
                + " FROM DisbursementEntity d, ClaimEntity c, ClassEntity k" + where + " GROUP BY k.regionCode")));
    }

    @Override
    public Queue reviewQueue(RegionScope scope, List<Instant> bounds) {
        Where where = claimEvents(ClaimEvent.COMPUTED, scope).and("c.status IN :pending")
                .with("pending", List.of(ClaimStatus.COMPUTED, ClaimStatus.FLAGGED));
        StringJoiner select = new StringJoiner(", ", "SELECT COUNT(c), MIN(a.at), ", "");
        for (int i = 0; i <= bounds.size(); i++) {
            String after = i == 0 ? null : "a.at >= :b" + (i - 1);
            String before = i == bounds.size() ? null : "a.at < :b" + i;
            String test = after == null ? before : before == null ? after : after + " AND " + before;
            select.add("SUM(CASE WHEN " + test + " THEN 1 ELSE 0 END)");
        }
        Where counted = where.copy();
        for (int i = 0; i < bounds.size(); i++) {
            counted.with("b" + i, utc(bounds.get(i)));
        }
        Object[] row = single(counted.apply(rows.manager.createQuery(select + " FROM ClaimEntity c,"
                + " AuditEventEntity a, ClassEntity k" + counted)));
        long pending = count(row[0]);
        List<Long> counts = new ArrayList<>();
        for (int i = 2; i < row.length; i++) {
            counts.add(count(row[i]));
        }
        if (pending == 0) {
            return new Queue(0, null, null, counts);
        }
        // the middle entry in the database's order, fetched alone
        OffsetDateTime median = (OffsetDateTime) where.apply(rows.manager.createQuery("SELECT a.at FROM ClaimEntity c,"
                + " AuditEventEntity a, ClassEntity k" + where + " ORDER BY a.at, c.id"))
                .setFirstResult((int) Math.min(Integer.MAX_VALUE, pending / 2)).setMaxResults(1).getSingleResult();
        return new Queue(pending, ((OffsetDateTime) row[1]).toInstant(), median.toInstant(), counts);
    }

    private static Where claimEvents(ClaimEvent event, RegionScope scope) {
        return new Where(scope).and(DATED + " AND k.id = c.classId").with("kind", "claim").with("action",
                event.action());
    }

    private static Where payments(RegionScope scope) {
        return new Where(scope).and("c.id = d.claimId AND k.id = c.classId");
    }

    /** {@code SUM(CASE WHEN <at> >= :b0 AND <at> < :b1 THEN <amount> ELSE 0 END), …} for each span. */
    private static String spans(String at, String amount, int bounds) {
        StringJoiner sums = new StringJoiner(", ");
        for (int i = 0; i + 1 < bounds; i++) {
            sums.add("SUM(CASE WHEN " + at + " >= :b" + i + " AND " + at + " < :b" + (i + 1) + " THEN " + amount
                    + " ELSE 0 END)");
        }
        return sums.toString();
    }

    private static List<BigDecimal> sums(Query query) {
        Object result = query.getSingleResult();
        Object[] row = result instanceof Object[] many ? many : new Object[] {result};
        List<BigDecimal> sums = new ArrayList<>();
        for (Object sum : row) {
            sums.add(yuan(sum));
        }
        return sums;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, BigDecimal> byRegion(Query query) {
        Map<String, BigDecimal> sums = new TreeMap<>();
        for (Object[] row : (List<Object[]>) query.getResultList()) {
            sums.put((String) row[0], yuan(row[1]));
        }
        return sums;
    }

    private static Object[] single(Query query) {
        return (Object[]) query.getSingleResult();
    }

    private static long count(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }

    private static BigDecimal yuan(Object value) {
        BigDecimal sum = value == null ? BigDecimal.ZERO
                : value instanceof BigDecimal decimal ? decimal : new BigDecimal(value.toString());
        return sum.setScale(2, RoundingMode.HALF_UP);
    }

    private static OffsetDateTime utc(Instant instant) {
        return AuditEventEntity.utc(instant);
    }

    /** A WHERE clause with its parameters, always within the scope's regions of the class {@code k}. */
    private static final class Where {

        private final StringJoiner conditions = new StringJoiner(" AND ", " WHERE ", "");
        private final Map<String, Object> parameters = new LinkedHashMap<>();

        Where(RegionScope scope) {
            if (!scope.all()) {
                StringJoiner any = new StringJoiner(" OR ", "(", ")").setEmptyValue("1 = 0");
                for (String prefix : scope.prefixes()) {
                    String name = "r" + parameters.size();
                    any.add("k.regionCode LIKE :" + name);
                    parameters.put(name, prefix + "%");
                }
                conditions.add(any.toString());
            }
        }

        private Where(Where other) {
            conditions.merge(other.conditions);
            parameters.putAll(other.parameters);
        }

        Where copy() {
            return new Where(this);
        }

        Where and(String condition) {
            conditions.add(condition);
            return this;
        }

        Where with(String name, Object value) {
            parameters.put(name, value);
            return this;
        }

        Query apply(Query query) {
            parameters.forEach(query::setParameter);
            return query;
        }

        @Override
        public String toString() {
            return conditions.toString();
        }
    }
}
