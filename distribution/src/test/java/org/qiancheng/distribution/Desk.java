package org.qiancheng.distribution;

import org.qiancheng.api.security.Role;

/**
 * Whose work a request is, for a test that walks the workflow as an office does: the clerk registers,
 * files, enrols and computes; the reviewer reviews; finance pays and settles; the policy
 * administrator runs bundles and policy versions (a second one confirms the activations the first
 * requests); the auditor reads the trail; the security
 * administrator manages users. A test that checks who may do what names the user instead.
 */
final class Desk {

    private Desk() {
    }

    /**
     * @param path below {@code /api/v1}, e.g. {@code /claims/7/review}
     * @return the role, or {@code null} for the two anonymous operations (the login and the health check)
     */
    static Role of(String method, String path) {
        String bare = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
        boolean read = method.equals("GET") || method.equals("HEAD");
        if (method.equals("POST") && bare.equals("/session") || read && bare.equals("/health")) {
            return null;
        }
        if (bare.startsWith("/users")) {
            return Role.SECURITY_ADMIN;
        }
        if (bare.startsWith("/audit")) {
            return Role.AUDITOR;
        }
        if (bare.startsWith("/bundles") || bare.startsWith("/policies") && !read
                || bare.startsWith("/policies/activation-requests")) {
            return Role.POLICY_ADMIN;
        }
        if (bare.startsWith("/settlements") || bare.matches("/claims/[^/]+/disbursements") && !read) {
            return Role.FINANCE;
        }
        if (bare.matches("/claims/[^/]+/review") || bare.equals("/claims/reviews")) {
            return Role.REVIEWER;
        }
        return Role.CLERK;
    }

    /**
     * @param path below {@code /api/v1}
     * @return the username of the desk's staff member: the second policy administrator confirms an
     *     activation ({@link Staff#SECOND_POLICY_ADMIN}), since the first one requested it; {@code null}
     *     for the two anonymous operations
     */
    static String user(String method, String path) {
        Role role = of(method, path);
        if (role == null) {
            return null;
        }
        String bare = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
        return bare.matches("/policies/activation-requests/[^/]+/confirm") ? Staff.SECOND_POLICY_ADMIN
                : Staff.username(role);
    }
}
