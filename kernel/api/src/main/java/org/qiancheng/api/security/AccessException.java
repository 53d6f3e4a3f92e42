package org.qiancheng.api.security;

import java.time.Duration;

/**
 * A request refused for who is (or is not) asking, or for a broken account rule; nothing was
 * written but the failed login itself. {@link #kind()} says how to answer; messages never hold a
 * password, a token or the username of an account that may not exist.
 */
public final class AccessException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** How a refusal is reported over HTTP. */
    public enum Kind {
        /** No valid session, or wrong credentials (401). */
        UNAUTHENTICATED,
        /** A session without the right to do this (403). */
        FORBIDDEN,
        /** No such record (404). */
        NOT_FOUND,
        /** Conflicts with the current state, e.g. a taken username or a stale version (409). */
        CONFLICT,
        /** The input breaks a rule, e.g. the password policy or a grant rule (422). */
        INVALID,
        /** Logins of this account from this source address are locked for a while (429 with Retry-After). */
        LOCKED
    }

    private final Kind kind;
    private final String field;
    private final String rule;
    private final String messageZh;
    private final transient Duration retryAfter;

    /**
     * @param kind how to report it
     * @param field the input field concerned, or {@code null}
     * @param rule the rule broken, e.g. {@code credentials}, {@code role}, {@code locked}
     * @param message what is wrong, in English
     * @param messageZh what is wrong, in Chinese
     */
    public AccessException(Kind kind, String field, String rule, String message, String messageZh) {
        this(kind, field, rule, message, messageZh, null);
    }

    /**
     * @param kind how to report it
     * @param field the input field concerned, or {@code null}
     * @param rule the rule broken
     * @param message what is wrong, in English
     * @param messageZh what is wrong, in Chinese
     * @param retryAfter for LOCKED, how long until the lockout ends; otherwise {@code null}
     */
    public AccessException(Kind kind, String field, String rule, String message, String messageZh,
            Duration retryAfter) {
        super(message, null, false, false);
        this.kind = kind;
        this.field = field;
        this.rule = rule;
        this.messageZh = messageZh;
        this.retryAfter = retryAfter;
    }

    /** @return how to report the refusal */
    public Kind kind() {
        return kind;
    }

    /** @return the input field concerned, or {@code null} */
    public String field() {
        return field;
    }

    /** @return the rule broken */
    public String rule() {
        return rule;
    }

    /** @return what is wrong, in Chinese */
    public String messageZh() {
        return messageZh;
    }

    /** @return for LOCKED, the time until the lockout ends; otherwise {@code null} */
    public Duration retryAfter() {
        return retryAfter;
    }
}
