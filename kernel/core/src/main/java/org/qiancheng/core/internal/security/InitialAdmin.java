package org.qiancheng.core.internal.security;

import java.io.Console;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import org.qiancheng.api.model.RegionCodes;
import org.qiancheng.api.security.AccessException;
import org.qiancheng.api.security.Role;
import org.qiancheng.api.security.User;
import org.qiancheng.api.workflow.WorkflowException;
import org.qiancheng.persistence.WorkflowStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The first account, created at the first start when there is no user: {@code admin}, role
 * SECURITY_ADMIN only, all regions, who must change the password at the first login. There is no
 * default password: it is the framework property {@value #PROPERTY} (the launcher sets it from
 * {@code QC_ADMIN_PASSWORD}) when given, and must meet the password policy; otherwise a random one,
 * written to {@code log/initial-admin-password.txt} (owner read/write only) and shown once on the
 * terminal when there is one. It is not printed to standard output: the launcher copies standard
 * output into {@code log/qiancheng.log}, which is no place for a password.
 */
final class InitialAdmin {

    static final String PROPERTY = "qc.admin.password";
    static final String USERNAME = "admin";
    static final String FILE = "initial-admin-password.txt";
    private static final Logger LOG = LoggerFactory.getLogger(InitialAdmin.class);
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789-_.";

    private InitialAdmin() {
    }

    /**
     * Creates {@code admin} unless a user exists.
     *
     * @param given the password from {@value #PROPERTY}, or {@code null}
     * @param log the folder of the generated password's file
     * @throws IllegalStateException when the given password breaks the policy: the service does not start
     */
    static void ensure(WorkflowStore store, Clock clock, Settings settings, Passwords passwords, SecureRandom random,
            String given, Path log) {
        if (store.transaction(tx -> tx.accounts().countUsers()) > 0) {
            return;
        }
        checkGiven(settings, given);
        boolean generated = given == null || given.isEmpty();
        String password = generated ? generate(random, settings.policy()) : given;
        // the file first: an account whose generated password was lost would lock everybody out
        Path file = generated ? write(log, password) : null;
        User admin;
        try {
            admin = store.transaction(tx -> {
                User created = tx.accounts().insertUser(USERNAME, passwords.hash(password),
                        Set.of(Role.SECURITY_ADMIN), List.of(RegionCodes.NATIONAL), true, clock.instant());
                SecurityAudit.user(tx, clock.instant(), "system", "created", created.id(), null, created);
                return created;
            });
        } catch (WorkflowException e) {
            if (e.kind() != WorkflowException.Kind.CONFLICT) {
                throw e;
            }
            // another node sharing the database created it first: its password is the one that counts
            LOG.info("First start: account 'admin' was created by another node meanwhile");
            if (file != null) {
                forget(log);
            }
            return;
        }
        if (generated) {
            String banner = "\n=== Qiancheng: first start. Account 'admin' (security administrator) created with the"
                    + " one-time password\n===     " + password + "\n=== It must be changed at the first login; it is"
                    + " also in " + file + " (owner only).\n";
            Console console = System.console();
            if (console != null) {
                console.writer().println(banner);
                console.writer().flush();
            }
            LOG.warn("First start: account 'admin' created (id {}) with a generated password, written to {} (owner"
                    + " only){}; change it at the first login", admin.id(), file,
                    console != null ? " and shown once on the terminal" : "");
        } else {
            LOG.info("First start: account 'admin' created (id {}) with the password of QC_ADMIN_PASSWORD; change it"
                    + " at the first login", admin.id());
        }
    }

    /**
     * Checks a given first password against the policy, before anything is hashed or stored.
     *
     * @param given the password from {@value #PROPERTY}, or {@code null} for a generated one
     * @throws IllegalStateException when it breaks the policy: the service does not start
     */
    static void checkGiven(Settings settings, String given) {
        if (given == null || given.isEmpty()) {
            return;
        }
        try {
            settings.policy().check("QC_ADMIN_PASSWORD", USERNAME, given);
        } catch (AccessException e) {
            String message = "QC_ADMIN_PASSWORD (framework property " + PROPERTY + ") breaks the password policy ("
                    + e.rule() + ": " + e.getMessage() + "); the security service does not start and nobody can"
                    + " log in. Set a password of at least " + settings.policy().minLength() + " characters with "
                    + settings.policy().minClasses() + " of: lower case, upper case, digits, others, or unset it"
                    + " to have one generated.";
            LOG.error(message);
            throw new IllegalStateException(message);
        }
    }

    /** Forgets the generated password's file once the admin has a password of their own. */
    static void forget(Path log) {
        try {
            Files.deleteIfExists(log.resolve(FILE));
        } catch (IOException e) {
            LOG.warn("Could not delete {}: {}", log.resolve(FILE), e.getMessage());
        }
    }

    static String generate(SecureRandom random, PasswordPolicy policy) {
        int length = Math.max(20, policy.minLength());
        while (true) {
            StringBuilder password = new StringBuilder(length);
            for (int i = 0; i < length; i++) {
                password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
            String candidate = password.toString();
            if (PasswordPolicy.classes(candidate) >= policy.minClasses() && !candidate.toLowerCase().contains(USERNAME)) {
                return candidate;
            }
        }
    }

    private static Path write(Path log, String password) {
        Path file = log.resolve(FILE);
        try {
            Files.createDirectories(log);
            Files.deleteIfExists(file);
            try {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException notPosix) {
                Files.createFile(file);
            } catch (FileAlreadyExistsException raced) {
                throw new IllegalStateException(file + " appeared while it was written", raced);
            }
            Files.writeString(file, "admin\n" + password + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("could not write the initial admin password to " + file, e);
        }
        return file;
    }
}
