package org.qiancheng.rest.internal;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsExtension;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsName;
import org.qiancheng.api.security.AccessException;
import org.qiancheng.api.security.AccessException.Kind;
import org.qiancheng.api.security.Authentication;
import org.qiancheng.api.security.CurrentUser;
import org.qiancheng.api.security.Role;
import org.qiancheng.api.security.Sessions;
import org.qiancheng.api.workflow.Operators;

/**
 * Who is asking, for the length of a request. A session comes as {@code Authorization: Bearer
 * <token>} or as the session cookie; with the cookie, a request that changes something must also
 * carry {@code X-CSRF-Token}. A valid session becomes the {@link CurrentUser}, and so the actor of
 * every audit entry; an invalid or expired one is 401. A user who must change the password may only
 * do that, read the session or log out (403 otherwise).
 * <p>
 * Phase 1 of the accounts: the session endpoints and {@code /users} need a session (and
 * {@code /users} the role SECURITY_ADMIN); any other request without credentials still runs, named
 * by {@code X-Operator} as before, unless {@code requireSession} is set in {@code org.qiancheng.security}.
 * Then every endpoint but {@code GET /api/v1/health} and {@code POST /api/v1/session} answers 401
 * without a session.
 */
@Component(service = {ContainerRequestFilter.class, ContainerResponseFilter.class},
        configurationPid = "org.qiancheng.security")
@JakartarsExtension
@JakartarsName("qiancheng.authentication")
public final class AuthenticationFilter implements ContainerRequestFilter, ContainerResponseFilter {

    /** The typed view of {@code org.qiancheng.security} this filter reads; the kernel's services read the rest. */
    @interface Config {
        boolean requireSession() default false;
    }

    static final String COOKIE = "qc_session";
    static final String CSRF_HEADER = "X-CSRF-Token";
    static final String OPERATOR_HEADER = "X-Operator";
    private static final int MAX_OPERATOR = 100;
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");
    /** What a session that must change its password may still do. */
    private static final Set<String> PASSWORD_CHANGE = Set.of("PUT v1/session/password", "DELETE v1/session",
            "GET v1/session");

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile Sessions sessions;
    private volatile boolean requireSession;

    @Activate
    public AuthenticationFilter(Config config) {
        modified(config);
    }

    /** The switch applies to the next request; the filter stays registered. */
    @Modified
    void modified(Config config) {
        this.requireSession = config.requireSession();
    }

    @Override
    public void filter(ContainerRequestContext request) {
        CurrentUser.clear();
        String method = request.getMethod().toUpperCase(Locale.ROOT);
        String path = path(request);
        if (anonymous(method, path)) {
            operator(request);
            return;
        }
        Authentication session = session(request, method);
        if (session != null) {
            if (session.user().mustChangePassword() && !PASSWORD_CHANGE.contains(method + " " + path)) {
                throw new AccessException(Kind.FORBIDDEN, null, "password-change-required", "change your password"
                        + " first (PUT /api/v1/session/password); until then a session may only do that or log out",
                        "请先修改密码（PUT /api/v1/session/password）；修改前本会话只能修改密码或退出登录");
            }
            if (path.startsWith("v1/users") && !session.user().has(Role.SECURITY_ADMIN)) {
                throw new AccessException(Kind.FORBIDDEN, null, "role", "this needs the role SECURITY_ADMIN"
                        + " (Security administrator)", "此操作需要安全管理员（SECURITY_ADMIN）角色");
            }
            CurrentUser.set(session);
            return;
        }
        if (requireSession || path.startsWith("v1/users") || path.startsWith("v1/session")) {
            throw new AccessException(Kind.UNAUTHENTICATED, null, "session-required", "log in first: POST"
                    + " /api/v1/session, then send Authorization: Bearer <token>",
                    "请先登录：POST /api/v1/session，然后携带 Authorization: Bearer <token>");
        }
        operator(request);
    }

    /** Only the health check and the login itself take no session; neither reads one. */
    static boolean anonymous(String method, String path) {
        return method.equals("GET") && path.equals("v1/health") || method.equals("POST") && path.equals("v1/session");
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
            throw new AccessException(Kind.UNAUTHENTICATED, null, "session", "sessions are unavailable: the security"
                    + " service is not running (see the server log)", "会话服务未运行，无法验证会话（见服务器日志）");
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

    /** The request's path below {@code /api}, without a leading slash: {@code v1/session}. */
    static String path(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        while (path.startsWith("/")) {
            path = path.substring(1);
        }
        return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    /**
     * Names the operator of a request without a session from the {@code X-Operator} header (UTF-8,
     * percent-encoded, since header values are ASCII: {@code %E6%9D%8E%E7%BB%8F%E5%8A%9E} is 李经办), as
     * before accounts existed: what the client says. Phase 2 drops it.
     */
    private static void operator(ContainerRequestContext request) {
        String operator = request.getHeaderString(OPERATOR_HEADER);
        if (operator != null && !operator.isBlank()) {
            String name = decode(operator.strip()).replaceAll("\\p{Cntrl}", "");
            Operators.set(name.length() > MAX_OPERATOR ? name.substring(0, MAX_OPERATOR) : name);
        }
    }

    private static String decode(String header) {
        try {
            return URLDecoder.decode(header.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return header;
        }
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        CurrentUser.clear();
    }
}
