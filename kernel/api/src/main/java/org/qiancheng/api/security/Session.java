package org.qiancheng.api.security;

import java.time.Instant;

/**
 * A session just opened by a login. The token and the CSRF token are shown only here, once: the
 * platform keeps only their SHA-256.
 *
 * @param token the bearer token, 256 random bits in base64url
 * @param csrfToken the value a browser sends in {@code X-CSRF-Token} with the session cookie on a
 *     request that changes something
 * @param expiresAt when the session ends unless used before (the idle timeout), never later than its
 *     absolute end
 * @param user the user logged in
 */
public record Session(String token, String csrfToken, Instant expiresAt, User user) {

    /** Keeps the secrets out of logs and exception messages. */
    @Override
    public String toString() {
        return "Session[user=" + user.username() + ", expiresAt=" + expiresAt + "]";
    }
}
