package org.qiancheng.persistence.internal.workflow;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ClaimStatisticsTest {

    @Test
    void aTableIsAnalysedOnceItChangedByMoreThanItHeld() {
        assertFalse(ClaimStatistics.stale(999, -1), "never analysed, a few rows: read whole anyway");
        assertTrue(ClaimStatistics.stale(1_001, -1), "never analysed, filling");
        assertTrue(ClaimStatistics.stale(5_000, 0), "analysed empty (the first settlement of a new database)");
        assertFalse(ClaimStatistics.stale(50_000, 100_000), "a batch or two on a large table");
        assertTrue(ClaimStatistics.stale(100_001, 100_000), "doubled since");
    }

    @Test
    void nothingIsAskedOfADatabaseOtherThanPostgresql() {
        // no entity manager at all: on HSQLDB the statistics are never read
        new ClaimStatistics(false).keepCurrent(null);
    }
}
