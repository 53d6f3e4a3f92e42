package org.qiancheng.persistence.internal.workflow;

import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.util.function.Function;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.qiancheng.api.workflow.WorkflowException;
import org.qiancheng.persistence.WorkflowStore;
import org.qiancheng.persistence.WorkflowTx;
import org.qiancheng.persistence.internal.JpaUnit;

/** The workflow store over the kernel's persistence unit. */
@Component
public final class JpaWorkflowStore implements WorkflowStore {

    private final JpaUnit unit;

    @Activate
    public JpaWorkflowStore(@Reference JpaUnit unit) {
        this.unit = unit;
    }

    @Override
    public <T> T transaction(Function<WorkflowTx, T> work) {
        return translated(() -> unit.inTransaction(manager -> work.apply(new JpaWorkflowTx(manager))));
    }

    /** Runs a transaction, reporting a lost optimistic race or a unique key as CONFLICT. */
    static <T> T translated(java.util.function.Supplier<T> transaction) {
        try {
            return transaction.get();
        } catch (PersistenceException e) {
            // only a lost optimistic race is the client's to retry; anything else is a fault
            if (causedBy(e, OptimisticLockException.class)) {
                throw new WorkflowException(WorkflowException.Kind.CONFLICT, "version", "concurrent-change",
                        "the records changed concurrently; read them again and retry");
            }
            if (integrityViolation(e)) {
                throw new WorkflowException(WorkflowException.Kind.CONFLICT, "id", "unique",
                        "a record with the same key exists already");
            }
            throw e;
        }
    }

    /**
     * A unique key (or another constraint) refused the write: HSQLDB says so with the JDBC exception
     * type, PostgreSQL's driver only with the SQL state, class 23 "integrity constraint violation".
     */
    private static boolean integrityViolation(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLIntegrityConstraintViolationException
                    || t instanceof SQLException sql && String.valueOf(sql.getSQLState()).startsWith("23")) {
                return true;
            }
        }
        return false;
    }

    private static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
