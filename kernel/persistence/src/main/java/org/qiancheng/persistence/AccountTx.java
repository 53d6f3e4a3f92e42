package org.qiancheng.persistence;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.osgi.annotation.versioning.ProviderType;
import org.qiancheng.api.security.Role;
import org.qiancheng.api.security.User;
import org.qiancheng.api.workflow.Page;

/**
 * User accounts, their sessions and failed logins, inside the transaction of the {@link WorkflowTx}
 * that gave them. Only hashes of passwords and tokens are stored. Records come back with
 * {@link User#lockedUntil()} {@code null}: lockouts are the kernel's to compute from
 * {@link #failures}.
 */
@ProviderType
public interface AccountTx {

    /**
     * A password as stored: enough to check a candidate and to raise the work factor later.
     *
     * @param algorithm e.g. {@code PBKDF2WithHmacSHA256}
     * @param iterations the work factor it was hashed with
     * @param salt the random salt
     * @param hash the derived key
     */
    record PasswordHash(String algorithm, int iterations, byte[] salt, byte[] hash) {
    }

    /** A user with the stored password, for checking a login. */
    record Credentials(User user, PasswordHash password) {
    }

    /**
     * A stored session.
     *
     * @param id its id
     * @param userId whose it is
     * @param csrfHash SHA-256 (hex) of its CSRF token
     * @param createdAt when it was opened
     * @param lastSeenAt when it was last used
     * @param absoluteEnd when it ends whatever its use
     * @param revokedAt when it was ended, or {@code null} while open
     * @param serviceToken whether it is a service account's long-lived token, which no idle timeout ends
     */
    record StoredSession(long id, long userId, String csrfHash, Instant createdAt, Instant lastSeenAt,
            Instant absoluteEnd, Instant revokedAt, boolean serviceToken) {
    }

    /**
     * A failed login.
     *
     * @param source the client's address
     * @param at when
     */
    record Failure(String source, Instant at) {
    }

    /** Stores a new user. @throws org.qiancheng.api.workflow.WorkflowException CONFLICT when the username is taken */
    User insertUser(String username, PasswordHash password, Set<Role> roles, List<String> regions,
            boolean mustChangePassword, Instant at);

    /**
     * Stores a service account: a user for an integration, who never logs in with a password (the one
     * stored is random and never shown) and uses tokens a security administrator issues.
     *
     * @throws org.qiancheng.api.workflow.WorkflowException CONFLICT when the username is taken
     */
    User insertServiceAccount(String username, PasswordHash unusable, Set<Role> roles, List<String> regions,
            Instant at);

    /** @return whether the user is a service account */
    boolean serviceAccount(long userId);

    Optional<User> user(long id);

    /** The user of a (lower-case) username with the stored password, or empty. */
    Optional<Credentials> credentials(String username);

    /** @return how many users there are */
    long countUsers();

    /** In id order. */
    Page<User> users(int offset, int limit);

    /** @throws org.qiancheng.api.workflow.WorkflowException NOT_FOUND, or CONFLICT when the version is stale */
    User updateUser(long id, Set<Role> roles, List<String> regions, boolean disabled, long expectedVersion);

    /** Sets a new password. @throws org.qiancheng.api.workflow.WorkflowException NOT_FOUND */
    User setPassword(long id, PasswordHash password, boolean mustChangePassword, Instant at);

    /** Deletes a user with the sessions. @throws org.qiancheng.api.workflow.WorkflowException NOT_FOUND, or CONFLICT */
    void deleteUser(long id, long expectedVersion);

    /**
     * @param userId a user's id
     * @return the user's language preference ({@code zh} or {@code en}), {@code zh} when never set or the
     *     user is unknown
     * @since 0.10
     */
    String language(long userId);

    /**
     * Stores a user's language preference. It is the user's own setting, not part of the account a
     * security administrator manages: the user's version (ETag) does not change.
     *
     * @param userId a user's id
     * @param language {@code zh} or {@code en}, already checked
     * @throws org.qiancheng.api.workflow.WorkflowException NOT_FOUND when there is no such user
     * @since 0.10
     */
    void setLanguage(long userId, String language);

    /** Opens a session; @return its id */
    long openSession(long userId, String tokenHash, String csrfHash, Instant at, Instant absoluteEnd, String source);

    /** Opens a service account's long-lived token, which only its end or a revocation ends; @return its id */
    long openServiceToken(long userId, String tokenHash, String csrfHash, Instant at, Instant end);

    /** The session of a token's hash, open or not, or empty. */
    Optional<StoredSession> session(String tokenHash);

    /** Records a use of a session. */
    void touchSession(long sessionId, Instant at);

    /** Ends one session, if still open. */
    void revokeSession(long sessionId, Instant at);

    /**
     * Ends every open session of a user.
     *
     * @param except a session to keep open, or {@code null}
     * @return how many ended
     */
    int revokeSessions(long userId, Instant at, Long except);

    /** Records a failed login of a (lower-case) username, existing or not, from a source address. */
    void recordFailure(String username, String source, Instant at);

    /** The failed logins of a username since an instant, oldest first; {@code source} {@code null} for all. */
    List<Failure> failures(String username, String source, Instant since);

    /** Forgets the failed logins of a username; {@code source} {@code null} for every source. */
    int forgetFailures(String username, String source);
}
