package org.qiancheng.persistence.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qiancheng.api.security.Role;
import org.qiancheng.api.security.User;
import org.qiancheng.api.workflow.WorkflowException;
import org.qiancheng.persistence.AccountTx.PasswordHash;
import org.qiancheng.persistence.WorkflowStore;
import org.qiancheng.persistence.internal.workflow.JpaWorkflowStore;

/**
 * Accounts on a real database (HSQLDB, or PostgreSQL under scripts/test-postgres.sh): users with
 * roles, regions and the stored password, unique usernames, optimistic locking, sessions by token
 * hash, revocation, and failed logins by username and source. Names are drawn for this run.
 */
class AccountStoreTest {

    @TempDir
    static Path home;

    private static TestUnit unit;
    private static WorkflowStore store;
    private static final Instant AT = Instant.parse("2026-11-25T08:00:00Z");

    @BeforeAll
    static void start() throws Exception {
        unit = new TestUnit(TestUnit.configured(home));
        store = new JpaWorkflowStore(unit, TestUnit.AUDIT_KEY);
    }

    @AfterAll
    static void stop() throws Exception {
        unit.shutdown();
    }

    private static String name() {
        return "u" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
    }

    private static PasswordHash hash() {
        return new PasswordHash("PBKDF2WithHmacSHA256", 600_000, new byte[] {1, 2, 3}, new byte[] {4, 5, 6});
    }

    @Test
    void theLanguageIsChineseUntilChosenAndChoosingItLeavesTheVersionAlone() {
        String name = name();
        User created = store.transaction(tx -> tx.accounts().insertUser(name, hash(), Set.of(Role.CLERK),
                List.of("510100"), false, AT));
        assertEquals("zh", store.transaction(tx -> tx.accounts().language(created.id())));
        store.transaction(tx -> {
            tx.accounts().setLanguage(created.id(), "en");
            return null;
        });
        assertEquals("en", store.transaction(tx -> tx.accounts().language(created.id())));
        assertEquals(created.version(), store.transaction(tx -> tx.accounts().user(created.id())).orElseThrow().version());
        assertEquals("zh", store.transaction(tx -> tx.accounts().language(Long.MAX_VALUE)));
        assertThrows(WorkflowException.class, () -> store.transaction(tx -> {
            tx.accounts().setLanguage(Long.MAX_VALUE, "en");
            return null;
        }));
    }

    /** A home made before the column existed: the next start adds it, and its users read Chinese. */
    @Test
    void anOlderUserTableGetsTheLanguageColumnAtTheNextStart() throws Exception {
        String name = name();
        User created = store.transaction(tx -> tx.accounts().insertUser(name, hash(), Set.of(Role.CLERK),
                List.of("510100"), false, AT));
        try (java.sql.Connection sql = unit.database.dataSource().getConnection();
                java.sql.Statement statement = sql.createStatement()) {
            statement.executeUpdate("ALTER TABLE QC_USER DROP COLUMN UI_LANGUAGE");
        }
        try (TestUnit again = new TestUnit(unit.database, "qiancheng-upgraded")) {
            WorkflowStore upgraded = new JpaWorkflowStore(again, TestUnit.AUDIT_KEY);
            assertEquals("zh", upgraded.transaction(tx -> tx.accounts().language(created.id())));
            upgraded.transaction(tx -> {
                tx.accounts().setLanguage(created.id(), "en");
                return null;
            });
            assertEquals("en", upgraded.transaction(tx -> tx.accounts().language(created.id())));
        }
    }

