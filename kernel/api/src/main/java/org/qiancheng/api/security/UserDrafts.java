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
    public record UserChange(Set<Role> roles, List<String> regions, Boolean disabled) {
    }
}
