package org.qiancheng.persistence.internal.workflow;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDate;
import org.qiancheng.api.claim.ClassFacts;
import org.qiancheng.api.model.SkillLevel;
import org.qiancheng.api.model.TrainingKind;
import org.qiancheng.api.model.TrainingMode;
import org.qiancheng.api.workflow.TrainingClass;

@Entity
@Table(name = "QC_CLASS", indexes = {@Index(columnList = "REGION_CODE"), @Index(columnList = "PROJECT_ID"),
    @Index(columnList = "END_DATE")})
public class ClassEntity implements Versioned {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(name = "PROJECT_ID", nullable = false)
    long projectId;

    @Column(name = "INSTITUTION_ID", nullable = false)
    long institutionId;

    @Column(name = "REGION_CODE", nullable = false, length = 6)
    String regionCode;

    @Column(name = "OCCUPATION_CODE", nullable = false, length = 20)
    String occupationCode;

    @Enumerated(EnumType.STRING)
    @Column(name = "SKILL_LEVEL", nullable = false, length = 30)
    SkillLevel level;

    @Enumerated(EnumType.STRING)
    @Column(name = "TRAINING_MODE", nullable = false, length = 20)
    TrainingMode mode;

    @Enumerated(EnumType.STRING)
    @Column(name = "TRAINING_KIND", nullable = false, length = 20)
    TrainingKind kind;

    @Column(name = "START_DATE", nullable = false)
    LocalDate startDate;

    @Column(name = "END_DATE", nullable = false)
    LocalDate endDate;

    @Column(name = "HOURS", nullable = false)
    int hours;

    /** Who filed it; {@code null} in rows older than the accounts. */
    @Column(name = "FILED_BY", length = 100)
    String filedBy;

    @Column(name = "FILED_ON", nullable = false)
    LocalDate filedOn;

    @Column(name = "ATTENDANCE_THRESHOLD", nullable = false, precision = 3, scale = 2)
    java.math.BigDecimal attendanceThreshold;

    @Version
    @Column(name = "VERSION")
    long version;

    protected ClassEntity() {
        // for JPA; new rows come from of(…)
    }

    static ClassEntity of(long projectId, long institutionId, ClassFacts facts, LocalDate filedOn,
            java.math.BigDecimal attendanceThreshold) {
        ClassEntity e = new ClassEntity();
        e.projectId = projectId;
        e.institutionId = institutionId;
        e.regionCode = facts.regionCode();
        e.occupationCode = facts.occupationCode();
        e.level = facts.level();
        e.mode = facts.mode();
        e.kind = facts.kind();
        e.startDate = facts.startDate();
        e.endDate = facts.endDate();
        e.hours = facts.hours();
        e.filedOn = filedOn;
        e.attendanceThreshold = attendanceThreshold;
        return e;
    }

    @Override
    public long version() {
        return version;
    }

    TrainingClass toRecord() {
        return new TrainingClass(id, projectId, institutionId, new ClassFacts(regionCode, occupationCode, level, mode,
                kind, startDate, endDate, hours), filedOn, attendanceThreshold, version);
    }
}
