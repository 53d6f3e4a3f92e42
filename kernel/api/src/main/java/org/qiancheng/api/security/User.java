package org.qiancheng.api.security;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * A user account as the platform shows it; the password hash never leaves the store.
 *
 * @param id the account's id
 * @param username the unique login name, lower case
 * @param roles what the user may do
 * @param regions the GB/T 2260 codes the user works in ({@code 100000} all, a province code its cities
 *     and districts)
 * @param mustChangePassword whether the next session may only change the password (or log out)
 * @param disabled whether the account may not log in at all
 * @param lockedUntil the end of the latest lockout of the account from some source address after too
 *     many failed logins, or {@code null} when no source is locked out now
 * @param createdAt when the account was created
 * @param passwordChangedAt when the password was last set
 * @param version the optimistic-locking version, also the ETag
 */
public record User(long id, String username, Set<Role> roles, List<String> regions, boolean mustChangePassword,
        boolean disabled, Instant lockedUntil, Instant createdAt, Instant passwordChangedAt, long version) {

    /** Copies the collections, so that a user is immutable. */
    public User {
        roles = Set.copyOf(roles);
        regions = List.copyOf(regions);
    }

    /**
     * @param role a role
     * @return whether the user holds it
     */
    public boolean has(Role role) {
        return roles.contains(role);
    }

    /**
     * @param lockedUntil the end of the current lockout, or {@code null}
     * @return this user with that lockout
     */
    public User withLockedUntil(Instant lockedUntil) {
        return new User(id, username, roles, regions, mustChangePassword, disabled, lockedUntil, createdAt,
                passwordChangedAt, version);
    }
}
