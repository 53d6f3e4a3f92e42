package org.qiancheng.core.internal.workflow;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.qiancheng.api.security.Authentication;
import org.qiancheng.api.security.CurrentUser;
import org.qiancheng.api.security.Role;
import org.qiancheng.api.security.User;

/** Unit tests of a service act as a user, as the REST layer sets one from a session. */
final class Signed {

    private Signed() {
    }

    /** Makes a user of the roles and regions the current user of this thread. */
    static void in(Set<Role> roles, String... regions) {
        User user = new User(7, "unit." + roles.iterator().next().name().toLowerCase(java.util.Locale.ROOT), roles,
                List.of(regions), false, false, null, Instant.EPOCH, Instant.EPOCH, 1);
        CurrentUser.set(new Authentication(user, 1, Instant.MAX, "csrf"));
    }

    static void out() {
        CurrentUser.clear();
    }
}
