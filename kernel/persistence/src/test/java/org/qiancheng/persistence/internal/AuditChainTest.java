package org.qiancheng.persistence.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qiancheng.api.workflow.AuditCheckpoint;
import org.qiancheng.api.workflow.AuditEvent;
import org.qiancheng.api.workflow.AuditVerification;
import org.qiancheng.api.workflow.WorkflowException;
import org.qiancheng.persistence.WorkflowStore;
import org.qiancheng.persistence.internal.workflow.JpaWorkflowStore;

/**
 * The tamper-evident audit chain on a real database (HSQLDB, or PostgreSQL under
 * {@code -Dqc.test.db.url}): gapless sequence numbers in commit order, concurrent writers on one
 * chain, and each kind of tampering — made with plain SQL, as someone with write access to the
 * database would, bypassing PostgreSQL's triggers as its owner can — found at the first broken
 * sequence number. Each tampering is undone afterwards, so the chain (shared by the test classes of a
 * PostgreSQL run) verifies again.
 */
class AuditChainTest {

    private static final Instant AT = Instant.parse("2026-11-25T08:00:00.123456Z");
    /** The content columns of an entry: all but the id, the sequence number and the MAC. */
    private static final List<String> CONTENT = List.of("OCCURRED_AT", "ACTOR", "ACTION_NAME", "ENTITY_KIND",
            "ENTITY_ID", "BEFORE_JSON", "AFTER_JSON");

    @TempDir
    static Path home;

    private static TestUnit unit;
    private static WorkflowStore store;

    @BeforeAll
    static void start() throws Exception {
        unit = new TestUnit(TestUnit.configured(home));
        store = new JpaWorkflowStore(unit, TestUnit.AUDIT_KEY);
    }

    @AfterAll
    static void stop() throws Exception {
        if (unit != null) {
            unit.shutdown();
        }
    }

    @Test
    void entriesAreNumberedInCommitOrderWithoutGapsWhenATransactionRollsBack() {
        long before = head();
        store.transaction(tx -> {
            tx.audit().append(AT, "clerk", "class.created", "class", 1, null, Map.of("name", "电工"));
            tx.audit().append(AT, "clerk", "class.changed", "class", 1, Map.of("name", "电工"), Map.of("name", "焊工"));
            return null;
        });
        assertThrows(IllegalStateException.class, () -> store.transaction(tx -> {
            tx.audit().append(AT, "clerk", "class.created", "class", 2, null, null);
            throw new IllegalStateException("refused after appending");
        }));
        store.transaction(tx -> {
            tx.audit().append(AT, "reviewer", "claim.reviewed", "claim", 3, null, null);
            return null;
        });
        assertEquals(before + 3, head());
        List<AuditEvent> newest = store.transaction(tx -> tx.audit().list(null, null, 0, 3)).items();
        assertEquals(List.of(before + 3, before + 2, before + 1), newest.stream().map(AuditEvent::sequence).toList());
        assertEquals("reviewer", newest.get(0).actor());
        assertEquals(AT, newest.get(1).at(), "the instant is kept to the microsecond");
        assertIntact();
    }

