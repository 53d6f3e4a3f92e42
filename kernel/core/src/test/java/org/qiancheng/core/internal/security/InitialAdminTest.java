package org.qiancheng.core.internal.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qiancheng.api.security.Role;
import org.qiancheng.api.security.User;
import org.qiancheng.persistence.AccountTx;
import org.qiancheng.persistence.AccountTx.PasswordHash;
import org.qiancheng.persistence.AuditTx;
import org.qiancheng.persistence.WorkflowStore;
import org.qiancheng.persistence.WorkflowTx;

/** The first account: no default password, a generated one only in an owner-only file, a given one checked. */
class InitialAdminTest {

    @TempDir
    Path log;

    private final MovingClock clock = new MovingClock("2026-11-25T08:00:00Z");
    private final Settings settings = new Settings(new PasswordPolicy(12, 3), 600_000,
            new Lockout(5, java.time.Duration.ofMinutes(15), java.time.Duration.ofMinutes(15)),
            java.time.Duration.ofMinutes(30), java.time.Duration.ofHours(12), 60, java.util.Set.of());
    private final Passwords passwords = new Passwords(new SecureRandom(), 600_000);
    private final List<Object[]> inserted = new ArrayList<>();
    private final List<String> audited = new ArrayList<>();

    /** A store with {@code users} users that records what is inserted and audited. */
    private WorkflowStore store(long users) {
        AccountTx accounts = proxy(AccountTx.class, (method, args) -> switch (method) {
            case "countUsers" -> users + inserted.size();
            case "insertUser" -> {
                inserted.add(args);
                @SuppressWarnings("unchecked")
                Set<Role> roles = (Set<Role>) args[2];
                @SuppressWarnings("unchecked")
                List<String> regions = (List<String>) args[3];
                yield new User(1, (String) args[0], roles, regions, (boolean) args[4], false, null, (Instant) args[5],
                        (Instant) args[5], 0);
            }
            default -> throw new UnsupportedOperationException(method);
        });
        AuditTx audit = proxy(AuditTx.class, (method, args) -> {
            audited.add((String) args[2]);
            return null;
        });
        WorkflowTx tx = proxy(WorkflowTx.class, (method, args) -> method.equals("accounts") ? accounts : audit);
        return new WorkflowStore() {
            @Override
            public <T> T transaction(Function<WorkflowTx, T> work) {
                return work.apply(tx);
            }
        };
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, java.util.function.BiFunction<String, Object[], Object> answer) {
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
                (p, method, args) -> answer.apply(method.getName(), args));
    }

    @Test
    void withoutAGivenPasswordARandomOneGoesToAnOwnerOnlyFileAndMustBeChanged() throws Exception {
        InitialAdmin.ensure(store(0), clock, settings, passwords, new SecureRandom(), null, log);
        assertEquals(1, inserted.size());
        Object[] admin = inserted.get(0);
        assertEquals("admin", admin[0]);
        assertEquals(Set.of(Role.SECURITY_ADMIN), admin[2]);
        assertEquals(List.of("100000"), admin[3]);
        assertEquals(true, admin[4], "must change the password");
        assertEquals(List.of("user.created"), audited);
        Path file = log.resolve(InitialAdmin.FILE);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        List<String> lines = Files.readAllLines(file);
        assertEquals("admin", lines.get(0));
        String password = lines.get(1);
        settings.policy().check("password", "admin", password);
        assertTrue(passwords.matches(password, (PasswordHash) admin[1]));

        InitialAdmin.forget(log);
        assertFalse(Files.exists(file));
    }

    @Test
    void aGivenPasswordIsUsedAndNothingIsWritten() {
        InitialAdmin.ensure(store(0), clock, settings, passwords, new SecureRandom(), "Given-Officer-2026", log);
        assertTrue(passwords.matches("Given-Officer-2026", (PasswordHash) inserted.get(0)[1]));
        assertFalse(Files.exists(log.resolve(InitialAdmin.FILE)));
    }

    @Test
    void aGivenPasswordThatBreaksThePolicyStopsTheServiceAndCreatesNobody() {
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> InitialAdmin.ensure(store(0),
                clock, settings, passwords, new SecureRandom(), "Short-1x", log));
        assertTrue(refused.getMessage().contains("QC_ADMIN_PASSWORD"), refused.getMessage());
        assertTrue(refused.getMessage().contains("password:length"), refused.getMessage());
        assertFalse(refused.getMessage().contains("Short-1x"), "the message does not quote the password");
        assertTrue(inserted.isEmpty());
    }

    @Test
    void nothingHappensWhenAUserExists() {
        InitialAdmin.ensure(store(1), clock, settings, passwords, new SecureRandom(), null, log);
        assertTrue(inserted.isEmpty());
        assertFalse(Files.exists(log.resolve(InitialAdmin.FILE)));
    }

    @Test
    void generatedPasswordsMeetThePolicy() {
        SecureRandom random = new SecureRandom();
        for (int i = 0; i < 200; i++) {
            String password = InitialAdmin.generate(random, settings.policy());
            settings.policy().check("password", "admin", password);
            assertEquals(20, password.length());
        }
    }
}
