package org.qiancheng.persistence.internal.workflow;

import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.qiancheng.api.security.RegionScope;
import org.qiancheng.api.model.ResidentId;
import org.qiancheng.api.model.TargetGroup;
import org.qiancheng.api.workflow.Page;
import org.qiancheng.api.workflow.Trainee;
import org.qiancheng.persistence.TraineeTx;

/** Real-name trainees over the entity manager of one transaction. */
final class JpaTrainees implements TraineeTx {

    private final Rows rows;

    JpaTrainees(Rows rows) {
        this.rows = rows;
    }

    @Override
    public Trainee insert(ResidentId residentId, String name, Set<TargetGroup> groups, Set<TargetGroup> familyGroups,
            String householdRegion, String residenceRegion, boolean receivesPension) {
        return rows.persisted(TraineeEntity.of(residentId, name, groups, familyGroups, householdRegion,
                residenceRegion, receivesPension)).toRecord();
    }

    @Override
    public Optional<Trainee> find(long id) {
        return rows.find(TraineeEntity.class, id, TraineeEntity::toRecord);
    }

    @Override
    public java.util.Map<Long, Trainee> findAll(java.util.Collection<Long> ids) {
        java.util.Map<Long, Trainee> found = new java.util.HashMap<>();
        for (List<Long> chunk : Rows.chunks(ids)) {
            // columns, not entities: nothing registered in the transaction to be copied and compared at its flush
            rows.manager.createQuery("SELECT " + TraineeEntity.COLUMNS + " FROM TraineeEntity t WHERE t.id IN :ids",
                    Object[].class).setParameter("ids", chunk).getResultList()
                    .forEach(r -> found.put((Long) r[0], TraineeEntity.record(r)));
        }
        return found;
    }

    @Override
    public Optional<Trainee> byResidentId(ResidentId residentId) {
        return rows.manager.createQuery("SELECT t FROM TraineeEntity t WHERE t.residentId = :number",
                TraineeEntity.class).setParameter("number", residentId.number()).getResultList().stream().findFirst()
                .map(TraineeEntity::toRecord);
    }

    @Override
    public Page<Trainee> list(RegionScope scope, String regionPrefix, int offset, int limit) {
        return rows.<TraineeEntity, Trainee>paging(TraineeEntity.class)
                .filter("householdRegion", "LIKE", regionPrefix == null ? null : regionPrefix + "%")
                .within(scope, "%s", "e.householdRegion", "e.residenceRegion")
                .page(offset, limit, TraineeEntity::toRecord);
    }

    @Override
    public void lock(long traineeId) {
        rows.manager.lock(rows.manager.find(TraineeEntity.class, traineeId), LockModeType.OPTIMISTIC_FORCE_INCREMENT);
    }
}
