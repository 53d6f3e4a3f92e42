package org.qiancheng.core.internal.security;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.qiancheng.api.security.AccessException;
import org.qiancheng.api.security.AccessException.Kind;
import org.qiancheng.api.security.Authentication;
import org.qiancheng.api.security.Session;
import org.qiancheng.api.security.Sessions;
import org.qiancheng.api.security.User;
import org.qiancheng.persistence.AccountTx;
import org.qiancheng.persistence.AccountTx.Credentials;
import org.qiancheng.persistence.AccountTx.StoredSession;
import org.qiancheng.persistence.WorkflowStore;

/**
 * Logins, sessions and password changes. A password is checked outside any transaction (PBKDF2
 * takes a noticeable fraction of a second); an unknown username is checked against a dummy hash so
 * that it takes the same time and gets the same answer as a wrong password. At the first start it
 * creates the first account ({@link InitialAdmin}).
 */
@Component(configurationPid = SecurityConfiguration.PID)
@Designate(ocd = SecurityConfiguration.class)
public final class SessionService implements Sessions {

    private static final int MAX_NAME = 64;
    private static final int MAX_SOURCE = 100;

    private final WorkflowStore store;
    private final Clock clock;
    private final SessionCache cache;
    private final SecureRandom random = new SecureRandom();
    private final Tokens tokens = new Tokens(random);
    private final Path log;
    private volatile Settings settings;
    private volatile Passwords passwords;
    private volatile LoginRate rate;
    /** How long after the start the dummy hash is made when no login has made it. */
    private static final Duration DUMMY_AFTER = Duration.ofSeconds(10);
    /** Checked when the username is unknown, so that the answer takes as long as for a wrong password. */
    private volatile AccountTx.PasswordHash dummy;

    @Activate
    public SessionService(@Reference WorkflowStore store, @Reference Clock clock, @Reference SessionCache cache,
            SecurityConfiguration config, BundleContext context) {
        this.store = store;
        this.clock = clock;
        this.cache = cache;
        String home = context.getProperty("qc.home");
        this.log = Path.of(home == null ? "runtime" : home).resolve("log");
        modified(config);
        InitialAdmin.ensure(store, clock, settings, passwords, random, context.getProperty(InitialAdmin.PROPERTY), log);
        // the dummy hash costs most of a second of CPU on a cold JVM: made once the start is over, not
        // beside it on a machine of two cores (a login before then makes it, as it would anyway)
        Thread dummyHash = new Thread(() -> {
            try {
                Thread.sleep(DUMMY_AFTER.toMillis());
            } catch (InterruptedException e) {
                return;
            }
            dummy();
        }, "qc-security-dummy-hash");
        dummyHash.setDaemon(true);
        dummyHash.start();
    }

    /** A new configuration applies to the next request; sessions and hashes already stored stay valid. */
    @Modified
    synchronized void modified(SecurityConfiguration config) {
        Settings next = Settings.of(config);
        this.passwords = new Passwords(random, next.iterations());
        this.rate = new LoginRate(next.loginsPerMinute(), System::nanoTime);
        cache.ttl(config.sessionCacheSeconds());
        this.dummy = null;
        this.settings = next;
    }

    /** The hash an unknown username is checked against, made with the present work factor. */
    private AccountTx.PasswordHash dummy() {
        AccountTx.PasswordHash hash = dummy;
        if (hash == null) {
            synchronized (this) {
                hash = dummy;
                if (hash == null) {
                    hash = passwords.hash(tokens.next());
                    dummy = hash;
                }
            }
        }
        return hash;
    }


    @Override
    public Session login(String username, String password, String source) {
        String name = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
        name = name.length() > MAX_NAME ? name.substring(0, MAX_NAME) : name;
        String from = source == null || source.isBlank() ? "unknown"
                : source.length() > MAX_SOURCE ? source.substring(0, MAX_SOURCE) : source;
        String secret = password == null ? "" : password;
        Optional<Duration> wait = rate.admit(from);
        if (wait.isPresent()) {
            throw rateLimited(wait.get());
        }
        Settings now = settings;
        Instant at = clock.instant();
        String account = name;
        Attempt attempt = store.transaction(tx -> new Attempt(tx.accounts().credentials(account),
                now.lockout().lockedUntil(times(tx.accounts().failures(account, from, at.minus(now.lockout().lookBack()))),
                        at)));
        boolean known = attempt.credentials().isPresent();
        if (attempt.lockedUntil().isPresent()) {
            Instant until = attempt.lockedUntil().get();
            store.transaction(tx -> {
                SecurityAudit.session(tx, at, SecurityAudit.ANONYMOUS, "login-refused-locked",
                        attempt.credentials().map(c -> c.user().id()).orElse(0L),
                        SecurityAudit.attempt(account, known, from));
                return null;
            });
            throw locked(Duration.between(at, until));
        }
        // same work whether or not the account exists; a password over the policy's maximum is never right
        boolean right = secret.length() <= PasswordPolicy.MAX_LENGTH
                & passwords.matches(secret.length() <= PasswordPolicy.MAX_LENGTH ? secret : "",
                        attempt.credentials().map(Credentials::password).orElseGet(this::dummy));
        Optional<User> user = attempt.credentials().map(Credentials::user).filter(u -> right && !u.disabled());
        if (user.isPresent()) {
            return open(user.get(), from, at, now);
        }
        Optional<Instant> lockedNow = store.transaction(tx -> {
            tx.accounts().recordFailure(account, from, at);
            long id = attempt.credentials().map(c -> c.user().id()).orElse(0L);
            SecurityAudit.session(tx, at, SecurityAudit.ANONYMOUS, "login-failed", id,
                    SecurityAudit.attempt(account, known, from));
            Optional<Instant> until = now.lockout().lockedUntil(times(tx.accounts().failures(account, from,
                    at.minus(now.lockout().lookBack()))), at);
            until.ifPresent(end -> SecurityAudit.session(tx, at, SecurityAudit.ANONYMOUS, "locked", id, Map.of(
                    "username", known ? account : SecurityAudit.masked(account), "source", from, "until", end.toString())));
            return until;
        });
        throw wrongCredentials(lockedNow.isPresent());
    }

