package org.qiancheng.core.internal.security;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.osgi.service.component.annotations.Component;
import org.qiancheng.api.security.User;
import org.qiancheng.persistence.AccountTx.StoredSession;

/**
 * Sessions recently read from the database, by the hash of their token, for a few seconds of real
 * time: without it every request reads its session and user again, which cost about a third of the
 * throughput of a preview (docs/benchmarks.md). A hit is still checked against the platform's clock
 * (idle and absolute ends), and a session due for its once-a-minute touch goes to the database.
 * Every change that can end or alter a session — logout, revocation, a password change, a change of
 * roles, regions or standing, a deletion — forgets what is cached before it returns; a read that
 * began before such a change is not cached after it (a global generation). Another node's
 * revocation reaches this node's cache within {@link #ttlNanos} at most.
 */
@Component(service = SessionCache.class)
public final class SessionCache {

    /** At most this many sessions are kept; past it the cache starts over. */
    private static final int MAX_ENTRIES = 20_000;

    /** A session and its user as read at {@code readAt} (real time, nanoseconds). */
    record Entry(StoredSession session, User user, long readAt) {
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final AtomicLong generation = new AtomicLong();
    private final LongSupplier nanos;
    private volatile long ttlNanos = java.time.Duration.ofSeconds(10).toNanos();

    public SessionCache() {
        this(System::nanoTime);
    }

    SessionCache(LongSupplier nanos) {
        this.nanos = nanos;
    }

    /** @param seconds how long a read stays usable; 0 turns the cache off */
    void ttl(int seconds) {
        ttlNanos = java.time.Duration.ofSeconds(seconds).toNanos();
        forgetAll();
    }

    /** @return the generation to hand back to {@link #put} after reading from the database */
    long generation() {
        return generation.get();
    }

    /** The cached session of a token hash, if read less than the time to live ago. */
    Optional<Entry> get(String tokenHash) {
        Entry entry = entries.get(tokenHash);
        if (entry == null) {
            return Optional.empty();
        }
        if (nanos.getAsLong() - entry.readAt() >= ttlNanos) {
            entries.remove(tokenHash, entry);
            return Optional.empty();
        }
        return Optional.of(entry);
    }

    /** Keeps a read, unless something was forgotten since the read began. */
    void put(String tokenHash, StoredSession session, User user, long readGeneration) {
        if (ttlNanos == 0) {
            return;
        }
        if (entries.size() >= MAX_ENTRIES) {
            entries.clear();
        }
        entries.put(tokenHash, new Entry(session, user, nanos.getAsLong()));
        if (generation.get() != readGeneration) {
            entries.remove(tokenHash);
        }
    }

    /** Forgets every session of a user. */
    void forgetUser(long userId) {
        generation.incrementAndGet();
        entries.values().removeIf(entry -> entry.user().id() == userId);
    }

    /** Forgets everything. */
    void forgetAll() {
        generation.incrementAndGet();
        entries.clear();
    }
}
