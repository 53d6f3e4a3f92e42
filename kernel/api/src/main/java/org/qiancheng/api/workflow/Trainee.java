package org.qiancheng.api.workflow;

import java.util.Set;
import org.qiancheng.api.model.ResidentId;
import org.qiancheng.api.model.TargetGroup;

/**
 * A real-name trainee (实名制), identified by a valid resident ID [K2].
 *
 * @param id the kernel's id
 * @param residentId the validated identity number (masked when shown in lists)
 * @param name the trainee's name
 * @param groups target groups
 * @param familyGroups target groups of immediate family
 * @param householdRegion household registration region
 * @param residenceRegion usual residence region
 * @param receivesPension whether a monthly pension is drawn
 * @param version optimistic-lock version
 */
public record Trainee(long id, ResidentId residentId, String name, Set<TargetGroup> groups, Set<TargetGroup> familyGroups,
        String householdRegion, String residenceRegion, boolean receivesPension, long version) {

    /** Copies the sets. */
    public Trainee {
        groups = Set.copyOf(groups);
        familyGroups = Set.copyOf(familyGroups);
    }
}