    @Test
    void concurrentTransactionsExtendOneChain() throws Exception {
        long before = head();
        ExecutorService writers = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int w = 0; w < 4; w++) {
                int writer = w;
                done.add(writers.submit(() -> {
                    for (int t = 0; t < 15; t++) {
                        int transaction = t;
                        store.transaction(tx -> {
                            tx.audit().append(Instant.now(), "w" + writer, "class.changed", "class", transaction, null,
                                    Map.of("writer", writer));
                            tx.audit().append(Instant.now(), "w" + writer, "class.changed", "class", transaction, null,
                                    null);
                            return null;
                        });
                    }
                }));
            }
            for (Future<?> writer : done) {
                writer.get(60, TimeUnit.SECONDS);
            }
        } finally {
            writers.shutdownNow();
        }
        assertEquals(before + 4 * 15 * 2, head());
        assertIntact();
    }

    @Test
    void theCanonicalFormIsTheDocumentedOne() throws Exception {
        long n = appendSix();
        try (Connection sql = connection()) {
            Map<String, Object> row = row(sql, n + 3);
            byte[] previous = HexFormat.of().parseHex((String) row(sql, n + 2).get("MAC"));
            assertEquals(row.get("MAC"), mac(TestUnit.AUDIT_KEY_BYTES, previous, n + 3, row));
        }
    }

    @Test
    void anEditedFieldIsFoundAtItsEntry() throws Exception {
        long n = appendSix();
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put("ACTOR", "mallory");
        changes.put("ACTION_NAME", "claim.approved");
        changes.put("ENTITY_KIND", "trainee");
        changes.put("ENTITY_ID", 999L);
        changes.put("AFTER_JSON", "{\"amount\":\"9999.00\"}");
        changes.put("BEFORE_JSON", "{}");
        changes.put("OCCURRED_AT", java.sql.Timestamp.from(AT.plusSeconds(1)));
        for (Map.Entry<String, Object> change : changes.entrySet()) {
            try (Connection sql = connection()) {
                Map<String, Object> original = row(sql, n + 3);
                update(sql, n + 3, Map.of(change.getKey(), change.getValue()));
                assertBrokenAt(n + 3, change.getKey());
                update(sql, n + 3, Map.of(change.getKey(), original.get(change.getKey())));
            }
            assertIntact();
        }
    }

    @Test
    void aDeletedEntryInTheMiddleIsFound() throws Exception {
        long n = appendSix();
        try (Connection sql = connection()) {
            Map<String, Object> deleted = row(sql, n + 3);
            tamper(sql, "DELETE FROM QC_AUDIT WHERE SEQ = " + (n + 3));
            AuditVerification found = assertBrokenAt(n + 3, "deleted");
            assertEquals(n + 2, found.entries());
            insert(sql, deleted);
        }
        assertIntact();
    }

    @Test
    void twoSwappedEntriesAreFoundAtTheFirst() throws Exception {
        long n = appendSix();
        try (Connection sql = connection()) {
            Map<String, Object> second = row(sql, n + 2);
            Map<String, Object> fourth = row(sql, n + 4);
            update(sql, n + 2, content(fourth));
            update(sql, n + 4, content(second));
            assertBrokenAt(n + 2, "swapped");
            update(sql, n + 2, content(second));
            update(sql, n + 4, content(fourth));
        }
        assertIntact();
    }

    @Test
    void aTruncatedTailIsFoundByTheHeadOrElseByACheckpoint() throws Exception {
        long n = appendSix();
        AuditCheckpoint checkpoint = store.transaction(tx -> tx.audit().checkpoint(AT));
        assertEquals(n + 6, checkpoint.sequence());
        try (Connection sql = connection()) {
            Map<String, Object> fifth = row(sql, n + 5);
            Map<String, Object> sixth = row(sql, n + 6);
            tamper(sql, "DELETE FROM QC_AUDIT WHERE SEQ > " + (n + 4));
            assertBrokenAt(n + 5, "tail deleted, head row intact");

            // the head row rewritten to match what is left: only a checkpoint kept elsewhere tells
            tamper(sql, "UPDATE QC_AUDIT_HEAD SET SEQ = " + (n + 4) + ", MAC = '" + row(sql, n + 4).get("MAC") + "'");
            assertTrue(verify(null).ok(), "without a checkpoint a consistent shorter chain cannot be told apart");
            AuditVerification found = verify(checkpoint);
            assertFalse(found.ok());
            assertEquals(n + 5, found.firstBroken());

            insert(sql, fifth);
            insert(sql, sixth);
            tamper(sql, "UPDATE QC_AUDIT_HEAD SET SEQ = " + (n + 6) + ", MAC = '" + sixth.get("MAC") + "'");
        }
        assertTrue(verify(checkpoint).ok());
    }

    @Test
    void aMacRecomputedWithAnotherKeyIsFound() throws Exception {
        long n = appendSix();
        try (Connection sql = connection()) {
            Map<String, Object> third = row(sql, n + 3);
            byte[] previous = HexFormat.of().parseHex((String) row(sql, n + 2).get("MAC"));
            byte[] wrongKey = "not the platform's key, 32 bytes".getBytes(StandardCharsets.US_ASCII);
            update(sql, n + 3, Map.of("MAC", mac(wrongKey, previous, n + 3, third)));
            assertBrokenAt(n + 3, "another key");
            update(sql, n + 3, Map.of("MAC", third.get("MAC")));
        }
        assertIntact();
    }

    @Test
    void aForgedCheckpointIsRefusedNamingTheSignature() {
        AuditCheckpoint genuine = store.transaction(tx -> tx.audit().checkpoint(AT));
        AuditCheckpoint forged = new AuditCheckpoint(genuine.sequence() + 10, genuine.headMac(),
                genuine.count() + 10, genuine.at(), genuine.signature());
        WorkflowException refused = assertThrows(WorkflowException.class, () -> verify(forged));
        assertEquals("signature", refused.field());
        assertTrue(verify(genuine).ok());
    }

    @Test
    void aDeletedHeadRowStopsTheStoreInsteadOfRestartingTheChain() throws Exception {
        long n = appendSix();
        try (Connection sql = connection()) {
            String mac = (String) row(sql, n + 6).get("MAC");
            tamper(sql, "DELETE FROM QC_AUDIT_HEAD");
            IllegalStateException refused = assertThrows(IllegalStateException.class,
                    () -> new JpaWorkflowStore(unit, TestUnit.AUDIT_KEY));
            assertTrue(refused.getMessage().contains("QC_AUDIT_HEAD is missing"), refused.getMessage());
            tamper(sql, "INSERT INTO QC_AUDIT_HEAD (ID, SEQ, MAC) VALUES (1, " + (n + 6) + ", '" + mac + "')");
        }
        assertIntact();
    }

    @Test
    void onPostgresqlTheApplicationCannotUpdateOrDeleteEntries() throws Exception {
        assumeTrue(unit.product().startsWith("PostgreSQL"), "triggers are PostgreSQL's");
        long n = appendSix();
        try (Connection sql = unit.database.dataSource().getConnection(); Statement statement = sql.createStatement()) {
            SQLException update = assertThrows(SQLException.class,
                    () -> statement.executeUpdate("UPDATE QC_AUDIT SET ACTOR = 'mallory' WHERE SEQ = " + n));
            assertTrue(update.getMessage().contains("append-only"), update.getMessage());
            assertThrows(SQLException.class, () -> statement.executeUpdate("DELETE FROM QC_AUDIT WHERE SEQ = " + n));
            assertThrows(SQLException.class, () -> statement.executeUpdate("TRUNCATE QC_AUDIT"));
        }
        assertIntact();
    }

    // ----- helpers -----

    private static long appendSix() {
        long before = head();
        for (int i = 1; i <= 6; i++) {
            int entry = i;
            store.transaction(tx -> {
                tx.audit().append(AT.plusSeconds(entry), "clerk", "claim.reviewed", "claim", entry,
                        Map.of("status", "PENDING"), Map.of("status", "APPROVED", "amount", "1200.00"));
                return null;
            });
        }
        assertEquals(before + 6, head());
        return before;
    }

    private static long head() {
        return store.transaction(tx -> tx.audit().checkpoint(AT)).sequence();
    }

    private static AuditVerification verify(AuditCheckpoint checkpoint) {
        return store.transaction(tx -> tx.audit().verify(checkpoint));
    }

    private static void assertIntact() {
        AuditVerification verification = verify(null);
        assertTrue(verification.ok(), () -> String.valueOf(verification.reason()));
        assertEquals(head(), verification.entries());
        assertNull(verification.firstBroken());
    }

    private static AuditVerification assertBrokenAt(long sequence, String what) {
        AuditVerification verification = verify(null);
        assertFalse(verification.ok(), what);
        assertEquals(sequence, verification.firstBroken(), what);
        assertNotNull(verification.reason(), what);
        return verification;
    }

    /** A connection of its own; on PostgreSQL it does not fire the triggers, as a superuser's may not. */
    private static Connection connection() throws SQLException {
        Connection connection = unit.database.dataSource().getConnection();
        if (unit.product().startsWith("PostgreSQL")) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("SET session_replication_role = replica");
            }
        }
        return connection;
    }

    private static void tamper(Connection sql, String statement) throws SQLException {
        try (Statement s = sql.createStatement()) {
            s.executeUpdate(statement);
        }
    }

    private static Map<String, Object> row(Connection sql, long sequence) throws SQLException {
        try (PreparedStatement select = sql.prepareStatement(
                "SELECT ID, SEQ, MAC, " + String.join(", ", CONTENT) + " FROM QC_AUDIT WHERE SEQ = ?")) {
            select.setLong(1, sequence);
            try (ResultSet rows = select.executeQuery()) {
                assertTrue(rows.next(), "entry " + sequence);
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("ID", rows.getLong("ID"));
                row.put("SEQ", rows.getLong("SEQ"));
                row.put("MAC", rows.getString("MAC"));
                row.put("OCCURRED_AT", rows.getObject("OCCURRED_AT"));
                row.put("ACTOR", rows.getString("ACTOR"));
                row.put("ACTION_NAME", rows.getString("ACTION_NAME"));
                row.put("ENTITY_KIND", rows.getString("ENTITY_KIND"));
                row.put("ENTITY_ID", rows.getLong("ENTITY_ID"));
                row.put("BEFORE_JSON", rows.getString("BEFORE_JSON"));
                row.put("AFTER_JSON", rows.getString("AFTER_JSON"));
                return row;
            }
        }
    }

    private static Map<String, Object> content(Map<String, Object> row) {
        Map<String, Object> content = new LinkedHashMap<>(row);
        content.remove("SEQ");
        content.remove("ID");
        content.remove("MAC");
        return content;
    }

    private static void update(Connection sql, long sequence, Map<String, Object> columns) throws SQLException {
        List<String> names = new ArrayList<>(columns.keySet());
        try (PreparedStatement update = sql.prepareStatement("UPDATE QC_AUDIT SET "
                + String.join(", ", names.stream().map(c -> c + " = ?").toList()) + " WHERE SEQ = ?")) {
            for (int i = 0; i < names.size(); i++) {
                update.setObject(i + 1, columns.get(names.get(i)));
            }
            update.setLong(names.size() + 1, sequence);
            assertEquals(1, update.executeUpdate());
        }
    }

    private static void insert(Connection sql, Map<String, Object> row) throws SQLException {
        List<String> names = new ArrayList<>(row.keySet());
        try (PreparedStatement insert = sql.prepareStatement("INSERT INTO QC_AUDIT (" + String.join(", ", names)
                + ") VALUES (" + String.join(", ", names.stream().map(c -> "?").toList()) + ")")) {
            for (int i = 0; i < names.size(); i++) {
                insert.setObject(i + 1, row.get(names.get(i)));
            }
            insert.executeUpdate();
        }
    }

    /**
     * The MAC of an entry computed from docs/security.md alone: HMAC-SHA256(key, previous MAC ‖
     * canonical entry), the canonical entry written field by field with length prefixes.
     */
    private static String mac(byte[] key, byte[] previous, long sequence, Map<String, Object> row) throws Exception {
        Instant at = instant(row.get("OCCURRED_AT"));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            string(out, "QC-AUDIT-1");
            out.writeLong(sequence);
            out.writeLong(at.getEpochSecond());
            out.writeInt(at.getNano());
            string(out, (String) row.get("ACTOR"));
            string(out, (String) row.get("ACTION_NAME"));
            string(out, (String) row.get("ENTITY_KIND"));
            out.writeLong((Long) row.get("ENTITY_ID"));
            string(out, (String) row.get("BEFORE_JSON"));
            string(out, (String) row.get("AFTER_JSON"));
        }
        Mac hmac = Mac.getInstance("HmacSHA256");
        hmac.init(new SecretKeySpec(key, "HmacSHA256"));
        hmac.update(previous);
        return HexFormat.of().formatHex(hmac.doFinal(bytes.toByteArray()));
    }

    private static Instant instant(Object value) {
        if (value instanceof java.time.OffsetDateTime time) {
            return time.toInstant();
        }
        return ((java.sql.Timestamp) value).toInstant();
    }

    private static void string(DataOutputStream out, String text) throws IOException {
        if (text == null) {
            out.writeInt(-1);
            return;
        }
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.write(utf8);
    }
}
