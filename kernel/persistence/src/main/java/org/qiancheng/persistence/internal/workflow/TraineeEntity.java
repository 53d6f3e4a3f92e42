package org.qiancheng.persistence.internal.workflow;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.qiancheng.api.model.ResidentId;
import org.qiancheng.api.model.TargetGroup;
import org.qiancheng.api.workflow.Trainee;

@Entity
@Table(name = "QC_TRAINEE", indexes = {@Index(columnList = "RESIDENT_ID", unique = true),
    @Index(columnList = "HOUSEHOLD_REGION")})
public class TraineeEntity implements Versioned {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(name = "RESIDENT_ID", nullable = false, length = 18, unique = true)
    String residentId;

    @Column(name = "NAME", nullable = false, length = 100)
    String name;

    /** Target groups as enum names joined by commas: few, fixed, and always read with the trainee. */
    @Column(name = "TARGET_GROUPS", length = 500)
    String groups;

    @Column(name = "FAMILY_GROUPS", length = 500)
    String familyGroups;

    @Column(name = "HOUSEHOLD_REGION", nullable = false, length = 6)
    String householdRegion;

    @Column(name = "RESIDENCE_REGION", nullable = false, length = 6)
    String residenceRegion;

    @Column(name = "RECEIVES_PENSION", nullable = false)
    boolean receivesPension;

    @Version
    @Column(name = "VERSION")
    long version;

    protected TraineeEntity() {
        // for JPA; new rows come from of(…)
    }

    static TraineeEntity of(ResidentId residentId, String name, Set<TargetGroup> groups, Set<TargetGroup> familyGroups,
            String householdRegion, String residenceRegion, boolean receivesPension) {
        TraineeEntity e = new TraineeEntity();
        e.residentId = residentId.number();
        e.name = name;
        e.groups = encode(groups);
        e.familyGroups = encode(familyGroups);
        e.householdRegion = householdRegion;
        e.residenceRegion = residenceRegion;
        e.receivesPension = receivesPension;
        return e;
    }

    @Override
    public long version() {
        return version;
    }

    Trainee toRecord() {
        return record(new Object[] {id, residentId, name, groups, familyGroups, householdRegion, residenceRegion,
            receivesPension, version});
    }

    /** The columns {@link #record} reads, for a query over trainees {@code t}. */
    static final String COLUMNS = "t.id, t.residentId, t.name, t.groups, t.familyGroups, t.householdRegion,"
            + " t.residenceRegion, t.receivesPension, t.version";

    /**
     * A trainee from a row of {@link #COLUMNS}: read as columns, nothing is registered in the transaction to
     * be copied and compared at its flush.
     */
    static Trainee record(Object[] r) {
        return new Trainee((Long) r[0], new ResidentId((String) r[1]), (String) r[2], decode((String) r[3]),
                decode((String) r[4]), (String) r[5], (String) r[6], (Boolean) r[7], (Long) r[8]);
    }

    static String encode(Set<TargetGroup> groups) {
        return groups.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
    }

    private static Set<TargetGroup> decode(String text) {
        Set<TargetGroup> decoded = EnumSet.noneOf(TargetGroup.class);
        if (text != null && !text.isBlank()) {
            Arrays.stream(text.split(",")).map(TargetGroup::valueOf).forEach(decoded::add);
        }
        return decoded;
    }
}
