package org.qiancheng.api.registry;

/** Where an installed policy version stands. */
public enum PolicyStatus {
    /** Arrived; its parameters and its own case files are being checked. Decides nothing yet. */
    VALIDATING,
    /** Valid, and decides the claims of at least some class start dates. */
    ACTIVE,
    /**
     * Valid, but deciding no date: a revision that starts on the same day as an active version and
     * waits for an operator to activate it, one rolled back, or one whose every date is decided by
     * another version (or a pin).
     */
    STANDBY,
    /** Invalid (bad parameters, descriptor not matching its bundle); never decides. */
    REFUSED,
    /** Valid, but replaced by an operator's activation of another version; a rollback restores it. */
    RETIRED
}
