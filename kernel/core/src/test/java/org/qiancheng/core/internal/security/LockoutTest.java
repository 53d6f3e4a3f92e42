package org.qiancheng.core.internal.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The lockout of one account per source address, over failures recorded at the time of a moving clock. */
class LockoutTest {

    private final Lockout lockout = new Lockout(5, Duration.ofMinutes(15), Duration.ofMinutes(15));
    private final MovingClock clock = new MovingClock("2026-11-25T08:00:00Z");
    private final Map<String, List<Instant>> failures = new HashMap<>();

    private void fail(String source) {
        failures.computeIfAbsent(source, s -> new ArrayList<>()).add(clock.instant());
    }

    private Optional<Instant> locked(String source) {
        return lockout.lockedUntil(failures.getOrDefault(source, List.of()), clock.instant());
    }

    @Test
    void theFifthFailureWithinFifteenMinutesLocksForFifteenMinutesFromThatSourceOnly() {
        for (int i = 1; i <= 4; i++) {
            fail("10.0.0.1");
            assertTrue(locked("10.0.0.1").isEmpty(), "not locked after " + i + " failures");
            clock.advance(Duration.ofMinutes(3));
        }
        fail("10.0.0.1");
        Instant fifth = clock.instant();
        assertEquals(Optional.of(fifth.plus(Duration.ofMinutes(15))), locked("10.0.0.1"));
        assertTrue(locked("10.0.0.2").isEmpty(), "another source is not locked");

        clock.advance(Duration.ofMinutes(14).plusSeconds(59));
        assertTrue(locked("10.0.0.1").isPresent(), "still locked a second before the end");
        clock.advance(Duration.ofSeconds(1));
        assertTrue(locked("10.0.0.1").isEmpty(), "unlocked 15 minutes after the fifth failure");
        fail("10.0.0.1");
        assertTrue(locked("10.0.0.1").isEmpty(), "the old failures no longer count: one failure after the lock");
    }

    @Test
    void failuresSpreadOverMoreThanTheWindowDoNotLock() {
        for (int i = 0; i < 10; i++) {
            fail("10.0.0.1");
            clock.advance(Duration.ofMinutes(4));
        }
        assertTrue(locked("10.0.0.1").isEmpty());
    }

    @Test
    void lookBackCoversAWindowAndALock() {
        assertEquals(Duration.ofMinutes(30), lockout.lookBack());
    }
}
