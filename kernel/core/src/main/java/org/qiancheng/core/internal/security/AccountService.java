package org.qiancheng.core.internal.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.qiancheng.api.security.AccessException;
import org.qiancheng.api.security.AccessException.Kind;
import org.qiancheng.api.security.Accounts;
import org.qiancheng.api.security.Role;
import org.qiancheng.api.security.User;
import org.qiancheng.api.security.UserDrafts.NewServiceAccount;
import org.qiancheng.api.security.UserDrafts.NewUser;
import org.qiancheng.api.security.UserDrafts.ServiceToken;
import org.qiancheng.api.security.UserDrafts.UserChange;
import org.qiancheng.api.workflow.Page;
import org.qiancheng.api.workflow.WorkflowException;
import org.qiancheng.persistence.AccountTx;
import org.qiancheng.persistence.WorkflowStore;
import org.qiancheng.persistence.WorkflowTx;

/**
 * User accounts, managed by a security administrator: the role is checked here, in the service, for
 * every call ({@link Access}, permission {@code user.admin}), and the grant rules by {@link Grants}. Each change enters the audit
 * trail under the administrator's name in the same transaction.
 */
@Component(configurationPid = SecurityConfiguration.PID)
public final class AccountService implements Accounts {

    private static final String USER_ADMIN = "user.admin";

    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{2,63}");
    private static final int MAX_PAGE = 500;
    private static final int MAX_TOKEN_DAYS = 365;

    private final WorkflowStore store;
    private final Clock clock;
    private final SessionCache cache;
    private final java.security.SecureRandom random = new java.security.SecureRandom();
    private final Tokens tokens = new Tokens(random);
    private volatile Settings settings;

    @Activate
    public AccountService(@Reference WorkflowStore store, @Reference Clock clock, @Reference SessionCache cache,
            SecurityConfiguration config) {
        this.store = store;
        this.clock = clock;
        this.cache = cache;
        modified(config);
    }

    @Modified
    void modified(SecurityConfiguration config) {
        this.settings = Settings.of(config);
    }

    @Override
    public User create(NewUser draft) {
        User admin = Access.require(USER_ADMIN).user();
        if (draft == null) {
            throw Grants.invalid("username", "required", "is required", "为必填项");
        }
        String username = username(draft.username());
        Set<Role> roles = Grants.roles(draft.roles());
        List<String> regions = Grants.regions(draft.regions(), admin);
        Settings now = settings;
        now.policy().check("password", username, draft.password());
        AccountTx.PasswordHash hash = new Passwords(random, now.iterations()).hash(draft.password());
        Instant at = clock.instant();
        return refusals(() -> store.transaction(tx -> {
            User created = tx.accounts().insertUser(username, hash, roles, regions, true, at);
            SecurityAudit.user(tx, at, admin.username(), "created", created.id(), null, created);
            return created;
        }));
    }

    @Override
    public User user(long id) {
        Access.require(USER_ADMIN);
        Instant at = clock.instant();
        return store.transaction(tx -> withLock(tx, existing(tx, id), at));
    }

    @Override
    public Page<User> users(int offset, int limit) {
        Access.require(USER_ADMIN);
        if (offset < 0 || limit < 1 || limit > MAX_PAGE) {
            throw Grants.invalid(offset < 0 ? "offset" : "limit", offset < 0 ? "minimum:0" : "range:1-" + MAX_PAGE,
                    "is out of range", "超出允许范围");
        }
        Instant at = clock.instant();
        return store.transaction(tx -> {
            Page<User> page = tx.accounts().users(offset, limit);
            return new Page<>(page.items().stream().map(u -> withLock(tx, u, at)).toList(), page.total(),
                    page.offset(), page.limit());
        });
    }

    @Override
    public User update(long id, UserChange change, long expectedVersion) {
        User admin = Access.require(USER_ADMIN).user();
        if (change == null) {
            throw Grants.invalid("roles", "required", "name roles, regions or disabled", "须指定 roles、regions 或 disabled");
        }
        Set<Role> roles = change.roles() == null ? null : Grants.roles(change.roles());
        List<String> regions = change.regions() == null ? null : Grants.regions(change.regions(), admin);
        Instant at = clock.instant();
        return refusals(() -> store.transaction(tx -> {
            User before = existing(tx, id);
            Grants.notOwnRoles(admin, before, roles);
            boolean disabled = change.disabled() == null ? before.disabled() : change.disabled();
            if (disabled && admin.id() == id) {
                throw Grants.invalid("disabled", "own-account", "nobody disables their own account",
                        "不得停用本人的账户");
            }
            User after = tx.accounts().updateUser(id, roles == null ? before.roles() : roles,
                    regions == null ? before.regions() : regions, disabled, expectedVersion);
            int ended = disabled && !before.disabled() ? tx.accounts().revokeSessions(id, at, null) : 0;
            SecurityAudit.user(tx, at, admin.username(), "updated", id, before, after);
            if (ended > 0) {
                SecurityAudit.user(tx, at, admin.username(), "sessions-revoked", id, null, Map.of("sessionsEnded", ended));
            }
            return withLock(tx, after, at);
        }), () -> cache.forgetUser(id));
    }

    @Override
    public void delete(long id, long expectedVersion) {
        User admin = Access.require(USER_ADMIN).user();
        if (admin.id() == id) {
            throw Grants.invalid("id", "own-account", "nobody deletes their own account", "不得删除本人的账户");
        }
        Instant at = clock.instant();
        refusals(() -> store.transaction(tx -> {
            User before = existing(tx, id);
            tx.accounts().deleteUser(id, expectedVersion);
            tx.accounts().forgetFailures(before.username(), null);
            SecurityAudit.user(tx, at, admin.username(), "deleted", id, before, null);
            return null;
        }), () -> cache.forgetUser(id));
    }

