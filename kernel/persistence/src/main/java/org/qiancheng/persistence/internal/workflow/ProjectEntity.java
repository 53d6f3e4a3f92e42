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
import org.qiancheng.api.model.SkillLevel;
import org.qiancheng.api.workflow.Project;

@Entity
@Table(name = "QC_PROJECT", indexes = @Index(columnList = "REGION_CODE"))
public class ProjectEntity implements Versioned {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(name = "REGION_CODE", nullable = false, length = 6)
    String regionCode;

    @Column(name = "NAME", nullable = false, length = 200)
    String name;

    @Column(name = "OCCUPATION_CODE", nullable = false, length = 20)
    String occupationCode;

    @Enumerated(EnumType.STRING)
    @Column(name = "SKILL_LEVEL", nullable = false, length = 30)
    SkillLevel level;

    @Column(name = "HEADCOUNT", nullable = false)
    int headcount;

    @Column(name = "EVALUATION_DIRECTION", length = 500)
    String evaluationDirection;

    @Column(name = "EMPLOYMENT_DIRECTION", length = 500)
    String employmentDirection;

    @Column(name = "WAGE_GUIDANCE", length = 200)
    String wageGuidance;

    @Column(name = "PUBLISHED_ON")
    LocalDate publishedOn;

    @Version
    @Column(name = "VERSION")
    long version;

    protected ProjectEntity() {
        // for JPA; new rows come from of(…)
    }

    static ProjectEntity of(String regionCode, String name, String occupationCode, SkillLevel level, int headcount,
            String evaluationDirection, String employmentDirection, String wageGuidance) {
        ProjectEntity e = new ProjectEntity();
        e.regionCode = regionCode;
        e.name = name;
        e.occupationCode = occupationCode;
        e.level = level;
        e.headcount = headcount;
        e.evaluationDirection = evaluationDirection;
        e.employmentDirection = employmentDirection;
        e.wageGuidance = wageGuidance;
        return e;
    }

    @Override
    public long version() {
        return version;
    }

    Project toRecord() {
        return new Project(id, regionCode, name, occupationCode, level, headcount, evaluationDirection,
                employmentDirection, wageGuidance, publishedOn, version);
    }
}
