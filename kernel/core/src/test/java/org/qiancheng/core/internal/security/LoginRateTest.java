package org.qiancheng.core.internal.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class LoginRateTest {

    private final AtomicLong nanos = new AtomicLong(1_000);
    private final LoginRate rate = new LoginRate(3, nanos::get);

    @Test
    void aSourceGetsItsAttemptsPerMinuteAndThenWaitsForTheOldestToAgeOut() {
        for (int i = 0; i < 3; i++) {
            assertEquals(Optional.empty(), rate.admit("10.0.0.1"));
            nanos.addAndGet(Duration.ofSeconds(10).toNanos());
        }
        assertEquals(Optional.of(Duration.ofSeconds(30)), rate.admit("10.0.0.1"));
        assertEquals(Optional.empty(), rate.admit("10.0.0.2"), "another address is not held back");
        nanos.addAndGet(Duration.ofSeconds(30).toNanos());
        assertEquals(Optional.empty(), rate.admit("10.0.0.1"));
        assertTrue(rate.admit("10.0.0.1").isPresent());
    }
}