    @Override
    public User unlock(long id) {
        User admin = Access.require(USER_ADMIN).user();
        Instant at = clock.instant();
        return store.transaction(tx -> {
            User user = existing(tx, id);
            int forgotten = tx.accounts().forgetFailures(user.username(), null);
            SecurityAudit.user(tx, at, admin.username(), "unlocked", id, null, Map.of("failuresForgotten", forgotten));
            return user;
        });
    }

    @Override
    public int revokeSessions(long id) {
        User admin = Access.require(USER_ADMIN).user();
        Instant at = clock.instant();
        return refusals(() -> store.transaction(tx -> {
            existing(tx, id);
            int ended = tx.accounts().revokeSessions(id, at, null);
            SecurityAudit.user(tx, at, admin.username(), "sessions-revoked", id, null, Map.of("sessionsEnded", ended));
            return ended;
        }), () -> cache.forgetUser(id));
    }

    @Override
    public User createServiceAccount(NewServiceAccount draft) {
        User admin = Access.require(USER_ADMIN).user();
        if (draft == null) {
            throw Grants.invalid("username", "required", "is required", "为必填项");
        }
        String username = username(draft.username());
        Set<Role> roles = Grants.roles(draft.roles());
        if (roles.stream().anyMatch(Role::administrator)) {
            throw Grants.invalid("roles", "service-account", "a service account holds business roles only",
                    "服务账户只能授予业务角色");
        }
        List<String> regions = Grants.regions(draft.regions(), admin);
        // a password nobody knows: the account cannot log in, only use the tokens issued to it
        AccountTx.PasswordHash unusable = new Passwords(random, settings.iterations()).hash(tokens.next());
        Instant at = clock.instant();
        return refusals(() -> store.transaction(tx -> {
            User created = tx.accounts().insertServiceAccount(username, unusable, roles, regions, at);
            SecurityAudit.user(tx, at, admin.username(), "service-account-created", created.id(), null, created);
            return created;
        }));
    }

    @Override
    public ServiceToken issueToken(long id, int days) {
        User admin = Access.require(USER_ADMIN).user();
        if (days < 1 || days > MAX_TOKEN_DAYS) {
            throw Grants.invalid("days", "range:1-" + MAX_TOKEN_DAYS, "must be from 1 to " + MAX_TOKEN_DAYS,
                    "须在 1 至 " + MAX_TOKEN_DAYS + " 之间");
        }
        String token = tokens.next();
        Instant at = clock.instant();
        Instant end = at.plus(Duration.ofDays(days));
        User account = store.transaction(tx -> {
            User user = existing(tx, id);
            if (!tx.accounts().serviceAccount(id)) {
                throw Grants.invalid("id", "service-account", "tokens are issued to service accounts only; a person"
                        + " logs in", "令牌只发给服务账户；个人用户须登录");
            }
            long tokenId = tx.accounts().openServiceToken(id, Tokens.hash(token), Tokens.hash(tokens.next()), at, end);
            // the trail names the token by its session id and end, never by its value
            SecurityAudit.user(tx, at, admin.username(), "token-issued", id, null, Map.of("sessionId", tokenId,
                    "expiresAt", end.toString()));
            return user;
        });
        return new ServiceToken(account, token, end);
    }

    /** The user with the end of the latest lockout from any source in force now. */
    private User withLock(WorkflowTx tx, User user, Instant at) {
        var lockout = settings.lockout();
        var failures = tx.accounts().failures(user.username(), null, at.minus(lockout.lookBack()));
        Instant until = null;
        for (String source : failures.stream().map(AccountTx.Failure::source).distinct().toList()) {
            Instant end = lockout.lockedUntil(failures.stream().filter(f -> f.source().equals(source))
                    .map(AccountTx.Failure::at).toList(), at).orElse(null);
            if (end != null && (until == null || end.isAfter(until))) {
                until = end;
            }
        }
        return user.withLockedUntil(until);
    }

    private static User existing(WorkflowTx tx, long id) {
        return tx.accounts().user(id).orElseThrow(() -> new AccessException(Kind.NOT_FOUND, "id", "exists",
                "no user " + id, "没有编号为 " + id + " 的用户"));
    }

    static String username(String name) {
        String lower = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
        if (!USERNAME.matcher(lower).matches()) {
            throw Grants.invalid("username", "username", "must be 3 to 64 of a-z, 0-9, '.', '_', '-', starting with a"
                    + " letter or digit", "须为 3 至 64 个字符，仅含 a-z、0-9、“.”、“_”、“-”，以字母或数字开头");
        }
        return lower;
    }

    /**
     * The store's refusals as {@link #refusals(Supplier)} does, and then — changed or not — the user's
     * cached sessions forgotten, so that the next request reads the change.
     */
    private static <T> T refusals(Supplier<T> work, Runnable then) {
        try {
            return refusals(work);
        } finally {
            then.run();
        }
    }

    /** The store's refusals (a taken username, a stale version) as access refusals of the same kind and rule. */
    private static <T> T refusals(Supplier<T> work) {
        try {
            return work.get();
        } catch (WorkflowException e) {
            Kind kind = switch (e.kind()) {
                case NOT_FOUND -> Kind.NOT_FOUND;
                case INVALID -> Kind.INVALID;
                case CONFLICT -> Kind.CONFLICT;
            };
            String zh = "unique".equals(e.rule()) ? "用户名已被占用" : e.messageZh() != null ? e.messageZh()
                    : "记录已被他人修改，请重新读取后再试";
            throw new AccessException(kind, e.field(), e.rule(), e.getMessage(), zh);
        }
    }
}
