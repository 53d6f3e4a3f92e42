package org.qiancheng.api.security;

import java.time.Instant;

/**
 * A session token resolved to its user.
 *
 * @param user the user, as stored now
 * @param sessionId the session's id
 * @param expiresAt when the session ends unless used before
 * @param csrfHash the SHA-256 (hex) of the session's CSRF token
 */
public record Authentication(User user, long sessionId, Instant expiresAt, String csrfHash) {
}
