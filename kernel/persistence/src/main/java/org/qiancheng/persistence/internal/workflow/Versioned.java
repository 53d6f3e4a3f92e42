package org.qiancheng.persistence.internal.workflow;

/** An entity with an optimistic-locking version, which updates compare with the version the caller read. */
interface Versioned {

    /** @return the version the entity was read at */
    long version();
}
