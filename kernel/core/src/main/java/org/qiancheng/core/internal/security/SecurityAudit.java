package org.qiancheng.core.internal.security;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.qiancheng.persistence.WorkflowTx;

/**
 * The audit entries of logins, sessions and accounts, in the same transaction as the change. An
 * entry holds usernames, roles, regions and source addresses, never a password, a hash or a token;
 * a username that belongs to no account may be a mistyped password, so it is masked.
 */
final class SecurityAudit {

    /** The actor of an attempt made without a session. */
    static final String ANONYMOUS = "anonymous";

    private SecurityAudit() {
    }

    static void user(WorkflowTx tx, Instant at, String actor, String action, long id, Object before, Object after) {
        tx.audit().append(at, actor, "user." + action, "user", id, before, after);
    }

    static void session(WorkflowTx tx, Instant at, String actor, String action, long userId, Map<String, ?> facts) {
        tx.audit().append(at, actor, "session." + action, "user", userId, null, facts);
    }

    /** The facts of a login attempt. */
    static Map<String, Object> attempt(String username, boolean known, String source) {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("username", known ? username : masked(username));
        facts.put("knownAccount", known);
        facts.put("source", source);
        return facts;
    }

    /** {@code ad***}: enough to see a pattern of attempts, not enough to read a password typed as a name. */
    static String masked(String name) {
        return name.length() <= 2 ? "***" : name.substring(0, 2) + "***";
    }
}
