package org.qiancheng.rest.internal;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Map;
import java.util.function.Supplier;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ServiceScope;
import org.osgi.service.jakartars.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsName;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;
import org.qiancheng.api.security.AccessException;
import org.qiancheng.api.security.Accounts;
import org.qiancheng.api.security.User;
import org.qiancheng.api.security.UserDrafts.NewServiceAccount;
import org.qiancheng.api.security.UserDrafts.NewUser;
import org.qiancheng.api.security.UserDrafts.UserChange;
import org.qiancheng.api.workflow.Page;

/**
 * User accounts, for a security administrator (the kernel checks the role on every call): create,
 * read, list, change roles, regions or standing with {@code If-Match}, delete, unlock, end sessions.
 */
@Component(service = UsersResource.class, scope = ServiceScope.PROTOTYPE)
@JakartarsResource
@JakartarsName("qiancheng.users")
@JSONRequired
@Path("v1/users")
@Produces(MediaType.APPLICATION_JSON)
public final class UsersResource {

    private static final int DEFAULT_TOKEN_DAYS = 90;

    private final Accounts accounts;

    @Context
    UriInfo uri;

    @Activate
    public UsersResource(@Reference Accounts accounts) {
        this.accounts = accounts;
    }

    /** {@code POST /api/v1/users}: 201 with its address and {@code ETag}; the user must change the password. */
    @OperationId("createUser")
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(NewUser draft) {
        User created = accounts.create(Requests.body(draft));
        return ETags.created(uri, created.id(), created, created.version());
    }

    /**
     * {@code POST /api/v1/users/service-accounts}: 201 with the account's address ({@code /users/{id}});
     * it cannot log in, it uses tokens issued by {@code POST /users/{id}/tokens}.
     */
    @OperationId("createServiceAccount")
    @POST
    @Path("service-accounts")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response createServiceAccount(NewServiceAccount draft) {
        User created = accounts.createServiceAccount(Requests.body(draft));
        return Response.created(uri.getBaseUriBuilder().path("v1/users").path(Long.toString(created.id())).build())
                .entity(created).tag(ETags.tag(created.version())).build();
    }

    /** Body of {@code POST /users/{id}/tokens}. */
    public record TokenRequest(Integer days) {
    }

    /** {@code POST /api/v1/users/{id}/tokens {"days"}}: 201 with a service account's new token, shown only here. */
    @OperationId("issueServiceToken")
    @POST
    @Path("{id}/tokens")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response issueToken(@PathParam("id") long id, TokenRequest request) {
        int days = request == null || request.days() == null ? DEFAULT_TOKEN_DAYS : request.days();
        CacheControl noStore = new CacheControl();
        noStore.setNoStore(true);
        return Response.status(Response.Status.CREATED).entity(accounts.issueToken(id, days)).cacheControl(noStore)
                .build();
    }

    /** {@code GET /api/v1/users?offset=&limit=}. */
    @OperationId("listUsers")
    @GET
    public Page<User> list(@QueryParam("offset") String offset, @QueryParam("limit") String limit) {
        return accounts.users(Requests.offset(offset), Requests.limit(limit));
    }

    /** {@code GET /api/v1/users/{id}}: with {@code ETag}. */
    @OperationId("getUser")
    @GET
    @Path("{id}")
    public Response get(@PathParam("id") long id) {
        User user = accounts.user(id);
        return ETags.ok(user, user.version());
    }

    /** {@code PUT /api/v1/users/{id}} with {@code If-Match}: roles, regions, disabled; absent ones stay. */
    @OperationId("updateUser")
    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response update(@PathParam("id") long id, @HeaderParam(ETags.IF_MATCH) String ifMatch, UserChange change) {
        long expected = ETags.expected(ifMatch, () -> accounts.user(id).version());
        User changed = versioned(() -> accounts.update(id, Requests.body(change), expected));
        return ETags.ok(changed, changed.version());
    }

    /** {@code DELETE /api/v1/users/{id}} with {@code If-Match}: 204; the user's sessions end. */
    @OperationId("deleteUser")
    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") long id, @HeaderParam(ETags.IF_MATCH) String ifMatch) {
        long expected = ETags.expected(ifMatch, () -> accounts.user(id).version());
        versioned(() -> {
            accounts.delete(id, expected);
            return null;
        });
        return Response.noContent().build();
    }

    /** {@code POST /api/v1/users/{id}/unlock}: lifts every lockout of the user. */
    @OperationId("unlockUser")
    @POST
    @Path("{id}/unlock")
    public User unlock(@PathParam("id") long id) {
        return accounts.unlock(id);
    }

    /** {@code DELETE /api/v1/users/{id}/sessions}: ends every session of the user. */
    @OperationId("revokeUserSessions")
    @DELETE
    @Path("{id}/sessions")
    public Map<String, Integer> revokeSessions(@PathParam("id") long id) {
        return Map.of("sessionsEnded", accounts.revokeSessions(id));
    }

    /** A stale version is 412, as for every record updated with If-Match. */
    private static <T> T versioned(Supplier<T> change) {
        try {
            return change.get();
        } catch (AccessException e) {
            if (e.kind() == AccessException.Kind.CONFLICT && ("version".equals(e.rule()) || "version".equals(e.field()))) {
                throw Problems.preconditionFailed(ETags.IF_MATCH, e.getMessage());
            }
            throw e;
        }
    }
}
