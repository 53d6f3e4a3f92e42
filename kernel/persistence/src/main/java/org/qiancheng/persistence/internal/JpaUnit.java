package org.qiancheng.persistence.internal;

import jakarta.persistence.EntityManager;
import java.util.function.Function;

/** The kernel's persistence unit, shared by the stores inside this bundle. */
public interface JpaUnit {

    /** Runs the work in one transaction, committing on return and rolling back on any exception. */
    <T> T inTransaction(Function<EntityManager, T> work);

    /** Runs read-only work with a fresh entity manager. */
    <T> T read(Function<EntityManager, T> work);

    /** The database product and version, read once when the unit started. */
    String product();
}
