package org.qiancheng.distribution;

import org.qiancheng.api.security.Role;

/**
 * Whose work a request is, for a test that walks the workflow as an office does: the clerk registers,
 * files, enrols and computes; the reviewer reviews; finance pays and settles; the policy
 * administrator runs bundles and policy versions; the auditor reads the trail; the security
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
        if (bare.startsWith("/bundles") || bare.startsWith("/policies") && !read) {
            return Role.POLICY_ADMIN;
        }
        if (bare.startsWith("/settlements") || bare.matches("/claims/[^/]+/disbursements") && !read) {
            return Role.FINANCE;
        }
        if (bare.matches("/claims/[^/]+/review")) {
            return Role.REVIEWER;
        }
        return Role.CLERK;
    }
}
