package org.qiancheng.persistence.internal;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.EntityTransaction;
import java.util.function.Function;

/** The kernel's persistence unit, shared by the stores inside this bundle. */
public interface JpaUnit {

    /** Runs the work in one transaction, committing on return and rolling back on any exception. */
    <T> T inTransaction(Function<EntityManager, T> work);

    /** Runs read-only work with a fresh entity manager. */
    <T> T read(Function<EntityManager, T> work);

    /** The database product and version, read once when the unit started. */
    String product();

    /** Whether the unit runs on PostgreSQL: its triggers, notifications and statistics are the platform's to use. */
    default boolean postgresql() {
        return product().startsWith("PostgreSQL");
    }

    /**
     * A connection of its own, outside the unit's pool, e.g. to {@code LISTEN} on PostgreSQL; the
     * caller closes it.
     */
    default java.sql.Connection connect() throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("this unit gives no connection of its own");
    }

    /** {@link #inTransaction} over a factory: what every unit does. */
    static <T> T inTransaction(EntityManagerFactory factory, Function<EntityManager, T> work) {
        EntityManager manager = factory.createEntityManager();
        EntityTransaction transaction = manager.getTransaction();
        try {
            transaction.begin();
            T result = work.apply(manager);
            transaction.commit();
            return result;
        } finally {
            if (transaction.isActive()) {
                transaction.rollback();
            }
            manager.close();
        }
    }

    /** {@link #read} over a factory. */
    static <T> T read(EntityManagerFactory factory, Function<EntityManager, T> work) {
        EntityManager manager = factory.createEntityManager();
        try {
            return work.apply(manager);
        } finally {
            manager.close();
        }
    }
}
