package org.qiancheng.core.internal.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Idle and absolute expiry of a session, with a moving clock. */
class SessionTimesTest {

    private final SessionTimes times = new SessionTimes(Duration.ofMinutes(30), Duration.ofHours(12));
    private final MovingClock clock = new MovingClock("2026-11-25T08:00:00Z");

    @Test
    void anUnusedSessionEndsThirtyMinutesAfterItsLastUse() {
        Instant login = clock.instant();
        Instant end = times.absoluteEnd(login);
        clock.advance(Duration.ofMinutes(29));
        assertFalse(times.ended(login, end, clock.instant()));
        clock.advance(Duration.ofMinutes(1));
        assertTrue(times.ended(login, end, clock.instant()));
    }

    @Test
    void aSessionUsedEveryTwentyMinutesStillEndsTwelveHoursAfterTheLogin() {
        Instant login = clock.instant();
        Instant end = times.absoluteEnd(login);
        Instant lastSeen = login;
        while (clock.instant().isBefore(login.plus(Duration.ofHours(12)))) {
            assertFalse(times.ended(lastSeen, end, clock.instant()), "open at " + clock.instant());
            lastSeen = clock.instant();
            clock.advance(Duration.ofMinutes(20));
        }
        assertTrue(times.ended(lastSeen, end, clock.instant()));
        assertEquals(login.plus(Duration.ofHours(12)), times.end(login.plus(Duration.ofHours(11).plusMinutes(50)), end));
    }
}
