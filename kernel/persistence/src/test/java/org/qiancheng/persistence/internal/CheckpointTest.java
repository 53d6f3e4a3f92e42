package org.qiancheng.persistence.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qiancheng.api.model.ResidentId;
import org.qiancheng.persistence.WorkflowStore;
import org.qiancheng.persistence.internal.workflow.JpaWorkflowStore;

/**
 * HSQLDB's checkpoint (automatic when its log passes 50 MB) waits for the transactions in progress,
 * and every transaction that starts meanwhile waits for the checkpoint. So a transaction in progress
 * must never wait for a transaction of its own on a second connection: that one would wait for the
 * checkpoint, which waits for the first. A settlement stopped that way, its batch waiting for a block
 * of ids taken on EclipseLink's sequence connection, and every request behind it. Here a checkpoint
 * is requested while a transaction is in progress, which then takes a new block of ids for its audit
 * entries: the transaction ends, and then the checkpoint.
 */
class CheckpointTest {

    private static final Instant AT = Instant.parse("2026-11-25T08:00:00Z");

    @TempDir
    Path home;

    @Test
    void aTransactionThatTakesABlockOfIdsWhileACheckpointWaitsEnds() throws Exception {
        TestUnit unit = new TestUnit(TestUnit.configured(home));
        assumeFalse(unit.postgresql(), "PostgreSQL's checkpoints make no transaction wait");
        // daemon threads, and no shutdown when the transaction did not end: a deadlock fails the test, not the build
        ExecutorService threads = Executors.newFixedThreadPool(2, work -> {
            Thread thread = new Thread(work, "checkpoint-test");
            thread.setDaemon(true);
            return thread;
        });
        boolean ended = false;
        try {
            WorkflowStore store = new JpaWorkflowStore(unit, TestUnit.AUDIT_KEY);
            CountDownLatch inProgress = new CountDownLatch(1);
            Future<Integer> batch = threads.submit(() -> store.transaction(tx -> {
                tx.trainees().insert(new ResidentId("510104198803120450"), "李四", Set.of(), Set.of(), "510104",
                        "510104", false);
                inProgress.countDown();
                pause();
                // more entries than a block holds: the sealing takes a new block
                for (int i = 0; i <= 1000; i++) {
                    tx.audit().append(AT, "clerk", "class.created", "class", i, null, null);
                }
                return 1001;
            }));
            inProgress.await();
            Future<?> checkpoint = threads.submit(() -> {
                try (Connection connection = unit.database.dataSource().getConnection();
                        Statement sql = connection.createStatement()) {
                    sql.execute("CHECKPOINT");
                }
                return null;
            });
            assertEquals(1001, batch.get(60, TimeUnit.SECONDS), "the transaction ended");
            checkpoint.get(60, TimeUnit.SECONDS);
            ended = true;
        } finally {
            threads.shutdownNow();
            if (ended) {
                unit.shutdown();
            }
        }
    }

    /** Long enough for the checkpoint to be waiting for the transaction in progress. */
    private static void pause() {
        try {
            Thread.sleep(1500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
