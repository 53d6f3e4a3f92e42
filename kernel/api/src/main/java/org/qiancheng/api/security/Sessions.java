package org.qiancheng.api.security;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Logins, sessions and passwords. Every login, failure, lockout, logout and password change enters
 * the audit trail; no password or token ever does.
 */
@ProviderType
public interface Sessions {

    /**
     * Logs a user in. A wrong password and an unknown username get the same answer in about the same
     * time. After too many failures within a window (by default 5 in 15 minutes) the account is locked
     * for logins from that source address only (by default for 15 minutes).
     *
     * @param username the login name (case-insensitive)
     * @param password the password
     * @param source the client's address, e.g. {@code 203.0.113.7}
     * @return the new session with its token, shown only this once
     * @throws AccessException UNAUTHENTICATED (rule {@code credentials}) when the name or password is
     *     wrong or the account is disabled; LOCKED (rule {@code locked}) while locked out from this source,
     *     or (rule {@code rate-limit}) when the source has made too many attempts in the last minute
     */
    Session login(String username, String password, String source);

    /**
     * The client's address for the lockout and the audit trail: the TCP peer, unless the peer is a
     * configured trusted reverse proxy, in which case the nearest address of {@code X-Forwarded-For}
     * that is not itself a trusted proxy.
     *
     * @param peer the TCP peer's address
     * @param forwardedFor the {@code X-Forwarded-For} header, or {@code null}
     * @return the address to count logins against
     * @since 1.1
     */
    String source(String peer, String forwardedFor);

    /**
     * Resolves a bearer token and counts the use against the idle timeout.
     *
     * @param token the token a client sent
     * @return the session's user and the session
     * @throws AccessException UNAUTHENTICATED (rule {@code session}) when the token is unknown, revoked,
     *     idle too long or past its absolute end, or its user is disabled or deleted
     */
    Authentication authenticate(String token);

    /**
     * Checks the CSRF token a browser sent with the session cookie, in constant time.
     *
     * @param session the session the cookie named
     * @param csrfToken the value of the {@code X-CSRF-Token} header, or {@code null}
     * @throws AccessException FORBIDDEN (rule {@code csrf}) when it is missing or not the session's
     */
    void checkCsrf(Authentication session, String csrfToken);

    /**
     * The session of the {@link CurrentUser}, as resolved from the request.
     *
     * @return the current session and its user
     * @throws AccessException UNAUTHENTICATED (rule {@code session}) without a session
     */
    Authentication current();

    /**
     * Ends the session of the {@link CurrentUser}; its token is refused from now on.
     *
     * @throws AccessException UNAUTHENTICATED without a session
     */
    void logout();

    /**
     * Changes the password of the {@link CurrentUser}, which clears {@link User#mustChangePassword()}
     * and ends the user's other sessions.
     *
     * @param currentPassword the password now
     * @param newPassword the new password, meeting the password policy and differing from the current
     * @return the user after the change
     * @throws AccessException UNAUTHENTICATED without a session; INVALID when the current password is wrong
     *     (field {@code currentPassword}, rule {@code credentials}) or the new one breaks the policy (rule
     *     {@code password:…})
     */
    User changePassword(String currentPassword, String newPassword);

    /**
     * The console language of the {@link CurrentUser}: {@code zh} (the default, until chosen) or {@code en}.
     *
     * @return the language
     * @throws AccessException UNAUTHENTICATED without a session
     * @since 1.2
     */
    String language();

    /**
     * Stores the console language of the {@link CurrentUser} on the account (not only the session). A
     * preference, not an account change: the user's version stays as it is.
     *
     * @param language exactly {@code zh} or {@code en}
     * @return the language stored
     * @throws AccessException UNAUTHENTICATED without a session; FORBIDDEN while the password must be changed;
     *     INVALID naming {@code language} (rule {@code enum:zh|en}) for anything else
     * @since 1.2
     */
    String setLanguage(String language);
}
