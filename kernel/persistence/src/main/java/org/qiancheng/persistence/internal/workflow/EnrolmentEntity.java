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
    unique = true), @Index(columnList = "TRAINEE_ID"),
    @Index(name = EnrolmentEntity.EMPLOYMENT_INDEX, columnList = "EMPLOYMENT_RECORDED_ON")})
public class EnrolmentEntity implements Versioned {

    /** The index of the top-ups' scan; also created on older tables ({@link AddedIndexes}). */
    static final String EMPLOYMENT_INDEX = "IX_QC_ENROLMENT_EMPLOYMENT";

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
        return record(new Object[] {id, classId, traineeId, enrolledOn, policyRegion, policyBundle, policyVersion,
            policyHash, attendedDays, passed, certificateKind, certificateLevel, certificateIssuedOn, employment,
            employedOn, employmentRecordedOn, version});
    }

    /** The columns {@link #record} reads, for a query over enrolments {@code n}. */
    static final String COLUMNS = "n.id, n.classId, n.traineeId, n.enrolledOn, n.policyRegion, n.policyBundle,"
            + " n.policyVersion, n.policyHash, n.attendedDays, n.passed, n.certificateKind, n.certificateLevel,"
            + " n.certificateIssuedOn, n.employment, n.employedOn, n.employmentRecordedOn, n.version";

    /**
     * An enrolment from a row of {@link #COLUMNS}: read as columns, nothing is registered in the
     * transaction to be copied and compared at its flush.
     */
    static Enrolment record(Object[] r) {
        Boolean passed = (Boolean) r[9];
        TraineeOutcome outcome = null;
        if (passed != null) {
            Certificate certificate = r[10] == null ? null
                    : new Certificate((CertificateKind) r[10], (SkillLevel) r[11], (LocalDate) r[12]);
            outcome = new TraineeOutcome(passed, certificate, (EmploymentOutcome) r[13], (LocalDate) r[14]);
        }
        return new Enrolment((Long) r[0], (Long) r[1], (Long) r[2], (LocalDate) r[3],
                new PolicyIdentity((String) r[4], (String) r[5], (String) r[6], (String) r[7]), (Integer) r[8],
                outcome, (LocalDate) r[15], (Long) r[16]);
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
