package org.qiancheng.persistence.internal.workflow;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.qiancheng.api.security.Role;
import org.qiancheng.api.security.User;
import org.qiancheng.api.workflow.Page;
import org.qiancheng.api.workflow.WorkflowException;
import org.qiancheng.persistence.AccountTx;

/** User accounts, sessions and failed logins over the entity manager of one transaction. */
final class JpaAccounts implements AccountTx {

    private final Rows rows;

    JpaAccounts(Rows rows) {
        this.rows = rows;
    }

    @Override
    public User insertUser(String username, PasswordHash password, Set<Role> roles, List<String> regions,
            boolean mustChangePassword, Instant at) {
        if (credentials(username).isPresent()) {
            throw new WorkflowException(WorkflowException.Kind.CONFLICT, "username", "unique",
                    "the username is taken");
        }
        return rows.persisted(UserEntity.of(username, password, roles, regions, mustChangePassword, at)).toRecord();
    }

    @Override
    public User insertServiceAccount(String username, PasswordHash unusable, Set<Role> roles, List<String> regions,
            Instant at) {
        if (credentials(username).isPresent()) {
            throw new WorkflowException(WorkflowException.Kind.CONFLICT, "username", "unique",
                    "the username is taken");
        }
        UserEntity user = UserEntity.of(username, unusable, roles, regions, false, at);
        user.serviceAccount = Boolean.TRUE;
        return rows.persisted(user).toRecord();
    }

    @Override
    public boolean serviceAccount(long userId) {
        UserEntity user = rows.manager.find(UserEntity.class, userId);
        return user != null && Boolean.TRUE.equals(user.serviceAccount);
    }

    @Override
    public Optional<User> user(long id) {
        return rows.find(UserEntity.class, id, UserEntity::toRecord);
    }

    @Override
    public Optional<Credentials> credentials(String username) {
        return rows.manager.createQuery("SELECT e FROM UserEntity e WHERE e.username = :name", UserEntity.class)
                .setParameter("name", username).getResultList().stream()
                .map(e -> new Credentials(e.toRecord(), e.password())).findFirst();
    }

    @Override
    public long countUsers() {
        return rows.manager.createQuery("SELECT COUNT(e) FROM UserEntity e", Long.class).getSingleResult();
    }

    @Override
    public Page<User> users(int offset, int limit) {
        return rows.<UserEntity, User>paging(UserEntity.class).page(offset, limit, UserEntity::toRecord);
    }

    @Override
    public User updateUser(long id, Set<Role> roles, List<String> regions, boolean disabled, long expectedVersion) {
        UserEntity e = rows.current(UserEntity.class, id, expectedVersion);
        e.roles(roles);
        e.regions(regions);
        e.disabled = disabled;
        return rows.updated(e, UserEntity::toRecord);
    }

    @Override
    public User setPassword(long id, PasswordHash password, boolean mustChangePassword, Instant at) {
        UserEntity e = rows.existing(UserEntity.class, id);
        e.password(password, at);
        e.mustChangePassword = mustChangePassword;
        return rows.updated(e, UserEntity::toRecord);
    }

    @Override
    public void deleteUser(long id, long expectedVersion) {
        UserEntity e = rows.current(UserEntity.class, id, expectedVersion);
        rows.manager.createQuery("DELETE FROM SessionEntity s WHERE s.userId = :user").setParameter("user", id)
                .executeUpdate();
        rows.manager.remove(e);
        rows.manager.flush();
    }

    @Override
    public String language(long userId) {
        List<String> stored = rows.manager.createQuery("SELECT e.language FROM UserEntity e WHERE e.id = :id",
                String.class).setParameter("id", userId).getResultList();
        return stored.isEmpty() || stored.get(0) == null ? "zh" : stored.get(0);
    }

    @Override
    public void setLanguage(long userId, String language) {
        // in SQL, not JPQL: EclipseLink raises the version in a JPQL bulk update, and a preference must not make
        // a security administrator's If-Match on the account stale
        int changed = rows.manager.createNativeQuery("UPDATE QC_USER SET UI_LANGUAGE = ? WHERE ID = ?")
                .setParameter(1, language).setParameter(2, userId).executeUpdate();
        rows.manager.getEntityManagerFactory().getCache().evict(UserEntity.class, userId);
        if (changed == 0) {
            throw new WorkflowException(WorkflowException.Kind.NOT_FOUND, "id", "exists", "no user " + userId);
        }
    }

    @Override
    public long openSession(long userId, String tokenHash, String csrfHash, Instant at, Instant absoluteEnd,
            String source) {
        return rows.persisted(SessionEntity.of(userId, tokenHash, csrfHash, at, absoluteEnd, source)).id;
    }

    @Override
    public long openServiceToken(long userId, String tokenHash, String csrfHash, Instant at, Instant end) {
        SessionEntity token = SessionEntity.of(userId, tokenHash, csrfHash, at, end, "service-token");
        token.serviceToken = Boolean.TRUE;
        return rows.persisted(token).id;
    }

    @Override
    public Optional<StoredSession> session(String tokenHash) {
        return rows.manager.createQuery("SELECT e FROM SessionEntity e WHERE e.tokenHash = :hash",
                SessionEntity.class).setParameter("hash", tokenHash).getResultList().stream()
                .map(SessionEntity::toRecord).findFirst();
    }

    @Override
    public void touchSession(long sessionId, Instant at) {
        SessionEntity e = rows.manager.find(SessionEntity.class, sessionId);
        if (e != null) {
            e.lastSeenAt = SessionEntity.utc(at);
            rows.manager.flush();
        }
    }

    @Override
    public void revokeSession(long sessionId, Instant at) {
        SessionEntity e = rows.manager.find(SessionEntity.class, sessionId);
        if (e != null && e.revokedAt == null) {
            e.revokedAt = SessionEntity.utc(at);
            rows.manager.flush();
        }
    }

    @Override
    public int revokeSessions(long userId, Instant at, Long except) {
        List<SessionEntity> open = rows.manager.createQuery(
                "SELECT e FROM SessionEntity e WHERE e.userId = :user AND e.revokedAt IS NULL", SessionEntity.class)
                .setParameter("user", userId).getResultList();
        int ended = 0;
        for (SessionEntity e : open) {
            if (!e.id.equals(except)) {
                e.revokedAt = SessionEntity.utc(at);
                ended++;
            }
        }
        rows.manager.flush();
        return ended;
    }

    @Override
    public void recordFailure(String username, String source, Instant at) {
        rows.persisted(LoginFailureEntity.of(username, source, at));
    }

    @Override
    public List<Failure> failures(String username, String source, Instant since) {
        String bySource = source == null ? "" : " AND e.source = :source";
        var query = rows.manager.createQuery("SELECT e FROM LoginFailureEntity e WHERE e.username = :name"
                + bySource + " AND e.at > :since ORDER BY e.at, e.id", LoginFailureEntity.class)
                .setParameter("name", username).setParameter("since", SessionEntity.utc(since));
        if (source != null) {
            query.setParameter("source", source);
        }
        return query.getResultList().stream().map(LoginFailureEntity::toRecord).toList();
    }

    @Override
    public int forgetFailures(String username, String source) {
        String bySource = source == null ? "" : " AND e.source = :source";
        var query = rows.manager.createQuery("DELETE FROM LoginFailureEntity e WHERE e.username = :name" + bySource)
                .setParameter("name", username);
        if (source != null) {
            query.setParameter("source", source);
        }
        return query.executeUpdate();
    }
}