    private Session open(User user, String source, Instant at, Settings now) {
        SessionTimes times = new SessionTimes(now.idle(), now.absolute());
        String token = tokens.next();
        String csrf = tokens.next();
        Instant absoluteEnd = times.absoluteEnd(at);
        store.transaction(tx -> {
            tx.accounts().forgetFailures(user.username(), source);
            long id = tx.accounts().openSession(user.id(), Tokens.hash(token), Tokens.hash(csrf), at, absoluteEnd,
                    source);
            SecurityAudit.session(tx, at, user.username(), "login", user.id(), Map.of("sessionId", id, "source", source));
            return id;
        });
        return new Session(token, csrf, times.end(at, absoluteEnd), user);
    }

    @Override
    public Authentication authenticate(String token) {
        if (!Tokens.wellFormed(token)) {
            throw invalidSession();
        }
        Settings now = settings;
        SessionTimes times = new SessionTimes(now.idle(), now.absolute());
        Instant at = clock.instant();
        String hash = Tokens.hash(token);
        Optional<SessionCache.Entry> hit = cache.get(hash);
        if (hit.isPresent() && !ended(hit.get().session(), times, at)
                && !dueForTouch(hit.get().session(), at)) {
            return authentication(hit.get().session(), hit.get().user(), times);
        }
        long generation = cache.generation();
        SessionCache.Entry read = store.transaction(tx -> {
            StoredSession session = tx.accounts().session(hash).orElseThrow(SessionService::invalidSession);
            if (session.revokedAt() != null || ended(session, times, at)) {
                throw invalidSession();
            }
            User user = tx.accounts().user(session.userId()).filter(u -> !u.disabled())
                    .orElseThrow(SessionService::invalidSession);
            if (dueForTouch(session, at)) {
                tx.accounts().touchSession(session.id(), at);
                session = new StoredSession(session.id(), session.userId(), session.csrfHash(), session.createdAt(),
                        at, session.absoluteEnd(), null, session.serviceToken());
            }
            return new SessionCache.Entry(session, user, 0);
        });
        cache.put(hash, read.session(), read.user(), generation);
        return authentication(read.session(), read.user(), times);
    }

    /** A service token has no idle timeout: an integration may call once a day. */
    private static boolean ended(StoredSession session, SessionTimes times, Instant at) {
        return session.serviceToken() ? !at.isBefore(session.absoluteEnd())
                : times.ended(session.lastSeenAt(), session.absoluteEnd(), at);
    }

    /** A use is written back at most once a minute. */
    private static boolean dueForTouch(StoredSession session, Instant at) {
        return Duration.between(session.lastSeenAt(), at).compareTo(SessionTimes.TOUCH_AFTER) >= 0;
    }

    private static Authentication authentication(StoredSession session, User user, SessionTimes times) {
        return new Authentication(user, session.id(), session.serviceToken() ? session.absoluteEnd()
                : times.end(session.lastSeenAt(), session.absoluteEnd()), session.csrfHash());
    }

    @Override
    public void checkCsrf(Authentication session, String csrfToken) {
        if (!Tokens.wellFormed(csrfToken) || !Tokens.matches(csrfToken, session.csrfHash())) {
            throw new AccessException(Kind.FORBIDDEN, "X-CSRF-Token", "csrf", "a request with the session cookie that"
                    + " changes something must carry X-CSRF-Token with the csrfToken of the login",
                    "携带会话 Cookie 的写操作须在请求头 X-CSRF-Token 中携带登录时返回的 csrfToken");
        }
    }

    @Override
    public Authentication current() {
        return Access.session();
    }

    @Override
    public void logout() {
        Authentication session = Access.session();
        Instant at = clock.instant();
        store.transaction(tx -> {
            tx.accounts().revokeSession(session.sessionId(), at);
            SecurityAudit.session(tx, at, session.user().username(), "logout", session.user().id(),
                    Map.of("sessionId", session.sessionId()));
            return null;
        });
        cache.forgetUser(session.user().id());
    }

