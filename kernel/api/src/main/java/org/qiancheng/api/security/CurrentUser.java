package org.qiancheng.api.security;

import java.util.Optional;
import org.qiancheng.api.workflow.Operators;

/**
 * The authenticated user on whose behalf the current thread acts. The REST layer sets it from the
 * request's session for the length of the request; while it is set, {@link Operators#current()}
 * names the same user, so every audit entry's actor is the authenticated username.
 */
public final class CurrentUser {

    private static final ThreadLocal<Authentication> CURRENT = new ThreadLocal<>();

    private CurrentUser() {
    }

    /**
     * Sets the authenticated session of this thread until {@link #clear()}, and the operator with it.
     *
     * @param authentication the session resolved from the request
     */
    public static void set(Authentication authentication) {
        CURRENT.set(authentication);
        Operators.set(authentication.user().username());
    }

    /** Forgets the authenticated session and the operator of this thread. */
    public static void clear() {
        CURRENT.remove();
        Operators.clear();
    }

    /** @return the authenticated session of this thread, or empty when the request sent none */
    public static Optional<Authentication> session() {
        return Optional.ofNullable(CURRENT.get());
    }

    /** @return the authenticated user of this thread, or empty */
    public static Optional<User> user() {
        return session().map(Authentication::user);
    }
}
