package org.qiancheng.api.workflow;

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

    /**
     * @param kind how to report it
     * @param field the input field concerned, e.g. {@code institutionId}
     * @param rule the rule broken, e.g. {@code K4} or {@code version}
     * @param message what is wrong
     */
    public WorkflowException(Kind kind, String field, String rule, String message) {
        super(message);
        this.kind = kind;
        this.field = field;
        this.rule = rule;
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
