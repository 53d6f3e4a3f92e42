package org.qiancheng.api.model;

/** A resident identity number that breaks a rule of GB 11643; {@link #rule()} names the rule. */
public final class InvalidResidentIdException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String rule;

    /**
     * @param rule the rule that failed: {@code length}, {@code digits}, {@code birth-date} or {@code check-digit}
     * @param message what is wrong
     */
    public InvalidResidentIdException(String rule, String message) {
        super("invalid resident ID number: " + message);
        this.rule = rule;
    }

    /** @return the rule that failed */
    public String rule() {
        return rule;
    }
}
