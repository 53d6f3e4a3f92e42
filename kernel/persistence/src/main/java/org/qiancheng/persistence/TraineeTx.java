package org.qiancheng.persistence;

import java.util.Optional;
import java.util.Set;
import org.osgi.annotation.versioning.ProviderType;
import org.qiancheng.api.security.RegionScope;
import org.qiancheng.api.model.ResidentId;
import org.qiancheng.api.model.TargetGroup;
import org.qiancheng.api.workflow.Page;
import org.qiancheng.api.workflow.Trainee;

/** Real-name trainees, inside the transaction of the {@link WorkflowTx} that gave them. */
@ProviderType
public interface TraineeTx {

    /** Stores a new trainee; the resident ID is unique. */
    Trainee insert(ResidentId residentId, String name, Set<TargetGroup> groups, Set<TargetGroup> familyGroups,
            String householdRegion, String residenceRegion, boolean receivesPension);

    Optional<Trainee> find(long id);

    /**
     * Several trainees in one reading.
     *
     * @return id → trainee, for those of the ids that exist
     * @since 0.12
     */
    java.util.Map<Long, Trainee> findAll(java.util.Collection<Long> ids);

    Optional<Trainee> byResidentId(ResidentId residentId);

    /** In id order; {@code regionPrefix} a household region code prefix, or {@code null} for all. */
    Page<Trainee> list(RegionScope scope, String regionPrefix, int offset, int limit);

    /**
     * Marks the trainee as changed by this transaction, so that two transactions enrolling the same
     * trainee cannot both commit: the second fails with CONFLICT and writes nothing.
     */
    void lock(long traineeId);
}