    @Override
    public User changePassword(String currentPassword, String newPassword) {
        Authentication session = Access.session();
        User user = session.user();
        Settings now = settings;
        Credentials stored = store.transaction(tx -> tx.accounts().credentials(user.username()))
                .orElseThrow(SessionService::invalidSession);
        String current = currentPassword == null ? "" : currentPassword;
        if (current.length() > PasswordPolicy.MAX_LENGTH || !passwords.matches(current, stored.password())) {
            Instant at = clock.instant();
            store.transaction(tx -> {
                SecurityAudit.user(tx, at, user.username(), "password-change-refused", user.id(), null,
                        Map.of("reason", "wrong current password"));
                return null;
            });
            throw new AccessException(Kind.INVALID, "currentPassword", "credentials", "is not your current password",
                    "不是您当前的密码");
        }
        now.policy().check("newPassword", user.username(), newPassword);
        if (newPassword.equals(current)) {
            throw new AccessException(Kind.INVALID, "newPassword", "password:unchanged",
                    "must differ from the current password", "不得与当前密码相同");
        }
        AccountTx.PasswordHash hash = passwords.hash(newPassword);
        Instant at = clock.instant();
        User changed = store.transaction(tx -> {
            User after = tx.accounts().setPassword(user.id(), hash, false, at);
            int ended = tx.accounts().revokeSessions(user.id(), at, session.sessionId());
            SecurityAudit.user(tx, at, user.username(), "password-changed", user.id(), null,
                    Map.of("otherSessionsEnded", ended));
            return after;
        });
        cache.forgetUser(user.id());
        if (InitialAdmin.USERNAME.equals(user.username())) {
            InitialAdmin.forget(log);
        }
        return changed;
    }

    /** The console languages a user may choose; the first is the default. */
    static final List<String> LANGUAGES = List.of("zh", "en");

    @Override
    public String language() {
        long user = Access.session().user().id();
        return store.transaction(tx -> tx.accounts().language(user));
    }

    @Override
    public String setLanguage(String language) {
        User user = Access.require(org.qiancheng.api.security.Permissions.AUTHENTICATED).user();
        if (language == null || !LANGUAGES.contains(language)) {
            throw new AccessException(Kind.INVALID, "language", "enum:zh|en", "must be zh or en, exactly as written",
                    "须为 zh 或 en（区分大小写）");
        }
        Instant at = clock.instant();
        store.transaction(tx -> {
            tx.accounts().setLanguage(user.id(), language);
            SecurityAudit.user(tx, at, user.username(), "language-changed", user.id(), null,
                    Map.of("language", language));
            return null;
        });
        return language;
    }

    private static List<Instant> times(List<AccountTx.Failure> failures) {
        return failures.stream().map(AccountTx.Failure::at).toList();
    }

    private record Attempt(Optional<Credentials> credentials, Optional<Instant> lockedUntil) {
    }

    static AccessException invalidSession() {
        return new AccessException(Kind.UNAUTHENTICATED, null, "session", "the session token is unknown, has expired"
                + " or was revoked; log in again (POST /api/v1/session)",
                "会话令牌无效、已过期或已被注销；请重新登录（POST /api/v1/session）");
    }

    private static AccessException wrongCredentials(boolean nowLocked) {
        return new AccessException(Kind.UNAUTHENTICATED, "password", "credentials",
                "wrong username or password" + (nowLocked ? "; too many failures: logins of this account from this"
                        + " address are now locked for a while" : ""),
                "用户名或密码错误" + (nowLocked ? "；失败次数过多，该账户从此地址的登录已被暂时锁定" : ""));
    }

    @Override
    public String source(String peer, String forwardedFor) {
        java.util.Set<String> proxies = settings.trustedProxies();
        if (forwardedFor == null || !proxies.contains(peer)) {
            return peer;
        }
        String[] hops = forwardedFor.split(",");
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = hops[i].strip();
            // the nearest hop the trusted proxies did not add themselves; whatever is left of it the client wrote
            if (!hop.isEmpty() && !proxies.contains(hop)) {
                return hop;
            }
        }
        return peer;
    }

    static AccessException rateLimited(Duration left) {
        long seconds = Math.max(1, left.toSeconds() + 1);
        return new AccessException(Kind.LOCKED, null, "rate-limit", "too many login attempts from this address: try"
                + " again in " + seconds + " second(s)", "此地址登录尝试过于频繁：请 " + seconds + " 秒后再试",
                Duration.ofSeconds(seconds));
    }

    static AccessException locked(Duration left) {
        long minutes = Math.max(1, (left.getSeconds() + 59) / 60);
        return new AccessException(Kind.LOCKED, "username", "locked", "too many failed logins: logins of this account"
                + " from this address are locked for " + minutes + " more minute(s), or until a security administrator"
                + " unlocks it", "登录失败次数过多：该账户从此地址的登录已锁定，还需 " + minutes + " 分钟，或由安全管理员解锁",
                left);
    }
}
