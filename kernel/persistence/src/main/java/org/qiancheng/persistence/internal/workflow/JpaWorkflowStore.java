package org.qiancheng.persistence.internal.workflow;

import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.util.function.Function;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.qiancheng.api.claim.Decision;
import org.qiancheng.api.workflow.WorkflowException;
import org.qiancheng.persistence.EncodedDecision;
import org.qiancheng.persistence.WorkflowStore;
import org.qiancheng.persistence.WorkflowTx;
import org.qiancheng.persistence.internal.JpaUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The workflow store over the kernel's persistence unit. It holds the key of the audit chain
 * (configuration {@code org.qiancheng.audit}), which seals every transaction's audit entries.
 */
@Component(configurationPid = "org.qiancheng.audit")
@Designate(ocd = AuditConfiguration.class)
public final class JpaWorkflowStore implements WorkflowStore {

    private static final Logger LOG = LoggerFactory.getLogger(JpaWorkflowStore.class);

    private final JpaUnit unit;
    private final AuditChain chain;
    private final DecisionCodec codec;
    private final ClaimStatistics statistics;

    @Activate
    public JpaWorkflowStore(BundleContext context, AuditConfiguration config, @Reference JpaUnit unit) {
        this(unit, AuditKey.loadOrCreate(keyFile(context, config)));
        LOG.info("Audit chain key {}", keyFile(context, config));
    }

    /**
     * A store whose audit chain uses {@code key}; starts the chain (head row, PostgreSQL triggers)
     * unless done already.
     */
    public JpaWorkflowStore(JpaUnit unit, AuditKey key) {
        this.unit = unit;
        this.chain = new AuditChain(key);
        this.codec = new DecisionCodec(new StoredDictionaries(unit));
        this.statistics = new ClaimStatistics(unit.postgresql());
        startChain();
    }

    /** Frees the compressors' native memory. */
    @Deactivate
    void close() {
        codec.close();
    }

    private void startChain() {
        try {
            unit.inTransaction(manager -> {
                chain.start(manager);
                return null;
            });
        } catch (PersistenceException e) {
            // another node created the head row at the same moment: it is there now
            unit.inTransaction(manager -> {
                chain.start(manager);
                return null;
            });
        }
        if (unit.postgresql()) {
            unit.inTransaction(manager -> {
                AuditGuard.install(manager);
                return null;
            });
        }
    }

    private static Path keyFile(BundleContext context, AuditConfiguration config) {
        if (!config.keyFile().isBlank()) {
            return Path.of(config.keyFile());
        }
        String home = context.getProperty("qc.home");
        return Path.of(home == null ? "runtime" : home, "etc", "audit.key");
    }

    @Override
    public EncodedDecision encode(Decision decision) {
        return codec.encoded(decision);
    }

    @Override
    public <T> T transaction(Function<WorkflowTx, T> work) {
        T result = translated(() -> unit.inTransaction(manager -> {
            JpaWorkflowTx tx = new JpaWorkflowTx(manager, chain, codec, statistics);
            T done = work.apply(tx);
            tx.seal();
            return done;
        }));
        storeDecisionTables();
        return result;
    }

    /**
     * The decision tables the transaction's claims asked for, stored now that it has ended (never
     * within a transaction: {@link DecisionCodec}). A failure here does not undo what was committed:
     * the claims are stored, in full, and the table is asked for again after the next transaction.
     */
    private void storeDecisionTables() {
        try {
            codec.storeWanted();
        } catch (RuntimeException e) {
            LOG.warn("Decision tables not stored now, asked for again after the next transaction: {}", e.toString());
        }
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
