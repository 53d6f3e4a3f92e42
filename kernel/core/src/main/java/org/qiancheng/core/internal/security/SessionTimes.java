package org.qiancheng.core.internal.security;

import java.time.Duration;
import java.time.Instant;

/** When a session ends: an idle time after its last use, and never after its absolute end. */
record SessionTimes(Duration idle, Duration absolute) {

    /** A use is written back only when the last one is older than this, so a busy session costs no write per request. */
    static final Duration TOUCH_AFTER = Duration.ofMinutes(1);

    /** @return the absolute end of a session opened at {@code login} */
    Instant absoluteEnd(Instant login) {
        return login.plus(absolute);
    }

    /** @return when a session last used at {@code lastSeen} ends if unused, at the latest at its absolute end */
    Instant end(Instant lastSeen, Instant absoluteEnd) {
        Instant idleEnd = lastSeen.plus(idle);
        return idleEnd.isBefore(absoluteEnd) ? idleEnd : absoluteEnd;
    }

    /** @return whether the session has ended at {@code now} */
    boolean ended(Instant lastSeen, Instant absoluteEnd, Instant now) {
        return !now.isBefore(end(lastSeen, absoluteEnd));
    }
}
