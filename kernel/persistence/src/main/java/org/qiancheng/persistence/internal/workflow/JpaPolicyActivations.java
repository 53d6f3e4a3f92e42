package org.qiancheng.persistence.internal.workflow;

import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.qiancheng.api.registry.Activation;
import org.qiancheng.api.registry.StaleDecisionException;
import org.qiancheng.api.workflow.WorkflowException;
import org.qiancheng.persistence.PolicyActivations;
import org.qiancheng.persistence.WorkflowStore;
import org.qiancheng.persistence.WorkflowTx;
import org.qiancheng.persistence.internal.JpaUnit;

/**
 * The history of policy activations in the kernel's database. A region's decision sequence is the
 * number of its decisions; each new decision takes the next step, guarded by a primary key
 * ({@link PolicySequenceEntity}), and on PostgreSQL is announced on channel {@value #CHANNEL}.
 */
@Component
public final class JpaPolicyActivations implements PolicyActivations {

    static final String CHANNEL = "qc_policy";

    private final JpaUnit unit;
    private final WorkflowStore store;
    private final boolean postgresql;
    private PostgresqlListener listener;

    @Activate
    public JpaPolicyActivations(@Reference JpaUnit unit, @Reference WorkflowStore store) {
        this.unit = unit;
        this.store = store;
        this.postgresql = unit.postgresql();
    }

    @Deactivate
    synchronized void stop() {
        if (listener != null) {
            listener.close();
            listener = null;
        }
    }

    @Override
    public List<Activation> all() {
        return unit.read(JpaPolicyActivations::history);
    }

    /** Every decision, oldest first, numbered per region. */
    private static List<Activation> history(EntityManager manager) {
        Map<String, Long> sequences = new HashMap<>();
        List<Activation> all = new ArrayList<>();
        for (PolicyEventEntity e : manager.createQuery("SELECT e FROM PolicyEventEntity e ORDER BY e.id",
                PolicyEventEntity.class).getResultList()) {
            all.add(e.toRecord(sequences.merge(e.regionCode, 1L, Long::sum)));
        }
        return all;
    }

    @Override
    public Activation append(Activation decision) {
        return append(decision, (tx, stored) -> {
        });
    }

    @Override
    public Activation append(Activation decision, BiConsumer<WorkflowTx, Activation> alongside) {
        long current = unit.read(manager -> count(manager, decision.regionCode()));
        return append(decision, current, alongside);
    }

    @Override
    public Activation append(Activation decision, long expectedSequence, BiConsumer<WorkflowTx, Activation> alongside) {
        String region = decision.regionCode();
        try {
            // in a workflow transaction, so that audit entries written alongside are chained at its commit
            return store.transaction(tx -> {
                EntityManager manager = ((JpaWorkflowTx) tx).manager();
                long current = count(manager, region);
                if (current != expectedSequence) {
                    throw stale(manager, region, expectedSequence);
                }
                PolicyEventEntity e = PolicyEventEntity.of(decision);
                manager.persist(e);
                manager.flush();
                // the step's primary key: of two transactions taking it, the second fails at this flush
                manager.persist(PolicySequenceEntity.of(region, expectedSequence + 1, e.id));
                manager.flush();
                if (postgresql) {
                    // delivered to the listening nodes when this transaction commits, never before
                    manager.createNativeQuery("SELECT pg_notify('" + CHANNEL + "', ?)").setParameter(1, region)
                            .getSingleResult();
                }
                Activation stored = e.toRecord(expectedSequence + 1);
                alongside.accept(tx, stored);
                return stored;
            });
        } catch (WorkflowException e) {
            if (e.kind() == WorkflowException.Kind.CONFLICT && "unique".equals(e.rule())) {
                throw unit.read(manager -> stale(manager, region, expectedSequence));
            }
            throw e;
        }
    }

    private static long count(EntityManager manager, String region) {
        return manager.createQuery("SELECT COUNT(e) FROM PolicyEventEntity e WHERE e.regionCode = :r", Long.class)
                .setParameter("r", region).getSingleResult();
    }

    /** The refusal, with the region's decisions after {@code expected} as committed now. */
    private static StaleDecisionException stale(EntityManager manager, String region, long expected) {
        List<Activation> ofRegion = history(manager).stream().filter(a -> a.regionCode().equals(region)).toList();
        List<Activation> since = ofRegion.subList((int) Math.min(Math.max(expected, 0), ofRegion.size()),
                ofRegion.size());
        return new StaleDecisionException(region, expected, ofRegion.size(), since);
    }

    @Override
    public synchronized AutoCloseable onAppended(Runnable listener) {
        if (!postgresql) {
            return () -> {
            };
        }
        if (this.listener == null) {
            this.listener = new PostgresqlListener(unit, CHANNEL);
        }
        return this.listener.add(listener);
    }
}
