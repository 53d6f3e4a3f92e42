package org.qiancheng.core.internal.security;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * At most so many login attempts per source address in any minute of real time. A password check
 * costs a noticeable fraction of a second of CPU (PBKDF2, 600 000 iterations), so logins under many
 * made-up usernames, each below its own lockout, could otherwise load the platform from one place.
 * Real elapsed time, not the platform's clock: the limit protects the CPU, and a fixed or moved
 * business clock must neither lift it nor freeze it.
 */
final class LoginRate {

    private static final long WINDOW = Duration.ofMinutes(1).toNanos();
    /** Above this many addresses, those idle for a window are forgotten. */
    private static final int PRUNE_ABOVE = 10_000;

    private final int perMinute;
    private final LongSupplier nanos;
    private final Map<String, Deque<Long>> recent = new ConcurrentHashMap<>();

    LoginRate(int perMinute, LongSupplier nanos) {
        this.perMinute = perMinute;
        this.nanos = nanos;
    }

    /**
     * Counts an attempt from a source, unless the source has used up its minute.
     *
     * @return empty when the attempt may go on; otherwise how long until the next one would
     */
    Optional<Duration> admit(String source) {
        long now = nanos.getAsLong();
        if (recent.size() > PRUNE_ABOVE) {
            recent.values().removeIf(times -> {
                synchronized (times) {
                    return times.isEmpty() || now - times.peekLast() >= WINDOW;
                }
            });
        }
        Deque<Long> times = recent.computeIfAbsent(source, s -> new ArrayDeque<>());
        synchronized (times) {
            while (!times.isEmpty() && now - times.peekFirst() >= WINDOW) {
                times.pollFirst();
            }
            if (times.size() >= perMinute) {
                return Optional.of(Duration.ofNanos(times.peekFirst() + WINDOW - now));
            }
            times.addLast(now);
            return Optional.empty();
        }
    }
}
