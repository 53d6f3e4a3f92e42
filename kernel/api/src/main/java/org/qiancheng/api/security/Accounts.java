package org.qiancheng.api.security;

import org.osgi.annotation.versioning.ProviderType;
import org.qiancheng.api.security.UserDrafts.NewUser;
import org.qiancheng.api.security.UserDrafts.UserChange;
import org.qiancheng.api.workflow.Page;

/**
 * User accounts, managed by a {@link Role#SECURITY_ADMIN} acting as the {@link CurrentUser}. A
 * security administrator grants only regions within their own, never gives one user business and
 * administrator roles together, and never changes their own roles. Every change enters the audit
 * trail under the administrator's name.
 * <p>
 * Every method throws {@link AccessException} UNAUTHENTICATED without a current user and FORBIDDEN
 * when the current user is no security administrator or must change their password first.
 */
@ProviderType
public interface Accounts {

    /**
     * Creates a user who must change the initial password at the first login.
     *
     * @param draft the user
     * @return the user created
     * @throws AccessException INVALID for a broken input or grant rule, CONFLICT when the username is taken
     */
    User create(NewUser draft);

    /**
     * @param id a user's id
     * @return the user
     * @throws AccessException NOT_FOUND when there is none
     */
    User user(long id);

    /**
     * @param offset how many to skip
     * @param limit how many at most, 1 to 500
     * @return the users in id order
     */
    Page<User> users(int offset, int limit);

    /**
     * Changes a user's roles, regions or standing; disabling ends the user's sessions.
     *
     * @param id the user's id
     * @param change what changes
     * @param expectedVersion the version the caller read
     * @return the user after the change
     * @throws AccessException NOT_FOUND, INVALID (a grant rule), or CONFLICT (rule {@code version}) when
     *     the version is stale
     */
    User update(long id, UserChange change, long expectedVersion);

    /**
     * Deletes a user and ends the user's sessions. Nobody deletes their own account. The audit trail
     * keeps the username in the entries the user made.
     *
     * @param id the user's id
     * @param expectedVersion the version the caller read
     * @throws AccessException NOT_FOUND, INVALID (own account) or CONFLICT (rule {@code version})
     */
    void delete(long id, long expectedVersion);

    /**
     * Lifts every lockout of a user (from every source address) and forgets the failed logins.
     *
     * @param id the user's id
     * @return the user
     * @throws AccessException NOT_FOUND when there is none
     */
    User unlock(long id);

    /**
     * Ends every open session of a user.
     *
     * @param id the user's id
     * @return how many sessions ended
     * @throws AccessException NOT_FOUND when there is none
     */
    int revokeSessions(long id);

    /**
     * Creates a service account (SECURITY_ADMIN): business roles only, regions within the
     * administrator's own; its stored password is random and never shown, so it cannot log in.
     *
     * @param draft its name, roles and regions
     * @return the account
     * @throws AccessException INVALID naming the field, or CONFLICT when the username is taken
     * @since 1.1
     */
    User createServiceAccount(UserDrafts.NewServiceAccount draft);

    /**
     * Issues a long-lived token to a service account (SECURITY_ADMIN): no idle timeout ends it, only its
     * end or a revocation ({@link #revokeSessions}).
     *
     * @param id the service account's id
     * @param days how long it lasts, 1–365
     * @return the token, shown only this once
     * @throws AccessException NOT_FOUND, or INVALID naming {@code days}, or naming {@code id} (rule
     *     {@code service-account}) when the user is a person
     * @since 1.1
     */
    UserDrafts.ServiceToken issueToken(long id, int days);
}
