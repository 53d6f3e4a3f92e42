package org.qiancheng.api.claim;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.qiancheng.api.model.PriorSubsidy;
import org.qiancheng.api.model.ResidentId;
import org.qiancheng.api.model.TargetGroup;

/**
 * What a policy may know of a real-name trainee.
 *
 * @param id the validated resident identity number
 * @param groups the target groups the trainee belongs to
 * @param familyGroups target groups of the trainee's immediate family (for a region's
 *     family extensions)
 * @param householdRegion GB/T 2260 code of the household registration (户籍)
 * @param residenceRegion GB/T 2260 code of the usual residence (常住地)
 * @param receivesPension whether the trainee draws a monthly pension
 * @param priorSubsidies every subsidy the trainee already received, oldest first
 */
public record TraineeFacts(ResidentId id, Set<TargetGroup> groups, Set<TargetGroup> familyGroups,
        String householdRegion, String residenceRegion, boolean receivesPension, List<PriorSubsidy> priorSubsidies) {

    /** Requires the identity and regions; copies the collections. */
    public TraineeFacts {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(householdRegion, "householdRegion");
        Objects.requireNonNull(residenceRegion, "residenceRegion");
        groups = Set.copyOf(groups);
        familyGroups = Set.copyOf(familyGroups);
        priorSubsidies = List.copyOf(priorSubsidies);
    }

    /** @return whether the trainee belongs to the group */
    public boolean belongsTo(TargetGroup group) {
        return groups.contains(group);
    }
}
