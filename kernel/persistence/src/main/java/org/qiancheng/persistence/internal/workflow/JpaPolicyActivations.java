package org.qiancheng.persistence.internal.workflow;

import java.util.List;
import java.util.function.BiConsumer;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.qiancheng.api.registry.Activation;
import org.qiancheng.persistence.PolicyActivations;
import org.qiancheng.persistence.WorkflowStore;
import org.qiancheng.persistence.WorkflowTx;
import org.qiancheng.persistence.internal.JpaUnit;

/** The history of policy activations in the kernel's database. */
@Component
public final class JpaPolicyActivations implements PolicyActivations {

    private final JpaUnit unit;
    private final WorkflowStore store;

    @Activate
    public JpaPolicyActivations(@Reference JpaUnit unit, @Reference WorkflowStore store) {
        this.unit = unit;
        this.store = store;
    }

    @Override
    public List<Activation> all() {
        return unit.read(manager -> manager.createQuery("SELECT e FROM PolicyEventEntity e ORDER BY e.id",
                PolicyEventEntity.class).getResultList().stream().map(PolicyEventEntity::toRecord).toList());
    }

    @Override
    public Activation append(Activation decision) {
        return append(decision, (tx, stored) -> {
        });
    }

    @Override
    public Activation append(Activation decision, BiConsumer<WorkflowTx, Activation> alongside) {
        // in a workflow transaction, so that audit entries written alongside are chained at its commit
        return store.transaction(tx -> {
            jakarta.persistence.EntityManager manager = ((JpaWorkflowTx) tx).manager();
            PolicyEventEntity e = new PolicyEventEntity();
            e.regionCode = decision.regionCode();
            e.version = decision.version();
            e.kind = decision.kind();
            e.retired = String.join(",", decision.retired());
            e.actor = decision.actor();
            e.at = AuditEventEntity.utc(decision.at());
            e.reason = decision.reason();
            manager.persist(e);
            manager.flush();
            Activation stored = e.toRecord();
            alongside.accept(tx, stored);
            return stored;
        });
    }
}
