package org.qiancheng.core.internal.security;

import org.qiancheng.api.security.AccessException;
import org.qiancheng.api.security.AccessException.Kind;
import org.qiancheng.api.security.Authentication;
import org.qiancheng.api.security.CurrentUser;
import org.qiancheng.api.security.Role;

/** The checks of the current user that a service makes before it acts. */
final class Guard {

    private Guard() {
    }

    /** @throws AccessException UNAUTHENTICATED without a session */
    static Authentication session() {
        return CurrentUser.session().orElseThrow(() -> new AccessException(Kind.UNAUTHENTICATED, null, "session",
                "log in first: send Authorization: Bearer <token> from POST /api/v1/session",
                "请先登录：携带 POST /api/v1/session 返回的令牌（Authorization: Bearer <token>）"));
    }

    /**
     * @throws AccessException UNAUTHENTICATED without a session; FORBIDDEN when the user must change the
     *     password first (rule {@code password-change-required}) or lacks the role (rule {@code role})
     */
    static Authentication role(Role role) {
        Authentication session = session();
        if (session.user().mustChangePassword()) {
            throw passwordChangeRequired();
        }
        if (!session.user().has(role)) {
            throw new AccessException(Kind.FORBIDDEN, null, "role", "this needs the role " + role + " ("
                    + role.nameEn() + ")", "此操作需要" + role.nameZh() + "（" + role + "）角色");
        }
        return session;
    }

    static AccessException passwordChangeRequired() {
        return new AccessException(Kind.FORBIDDEN, null, "password-change-required",
                "change your password first (PUT /api/v1/session/password); until then a session may only do that"
                        + " or log out", "请先修改密码（PUT /api/v1/session/password）；修改前本会话只能修改密码或退出登录");
    }
}
