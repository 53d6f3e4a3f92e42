package org.qiancheng.api.registry;

/**
 * An operator's activation or rollback that cannot be done in the registry's present state:
 * nothing to roll back, a version already active, or the history cannot be stored.
 */
public final class ActivationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String rule;

    /**
     * @param rule a short name of what is violated, e.g. {@code nothing-to-roll-back}
     * @param message the explanation
     */
    public ActivationException(String rule, String message) {
        super(message);
        this.rule = rule;
    }

    /** @return what is violated */
    public String rule() {
        return rule;
    }
}
