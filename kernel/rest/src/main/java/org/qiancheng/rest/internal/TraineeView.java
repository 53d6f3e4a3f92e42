package org.qiancheng.rest.internal;

import java.util.Set;
import org.qiancheng.api.model.TargetGroup;
import org.qiancheng.api.workflow.Trainee;

/**
 * A trainee with the full resident ID, as shown by the single-trainee read with a reason alone (an
 * audited disclosure); everywhere else a
 * {@link Trainee} is written, whose ID the JSON module masks.
 *
 * @param idNumber the full 18-character number
 */
public record TraineeView(long id, String idNumber, String name, Set<TargetGroup> groups,
        Set<TargetGroup> familyGroups, String householdRegion, String residenceRegion, boolean receivesPension,
        long version) {

    static TraineeView of(Trainee trainee) {
        return new TraineeView(trainee.id(), trainee.residentId().number(), trainee.name(), trainee.groups(),
                trainee.familyGroups(), trainee.householdRegion(), trainee.residenceRegion(),
                trainee.receivesPension(), trainee.version());
    }
}
