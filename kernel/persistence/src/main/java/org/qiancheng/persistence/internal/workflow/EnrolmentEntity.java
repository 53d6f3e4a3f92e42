package org.qiancheng.persistence.internal.workflow;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import org.qiancheng.api.claim.TraineeOutcome;
import org.qiancheng.api.model.Certificate;
import org.qiancheng.api.model.CertificateKind;
import org.qiancheng.api.model.EmploymentOutcome;
import org.qiancheng.api.model.SkillLevel;
import java.time.LocalDate;
import org.qiancheng.api.claim.PolicyIdentity;
import org.qiancheng.api.workflow.Enrolment;

@Entity
// unique over two columns as an index: create-or-extend-tables adds a @UniqueConstraint again at every
// start (a logged failure, on HSQLDB and PostgreSQL alike) but makes indexes with the table only
@Table(name = "QC_ENROLMENT", indexes = {@Index(name = "UX_QC_ENROLMENT_TRAINEE", columnList = "CLASS_ID, TRAINEE_ID",
    unique = true), @Index(columnList = "TRAINEE_ID")})
public class EnrolmentEntity implements Versioned {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(name = "CLASS_ID", nullable = false)
    long classId;

    @Column(name = "TRAINEE_ID", nullable = false)
    long traineeId;

    @Column(name = "ENROLLED_ON", nullable = false)
    LocalDate enrolledOn;

    @Column(name = "POLICY_REGION", nullable = false, length = 6)
    String policyRegion;

    @Column(name = "POLICY_BUNDLE", nullable = false, length = 200)
    String policyBundle;

    @Column(name = "POLICY_VERSION", nullable = false, length = 40)
    String policyVersion;

    @Column(name = "POLICY_HASH", nullable = false, length = 64)
    String policyHash;

    @Column(name = "ATTENDED_DAYS", nullable = false)
    int attendedDays;

    /** The outcome, once recorded; {@code null} before. */
    @Column(name = "PASSED")
    Boolean passed;

    @Enumerated(EnumType.STRING)
    @Column(name = "CERTIFICATE_KIND", length = 40)
    CertificateKind certificateKind;

    @Enumerated(EnumType.STRING)
    @Column(name = "CERTIFICATE_LEVEL", length = 30)
    SkillLevel certificateLevel;

    @Column(name = "CERTIFICATE_ISSUED_ON")
    LocalDate certificateIssuedOn;

    @Enumerated(EnumType.STRING)
    @Column(name = "EMPLOYMENT", length = 20)
    EmploymentOutcome employment;

    @Column(name = "EMPLOYED_ON")
    LocalDate employedOn;

    /** When employment evidence arrived after the claim: a top-up is then due (K12). */
    @Column(name = "EMPLOYMENT_RECORDED_ON")
    LocalDate employmentRecordedOn;

    @Version
    @Column(name = "VERSION")
    long version;

    protected EnrolmentEntity() {
        // for JPA; new rows come from of(…)
    }

    static EnrolmentEntity of(long classId, long traineeId, LocalDate enrolledOn, PolicyIdentity checkedBy) {
        EnrolmentEntity e = new EnrolmentEntity();
        e.classId = classId;
        e.traineeId = traineeId;
        e.enrolledOn = enrolledOn;
        e.policyRegion = checkedBy.regionCode();
        e.policyBundle = checkedBy.bundleSymbolicName();
        e.policyVersion = checkedBy.version();
        e.policyHash = checkedBy.contentHash();
        return e;
    }

    @Override
    public long version() {
        return version;
    }

    Enrolment toRecord() {
        return new Enrolment(id, classId, traineeId, enrolledOn,
                new PolicyIdentity(policyRegion, policyBundle, policyVersion, policyHash), attendedDays, outcome(),
                employmentRecordedOn, version);
    }

    TraineeOutcome outcome() {
        if (passed == null) {
            return null;
        }
        Certificate certificate = certificateKind == null ? null
                : new Certificate(certificateKind, certificateLevel, certificateIssuedOn);
        return new TraineeOutcome(passed, certificate, employment, employedOn);
    }

    void outcome(TraineeOutcome outcome) {
        passed = outcome.passed();
        Certificate certificate = outcome.certificate();
        certificateKind = certificate == null ? null : certificate.kind();
        certificateLevel = certificate == null ? null : certificate.level();
        certificateIssuedOn = certificate == null ? null : certificate.issuedOn();
        employment = outcome.employment();
        employedOn = outcome.employedOn();
    }
}
