package org.qiancheng.core.internal.security;

import org.qiancheng.api.security.AccessException;
import org.qiancheng.api.security.AccessException.Kind;
import org.qiancheng.api.security.Authentication;
import org.qiancheng.api.security.CurrentUser;
import org.qiancheng.api.security.Permissions;
import org.qiancheng.api.security.RegionScope;

/**
 * The checks of the current user that every kernel service makes before it acts: a session, no
 * pending password change, and the permission the {@link PermissionMatrix} gives the operation.
 */
public final class Access {

    private Access() {
    }

    /** @throws AccessException UNAUTHENTICATED without a session */
    static Authentication session() {
        return CurrentUser.session().orElseThrow(() -> new AccessException(Kind.UNAUTHENTICATED, null, "session",
                "log in first: send Authorization: Bearer <token> from POST /api/v1/session",
                "请先登录：携带 POST /api/v1/session 返回的令牌（Authorization: Bearer <token>）"));
    }

    /**
     * @param permission a permission of the matrix, or {@link Permissions#AUTHENTICATED}
     * @return the current session
     * @throws AccessException UNAUTHENTICATED without a session; FORBIDDEN when the user must change the
     *     password first (rule {@code password-change-required}) or lacks the permission (rule {@code permission})
     */
    public static Authentication require(String permission) {
        Authentication session = session();
        if (session.user().mustChangePassword()) {
            throw passwordChangeRequired();
        }
        if (!permission.equals(Permissions.AUTHENTICATED)
                && !PermissionMatrix.SHIPPED.granted(session.user().roles(), permission)) {
            throw forbidden(permission);
        }
        return session;
    }

    /**
     * @param permission a permission of the matrix
     * @return the regions of the current user, who holds the permission
     * @throws AccessException as {@link #require}
     */
    public static RegionScope scope(String permission) {
        return RegionScope.of(require(permission).user());
    }

    static AccessException forbidden(String permission) {
        var meaning = PermissionMatrix.SHIPPED.meaning(permission).orElseThrow();
        return new AccessException(Kind.FORBIDDEN, null, "permission", "this needs the permission " + permission
                + " (" + meaning.en() + "), which none of your roles gives", "此操作需要权限 " + permission + "（"
                + meaning.zh() + "），您的角色均不具备");
    }

    static AccessException passwordChangeRequired() {
        return new AccessException(Kind.FORBIDDEN, null, "password-change-required",
                "change your password first (PUT /api/v1/session/password); until then a session may only do that"
                        + " or log out", "请先修改密码（PUT /api/v1/session/password）；修改前本会话只能修改密码或退出登录");
    }
}
