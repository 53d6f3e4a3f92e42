package org.qiancheng.api.registry;

/** Where an installed policy version stands. */
public enum PolicyStatus {
    /** Valid, and decides the claims of at least some class start dates. */
    ACTIVE,
    /** Valid, but every date of its period is decided by another version (or a pin). */
    STANDBY,
    /** Invalid (bad parameters, descriptor not matching its bundle); never decides. */
    REFUSED
}
