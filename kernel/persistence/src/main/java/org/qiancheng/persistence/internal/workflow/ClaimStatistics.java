package org.qiancheng.persistence.internal.workflow;

import jakarta.persistence.EntityManager;
import java.util.List;

/**
 * Keeps PostgreSQL's statistics of {@code QC_CLAIM} current while a settlement fills the table. The
 * planner estimates the earlier-subsidies query ({@code TRAINEE_ID IN (…)}, once per class) from them:
 * analysed while the table was empty, it took a quarter of the table for 50 trainees and read the whole
 * table instead of its index, once per class, until autovacuum (which looks once a minute) analysed it
 * again: 23 of 36 s of a first settlement of 10^5 claims (docs/benchmarks.md). So a batch starts with an
 * {@code ANALYZE} when the table changed by more rows than it held at the last one: a handful of times in a
 * settlement of 10^6 claims, none once the table is large. Nothing on HSQLDB, whose plans take no statistics.
 */
final class ClaimStatistics {

    /** Fewer changes than this never call for an analysis: small tables are read whole anyway. */
    static final long AT_LEAST = 1_000;

    private final boolean postgresql;

    ClaimStatistics(boolean postgresql) {
        this.postgresql = postgresql;
    }

    /** Analyses {@code QC_CLAIM} when its statistics are stale ({@link #stale}); on PostgreSQL only. */
    void keepCurrent(EntityManager manager) {
        if (!postgresql) {
            return;
        }
        List<?> rows = manager.createNativeQuery("SELECT s.n_mod_since_analyze, c.reltuples FROM pg_stat_user_tables s"
                + " JOIN pg_class c ON c.oid = s.relid WHERE s.relname = 'qc_claim' AND s.schemaname = current_schema()")
                .getResultList();
        if (rows.isEmpty()) {
            return;
        }
        Object[] row = (Object[]) rows.get(0);
        if (stale(((Number) row[0]).longValue(), ((Number) row[1]).doubleValue())) {
            manager.createNativeQuery("ANALYZE QC_CLAIM").executeUpdate();
        }
    }

    /**
     * @param changed rows inserted, updated or deleted since the last analysis
     * @param counted rows the last analysis counted ({@code -1}: never analysed)
     */
    static boolean stale(long changed, double counted) {
        return changed > Math.max(AT_LEAST, counted);
    }
}
