package org.qiancheng.rest.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ServiceScope;
import org.osgi.service.jakartars.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsName;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;
import org.qiancheng.api.security.Authentication;
import org.qiancheng.api.security.Permissions;
import org.qiancheng.api.security.Session;
import org.qiancheng.api.security.Sessions;
import org.qiancheng.api.security.User;

/**
 * Logging in and out, the current session, and changing one's password. The login answers the token
 * once, in the body and as an HttpOnly, SameSite=Strict cookie ({@code Secure} when the request came
 * over TLS or through a proxy that says {@code X-Forwarded-Proto: https}).
 */
@Component(service = SessionResource.class, scope = ServiceScope.PROTOTYPE)
@JakartarsResource
@JakartarsName("qiancheng.session")
@JSONRequired
@Path("v1/session")
@Produces(MediaType.APPLICATION_JSON)
public final class SessionResource {

    /** Body of a login. */
    public record Login(String username, String password) {
        @Override
        public String toString() {
            return "Login[username=" + username + "]";
        }
    }

    /** Body of a password change. */
    public record PasswordChange(String currentPassword, String newPassword) {
        @Override
        public String toString() {
            return "PasswordChange";
        }
    }

    /**
     * The answer of {@code GET /api/v1/session}: what the console shows follows from it.
     *
     * @param permissions the permissions the user's roles give (the matrix's names, sorted)
     * @param language the console language chosen on the account, {@code zh} (the default) or {@code en}
     * @param today the platform's today (its clock, which a demonstration or training home may fix): the
     *        day the workflow's time rules judge by, so the console proposes the dates the platform accepts
     */
    public record Current(User user, Instant expiresAt, Set<String> permissions, String language, LocalDate today) {
    }

    /** Body of {@code PUT /api/v1/session/language}. */
    public record LanguageChoice(String language) {
    }

    private final Sessions sessions;
    private final Permissions permissions;
    private final Clock clock;

    @Context
    HttpServletRequest servlet;

    @Context
    HttpHeaders headers;

    @Context
    UriInfo uri;

    @Activate
    public SessionResource(@Reference Sessions sessions, @Reference Permissions permissions, @Reference Clock clock) {
        this.sessions = sessions;
        this.permissions = permissions;
        this.clock = clock;
    }

    /** {@code POST /api/v1/session}: 201 with the token, the CSRF token, the expiry and the user. */
    @OperationId("login")
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response login(Login login) {
        Requests.body(login);
        Session session = sessions.login(login.username(), login.password(),
                sessions.source(servlet.getRemoteAddr(), headers.getHeaderString("X-Forwarded-For")));
        return Response.created(uri.getAbsolutePath()).entity(session).cacheControl(noStore())
                .header(HttpHeaders.SET_COOKIE, cookie(session.token(), false)).build();
    }

    /** {@code GET /api/v1/session}: who is logged in and until when, unless used before. */
    @OperationId("currentSession")
    @GET
    public Current current() {
        Authentication session = sessions.current();
        return new Current(session.user(), session.expiresAt(), permissions.of(session.user()), sessions.language(),
                LocalDate.now(clock));
    }

    /** {@code PUT /api/v1/session/language} {@code {"language": "zh"|"en"}}: 200 with the language stored. */
    @OperationId("setLanguage")
    @PUT
    @Path("language")
    @Consumes(MediaType.APPLICATION_JSON)
    public LanguageChoice setLanguage(LanguageChoice choice) {
        Requests.body(choice);
        if (choice.language() == null) {
            throw Problems.invalid("language", "required", "is required: zh or en", "为必填项：zh 或 en");
        }
        return new LanguageChoice(sessions.setLanguage(choice.language()));
    }

    /** {@code DELETE /api/v1/session}: 204; the token is refused from now on and the cookie is cleared. */
    @OperationId("logout")
    @DELETE
    public Response logout() {
        sessions.logout();
        return Response.noContent().header(HttpHeaders.SET_COOKIE, cookie("", true)).build();
    }

    /** {@code PUT /api/v1/session/password}: 200 with the user; the user's other sessions end. */
    @OperationId("changePassword")
    @PUT
    @Path("password")
    @Consumes(MediaType.APPLICATION_JSON)
    public User changePassword(PasswordChange change) {
        Requests.body(change);
        return sessions.changePassword(change.currentPassword(), change.newPassword());
    }

    private String cookie(String value, boolean expire) {
        StringBuilder cookie = new StringBuilder(AuthenticationFilter.COOKIE).append('=').append(value)
                .append("; Path=/; HttpOnly; SameSite=Strict");
        if (expire) {
            cookie.append("; Max-Age=0");
        }
        if (secure()) {
            cookie.append("; Secure");
        }
        return cookie.toString();
    }

    private boolean secure() {
        String forwarded = headers.getHeaderString("X-Forwarded-Proto");
        return "https".equalsIgnoreCase(uri.getRequestUri().getScheme()) || servlet.isSecure()
                || forwarded != null && forwarded.strip().equalsIgnoreCase("https");
    }

    private static CacheControl noStore() {
        CacheControl control = new CacheControl();
        control.setNoStore(true);
        control.setNoCache(true);
        return control;
    }
}
