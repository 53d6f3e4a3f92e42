package org.qiancheng.core.internal.security;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.qiancheng.api.security.Role;
import org.qiancheng.api.security.User;
import org.qiancheng.persistence.AccountTx.StoredSession;

class SessionCacheTest {

    private final AtomicLong nanos = new AtomicLong(5_000);
    private final SessionCache cache = new SessionCache(nanos::get);
    private final User clerk = new User(3, "clerk", Set.of(Role.CLERK), List.of("510000"), false, false, null,
            Instant.EPOCH, Instant.EPOCH, 1);
    private final StoredSession session = new StoredSession(9, 3, "csrf", Instant.EPOCH, Instant.EPOCH,
            Instant.EPOCH.plus(Duration.ofHours(12)), null, false);

    @Test
    void aReadIsReusedForItsTimeToLiveOnly() {
        cache.put("h", session, clerk, cache.generation());
        assertTrue(cache.get("h").isPresent());
        nanos.addAndGet(Duration.ofSeconds(10).toNanos());
        assertFalse(cache.get("h").isPresent());
    }

    @Test
    void forgettingAUserDropsTheirSessionsAndAReadBegunBeforeIsNotKept() {
        cache.put("h", session, clerk, cache.generation());
        long before = cache.generation();
        cache.forgetUser(3);
        assertFalse(cache.get("h").isPresent());
        cache.put("h", session, clerk, before); // read before the change, arriving after it
        assertFalse(cache.get("h").isPresent());
        cache.put("h", session, clerk, cache.generation());
        assertTrue(cache.get("h").isPresent());
    }

    @Test
    void aTimeToLiveOfZeroKeepsNothing() {
        cache.ttl(0);
        cache.put("h", session, clerk, cache.generation());
        assertFalse(cache.get("h").isPresent());
    }
}
