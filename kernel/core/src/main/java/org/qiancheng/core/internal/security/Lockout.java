package org.qiancheng.core.internal.security;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * When failed logins lock an account for one source address: {@code failures} failures within
 * {@code window} lock it for {@code lock} after the last of them (5, 15 min and 15 min by default).
 * Computed from the stored failures alone, so it needs no state of its own; while locked, attempts
 * are refused without being counted, and a successful login or an unlock forgets the failures.
 */
record Lockout(int failures, Duration window, Duration lock) {

    /** How far back failures can matter: a lock may have begun a window ago and still run. */
    Duration lookBack() {
        return window.plus(lock);
    }

    /**
     * @param times the failures of one account from one source, oldest first
     * @param now the time of the attempt
     * @return the end of the lockout in force at {@code now}, or empty
     */
    Optional<Instant> lockedUntil(List<Instant> times, Instant now) {
        Instant until = null;
        for (int last = failures - 1; last < times.size(); last++) {
            Instant first = times.get(last - failures + 1);
            Instant end = times.get(last);
            if (Duration.between(first, end).compareTo(window) < 0) {
                Instant lockEnd = end.plus(lock);
                if (lockEnd.isAfter(now) && (until == null || lockEnd.isAfter(until))) {
                    until = lockEnd;
                }
            }
        }
        return Optional.ofNullable(until);
    }
}
