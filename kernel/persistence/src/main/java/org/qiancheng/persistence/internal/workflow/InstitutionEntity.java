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
import org.qiancheng.api.workflow.Institution;
import org.qiancheng.api.workflow.InstitutionStatus;

@Entity
@Table(name = "QC_INSTITUTION", indexes = @Index(columnList = "REGION_CODE"))
public class InstitutionEntity implements Versioned {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(name = "NAME", nullable = false, length = 200)
    String name;

    @Column(name = "REGION_CODE", nullable = false, length = 6)
    String regionCode;

    @Enumerated(EnumType.STRING)
    @Column(name = "STATUS", nullable = false, length = 20)
    InstitutionStatus status;

    @Column(name = "CREDIT_GRADE", length = 10)
    String creditGrade;

    @Version
    @Column(name = "VERSION")
    long version;

    protected InstitutionEntity() {
        // for JPA; new rows come from of(…)
    }

    static InstitutionEntity of(String name, String regionCode, InstitutionStatus status, String creditGrade) {
        InstitutionEntity e = new InstitutionEntity();
        e.name = name;
        e.regionCode = regionCode;
        e.status = status;
        e.creditGrade = creditGrade;
        return e;
    }

    @Override
    public long version() {
        return version;
    }

    Institution toRecord() {
        return new Institution(id, name, regionCode, status, creditGrade, version);
    }
}
