package org.qiancheng.rest.internal;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.util.Locale;
import java.util.Set;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsExtension;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsName;
import org.qiancheng.api.security.AccessException;
import org.qiancheng.api.security.AccessException.Kind;
import org.qiancheng.api.security.Authentication;
import org.qiancheng.api.security.CurrentUser;
import org.qiancheng.api.security.Permissions;
import org.qiancheng.api.security.Sessions;

/**
 * Who is asking, and may they, for the length of a request. A session comes as {@code
 * Authorization: Bearer <token>} or as the session cookie; with the cookie, a request that changes
 * something must also carry {@code X-CSRF-Token}. The resource method's {@link OperationId} names
 * the permission it needs in the permission matrix ({@link Permissions}): only the health check and
 * the login are anonymous (and read no credentials at all), every other operation needs a session
 * (401 without) whose roles give the permission (403 otherwise); an operation the matrix does not
 * list is refused to everybody. A valid session becomes the {@link CurrentUser}, and so the actor of
 * every audit entry. A user who must change the password may only do that, read the session or log
 * out. The kernel's services check the permission again, with the user's regions: this filter is
 * the first gate, not the only one.
 */
@Component(service = {ContainerRequestFilter.class, ContainerResponseFilter.class})
@JakartarsExtension
@JakartarsName("qiancheng.authentication")
public final class AuthenticationFilter implements ContainerRequestFilter, ContainerResponseFilter {

    static final String COOKIE = "qc_session";
    static final String CSRF_HEADER = "X-CSRF-Token";
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");
    /** The most of a refused request's body read to keep its connection open. */
    private static final long DISCARD_AT_MOST = 64 * 1024;
    /** Request property: the refused request's body was left unread, so the answer closes the connection. */
    private static final String CLOSE = "qiancheng.close-connection";
    /** What a session that must change its password may still do. */
    private static final Set<String> PASSWORD_CHANGE = Set.of("changePassword", "logout", "currentSession");

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile Sessions sessions;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile Permissions permissions;
    @Context
    private ResourceInfo resource;

    @Override
    public void filter(ContainerRequestContext request) {
        try {
            gate(request);
        } catch (AccessException refused) {
            discardBody(request);
            throw refused;
        }
    }

    /**
     * Reads and drops the body of a refused request, so that the connection stays usable for the
     * client's next request; a body larger than {@link #DISCARD_AT_MOST} is not read (it may be a
     * bundle upload): the answer then closes the connection instead.
     */
    private static void discardBody(ContainerRequestContext request) {
        if (!request.hasEntity()) {
            return;
        }
        try {
            InputStream body = request.getEntityStream();
            byte[] buffer = new byte[8192];
            long left = DISCARD_AT_MOST;
            int read;
            while (left > 0 && (read = body.read(buffer, 0, (int) Math.min(buffer.length, left))) >= 0) {
                left -= read;
            }
            if (left <= 0 && body.read() >= 0) {
                request.setProperty(CLOSE, Boolean.TRUE);
            }
        } catch (IOException e) {
            request.setProperty(CLOSE, Boolean.TRUE);
        }
    }

    private void gate(ContainerRequestContext request) {
        CurrentUser.clear();
        Permissions matrix = permissions;
        if (matrix == null) {
            throw unavailable();
        }
        String operation = operation();
        String permission = permission(matrix, operation);
        if (permission.equals(Permissions.ANONYMOUS)) {
            return;
        }
        Authentication session = session(request, request.getMethod().toUpperCase(Locale.ROOT));
        if (session == null) {
            throw new AccessException(Kind.UNAUTHENTICATED, null, "session-required", "log in first: POST"
                    + " /api/v1/session, then send Authorization: Bearer <token>",
                    "请先登录：POST /api/v1/session，然后携带 Authorization: Bearer <token>");
        }
        CurrentUser.set(session);
        if (session.user().mustChangePassword() && PASSWORD_CHANGE.contains(operation)) {
            return;
        }
        matrix.require(permission);
    }

    /** The operation id of the matched resource method; {@code null} when it has none. */
    private String operation() {
        Method method = resource == null ? null : resource.getResourceMethod();
        OperationId id = method == null ? null : method.getAnnotation(OperationId.class);
        return id == null ? null : id.value();
    }

    /** The permission of an operation; an unlisted operation, or a missing matrix, refuses everybody. */
    private static String permission(Permissions matrix, String operation) {
        return matrix.ofOperation(operation == null ? "" : operation).orElseThrow(() -> new AccessException(
                Kind.FORBIDDEN, null, "permission", "this operation is not in the permission matrix, so nobody may"
                        + " use it", "此操作不在权限矩阵中，任何人均不得使用"));
    }

    private static AccessException unavailable() {
        return new AccessException(Kind.UNAUTHENTICATED, null, "session", "sessions are unavailable: the security"
                + " service is not running (see the server log)", "会话服务未运行，无法验证会话（见服务器日志）");
    }

    /** The session the request names, or {@code null} when it names none. */
    private Authentication session(ContainerRequestContext request, String method) {
        String authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        Cookie cookie = request.getCookies().get(COOKIE);
        if (authorization == null && cookie == null) {
            return null;
        }
        Sessions available = sessions;
        if (available == null) {
            throw unavailable();
        }
        if (authorization != null) {
            if (!authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
                throw new AccessException(Kind.UNAUTHENTICATED, HttpHeaders.AUTHORIZATION, "bearer",
                        "only Authorization: Bearer <token> is accepted", "仅接受 Authorization: Bearer <token>");
            }
            return available.authenticate(authorization.substring(7).strip());
        }
        Authentication session = available.authenticate(cookie.getValue());
        if (!SAFE_METHODS.contains(method)) {
            available.checkCsrf(session, request.getHeaderString(CSRF_HEADER));
        }
        return session;
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        CurrentUser.clear();
        if (Boolean.TRUE.equals(request.getProperty(CLOSE))) {
            response.getHeaders().putSingle("Connection", "close");
        }
    }
}
