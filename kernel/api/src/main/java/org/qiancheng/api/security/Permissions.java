package org.qiancheng.api.security;

import java.util.Optional;
import java.util.Set;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The permission matrix, as the kernel enforces it: which permission each operation of the API
 * needs and which permissions a user's roles give. The kernel's services check the permission of
 * what they are asked (and the user's regions) themselves; the REST layer asks this service too,
 * so that an operation the matrix does not list is refused to everybody.
 *
 * @since 1.1
 */
@ProviderType
public interface Permissions {

    /** The operation needs no session; only the health check and the login. */
    String ANONYMOUS = "anonymous";

    /** The operation needs a session, of any role. */
    String AUTHENTICATED = "authenticated";

    /**
     * @param operationId an operation id of the OpenAPI document, e.g. {@code reviewClaim}
     * @return the permission it needs, {@link #ANONYMOUS}, {@link #AUTHENTICATED}, or empty when the matrix
     *     does not list it
     */
    Optional<String> ofOperation(String operationId);

    /**
     * @param user a user
     * @return the permissions the user's roles give, e.g. {@code claim.review}
     */
    Set<String> of(User user);

    /**
     * Checks that the current thread's user holds a permission.
     *
     * @param permission a permission, or {@link #AUTHENTICATED}
     * @return the current session
     * @throws AccessException UNAUTHENTICATED without a session; FORBIDDEN when the user must change the
     *     password first (rule {@code password-change-required}) or lacks the permission (rule {@code permission})
     */
    Authentication require(String permission);
}