    @Test
    void aUserIsStoredWithRolesRegionsAndPasswordAndTheUsernameIsUnique() {
        String name = name();
        User created = store.transaction(tx -> tx.accounts().insertUser(name, hash(), Set.of(Role.CLERK,
                Role.REVIEWER), List.of("510100", "510104"), true, AT));
        var read = store.transaction(tx -> tx.accounts().credentials(name)).orElseThrow();
        assertEquals(created, read.user());
        assertEquals(Set.of(Role.CLERK, Role.REVIEWER), read.user().roles());
        assertEquals(List.of("510100", "510104"), read.user().regions());
        assertTrue(read.user().mustChangePassword());
        assertEquals(600_000, read.password().iterations());
        assertArrayEquals(new byte[] {1, 2, 3}, read.password().salt());
        assertArrayEquals(new byte[] {4, 5, 6}, read.password().hash());
        WorkflowException taken = assertThrows(WorkflowException.class, () -> store.transaction(tx -> tx.accounts()
                .insertUser(name, hash(), Set.of(Role.AUDITOR), List.of("100000"), false, AT)));
        assertEquals(WorkflowException.Kind.CONFLICT, taken.kind());

        User changed = store.transaction(tx -> tx.accounts().updateUser(created.id(), Set.of(Role.FINANCE),
                List.of("510000"), true, created.version()));
        assertEquals(Set.of(Role.FINANCE), changed.roles());
        assertTrue(changed.disabled());
        assertThrows(WorkflowException.class, () -> store.transaction(tx -> tx.accounts().updateUser(created.id(),
                Set.of(Role.CLERK), List.of("510000"), false, created.version())));
        store.transaction(tx -> {
            tx.accounts().deleteUser(created.id(), changed.version());
            return null;
        });
        assertTrue(store.transaction(tx -> tx.accounts().user(created.id())).isEmpty());
    }

    @Test
    void sessionsAreFoundByTokenHashAndRevoked() {
        String name = name();
        User user = store.transaction(tx -> tx.accounts().insertUser(name, hash(), Set.of(Role.CLERK),
                List.of("510100"), false, AT));
        String token = "a".repeat(32) + name.substring(1, 21) + "0".repeat(12);
        long id = store.transaction(tx -> tx.accounts().openSession(user.id(), token, "c".repeat(64), AT,
                AT.plus(12, ChronoUnit.HOURS), "127.0.0.1"));
        var open = store.transaction(tx -> tx.accounts().session(token)).orElseThrow();
        assertEquals(id, open.id());
        assertNull(open.revokedAt());
        store.transaction(tx -> {
            tx.accounts().touchSession(id, AT.plusSeconds(60));
            return null;
        });
        assertEquals(AT.plusSeconds(60), store.transaction(tx -> tx.accounts().session(token)).orElseThrow()
                .lastSeenAt());
        assertEquals(Integer.valueOf(1), store.transaction(tx -> tx.accounts().revokeSessions(user.id(), AT.plusSeconds(90), null)));
        assertEquals(AT.plusSeconds(90), store.transaction(tx -> tx.accounts().session(token)).orElseThrow()
                .revokedAt());
        assertFalse(store.transaction(tx -> tx.accounts().session("f".repeat(64))).isPresent());
    }

    @Test
    void failedLoginsAreCountedByUsernameAndSource() {
        String name = name();
        store.transaction(tx -> {
            tx.accounts().recordFailure(name, "10.0.0.1", AT);
            tx.accounts().recordFailure(name, "10.0.0.1", AT.plusSeconds(60));
            tx.accounts().recordFailure(name, "10.0.0.2", AT.plusSeconds(120));
            return null;
        });
        assertEquals(2, store.transaction(tx -> tx.accounts().failures(name, "10.0.0.1", AT.minusSeconds(1))).size());
        assertEquals(1, store.transaction(tx -> tx.accounts().failures(name, "10.0.0.1", AT)).size());
        assertEquals(3, store.transaction(tx -> tx.accounts().failures(name, null, AT.minusSeconds(1))).size());
        assertEquals(Integer.valueOf(2), store.transaction(tx -> tx.accounts().forgetFailures(name, "10.0.0.1")));
        assertEquals(1, store.transaction(tx -> tx.accounts().failures(name, null, AT.minusSeconds(1))).size());
    }
}
