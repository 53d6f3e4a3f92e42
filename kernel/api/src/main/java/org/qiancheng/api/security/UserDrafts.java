package org.qiancheng.api.security;

import java.util.List;
import java.util.Set;

/** What a security administrator sends to create or change a user. */
public final class UserDrafts {

    private UserDrafts() {
    }

    /**
     * A new user; the password is an initial one that the user must change at the first login.
     *
     * @param username the login name: 3–64 of {@code a-z 0-9 . _ -}, stored in lower case
     * @param password the initial password, meeting the password policy
     * @param roles at least one role, never business and administrator roles together
     * @param regions at least one GB/T 2260 code, each within the creating administrator's regions
     */
    public record NewUser(String username, String password, Set<Role> roles, List<String> regions) {

        /** Keeps the password out of logs and exception messages. */
        @Override
        public String toString() {
            return "NewUser[username=" + username + ", roles=" + roles + ", regions=" + regions + "]";
        }
    }

    /**
     * A change of a user; {@code null} leaves a value as it is.
     *
     * @param roles the new roles
     * @param regions the new regions
     * @param disabled whether the account may no longer log in (its sessions end)
     */
    /**
     * A service account for an integration: it never logs in with a password and acts with tokens a
     * security administrator issues ({@link Accounts#issueToken}).
     *
     * @param username the login name, as for a user
     * @param roles business roles only
     * @param regions GB/T 2260 codes within the administrator's own
     * @since 1.1
     */
    public record NewServiceAccount(String username, Set<Role> roles, List<String> regions) {
    }

    /**
     * A token issued to a service account, shown only in this answer.
     *
     * @param user the service account
     * @param token the bearer token, 256 random bits
     * @param expiresAt when it ends unless revoked before
     * @since 1.1
     */
    public record ServiceToken(User user, String token, java.time.Instant expiresAt) {

        /** Never prints the token. */
        @Override
        public String toString() {
            return "ServiceToken[user=" + user.username() + ", expiresAt=" + expiresAt + "]";
        }
    }

    public record UserChange(Set<Role> roles, List<String> regions, Boolean disabled) {
    }
}
