package org.qiancheng.core.internal.workflow;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.qiancheng.api.security.RegionScope;
import org.qiancheng.api.model.ResidentId;
import org.qiancheng.api.model.TargetGroup;
import org.qiancheng.api.workflow.Drafts.TraineeDraft;
import org.qiancheng.api.workflow.ImportRejectedException;
import org.qiancheng.api.workflow.Page;
import org.qiancheng.api.workflow.RowError;
import org.qiancheng.api.workflow.Trainee;
import org.qiancheng.api.workflow.Trainees;
import org.qiancheng.api.workflow.WorkflowException;
import org.qiancheng.api.workflow.WorkflowException.Kind;
import org.qiancheng.persistence.WorkflowStore;
import org.qiancheng.persistence.WorkflowTx;

/** Real-name trainees (K2), one at a time or a whole file at once, nothing stored when a row fails. */
@Component
public final class TraineeService implements Trainees {

    private static final String READ = "trainee.read";
    private static final String WRITE = "trainee.write";

    private final WorkflowStore store;
    private final Clock clock;
    private final Audit audit;

    @Activate
    public TraineeService(@Reference WorkflowStore store, @Reference Clock clock) {
        this.store = store;
        this.clock = clock;
        this.audit = new Audit(clock);
    }

    @Override
    public Trainee register(TraineeDraft draft) {
        Registration registration = prepare(draft, Scope.of(WRITE));
        return store.transaction(tx -> insert(tx, registration));
    }

    @Override
    public List<Trainee> importTrainees(List<TraineeDraft> rows) {
        RegionScope scope = Scope.of(WRITE);
        List<RowError> errors = new ArrayList<>();
        List<Registration> prepared = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < rows.size(); i++) {
            try {
                Registration registration = prepare(rows.get(i), scope);
                if (!seen.add(registration.id().number())) {
                    throw new WorkflowException(Kind.CONFLICT, "idNumber", "unique", "the same ID is on an earlier line");
                }
                prepared.add(registration);
            } catch (WorkflowException e) {
                errors.add(new RowError(i + 2, e.field(), e.rule(), e.getMessage()));
            }
        }
        if (!errors.isEmpty()) {
            throw new ImportRejectedException(errors);
        }
        return store.transaction(tx -> {
            List<Trainee> imported = new ArrayList<>();
            for (int i = 0; i < prepared.size(); i++) {
                try {
                    imported.add(insert(tx, prepared.get(i)));
                } catch (WorkflowException e) {
                    errors.add(new RowError(i + 2, e.field(), e.rule(), e.getMessage()));
                }
            }
            if (!errors.isEmpty()) {
                throw new ImportRejectedException(errors);
            }
            return imported;
        });
    }

    @Override
    public Trainee trainee(long id) {
        RegionScope scope = Scope.of(READ);
        return store.transaction(tx -> tx.trainees().find(id)).filter(t -> visible(scope, t))
                .orElseThrow(() -> Checks.notFound("trainee", id));
    }

    @Override
    public Trainee disclose(long id, String reason) {
        RegionScope scope = Scope.of("trainee.pii.read");
        String why = Checks.text("reason", reason, 500);
        return store.transaction(tx -> {
            Trainee trainee = tx.trainees().find(id).filter(t -> visible(scope, t))
                    .orElseThrow(() -> Checks.notFound("trainee", id));
            // the trail names whose ID was seen by its masked form, never the full number
            audit.changed(tx, "pii-read", "trainee", id, null, Map.of("reason", why,
                    "idNumber", trainee.residentId().masked()));
            return trainee;
        });
    }

    /** A trainee belongs to the regions of the household and of the usual residence. */
    static boolean visible(RegionScope scope, Trainee trainee) {
        return scope.covers(trainee.householdRegion()) || scope.covers(trainee.residenceRegion());
    }

    @Override
    public Page<Trainee> trainees(String region, int offset, int limit) {
        RegionScope scope = Scope.of(READ);
        Checks.page(offset, limit);
        return store.transaction(tx -> tx.trainees().list(scope, region, offset, limit));
    }

    /** A trainee's data, checked, ready to be written. */
    private record Registration(ResidentId id, String name, Set<TargetGroup> groups, Set<TargetGroup> family,
            String household, String residence, boolean pension) {
    }

    private Registration prepare(TraineeDraft draft, RegionScope scope) {
        ResidentId id = Checks.residentId("idNumber", draft.idNumber(), LocalDate.now(clock));
        String name = Checks.text("name", draft.name(), 100);
        String household = draft.householdRegion() == null ? id.regionCode()
                : Checks.region("householdRegion", draft.householdRegion());
        String residence = draft.residenceRegion() == null ? household
                : Checks.region("residenceRegion", draft.residenceRegion());
        if (!scope.covers(household) && !scope.covers(residence)) {
            throw Scope.outside(scope, "residenceRegion", residence);
        }
        return new Registration(id, name, draft.groups() == null ? Set.of() : draft.groups(),
                draft.familyGroups() == null ? Set.of() : draft.familyGroups(), household, residence,
                Boolean.TRUE.equals(draft.receivesPension()));
    }

    private Trainee insert(WorkflowTx tx, Registration r) {
        if (tx.trainees().byResidentId(r.id()).isPresent()) {
            throw new WorkflowException(Kind.CONFLICT, "idNumber", "unique", "a trainee with ID " + r.id().masked()
                    + " is registered already");
        }
        Trainee created = tx.trainees().insert(r.id(), r.name(), r.groups(), r.family(), r.household(),
                r.residence(), r.pension());
        return audit.created(tx, "trainee", created.id(), created);
    }
}
