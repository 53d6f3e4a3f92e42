package org.qiancheng.api.workflow;

import org.qiancheng.api.model.LocalizedText;

/**
 * A workflow request refused by a rule; nothing was written. {@link #kind()} says how to answer.
 */
public final class WorkflowException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** How a refusal is reported. */
    public enum Kind {
        /** The thing asked for does not exist (404). */
        NOT_FOUND,
        /** The input breaks a rule (422). */
        INVALID,
        /** The request conflicts with the current state, e.g. a stale version (409). */
        CONFLICT
    }

    private final Kind kind;
    private final String field;
    private final String rule;
    private final String messageZh;

    /**
     * @param kind how to report it
     * @param field the input field concerned, e.g. {@code institutionId}
     * @param rule the rule broken, e.g. {@code K4} or {@code version}
     * @param message what is wrong
     */
    public WorkflowException(Kind kind, String field, String rule, String message) {
        this(kind, field, rule, message, null);
    }

    /**
     * A refusal an operator reads in Chinese and English.
     *
     * @param kind how to report it
     * @param field the input field concerned
     * @param rule the rule broken
     * @param message what is wrong, in both languages
     * @since 0.4
     */
    public WorkflowException(Kind kind, String field, String rule, LocalizedText message) {
        this(kind, field, rule, message.en(), message.zh());
    }

    private WorkflowException(Kind kind, String field, String rule, String message, String messageZh) {
        super(message);
        this.kind = kind;
        this.field = field;
        this.rule = rule;
        this.messageZh = messageZh;
    }

    /**
     * @return what is wrong in Chinese, or {@code null} when the refusal was only worded in English
     * @since 0.4
     */
    public String messageZh() {
        return messageZh;
    }

    public Kind kind() {
        return kind;
    }

    public String field() {
        return field;
    }

    public String rule() {
        return rule;
    }
}
