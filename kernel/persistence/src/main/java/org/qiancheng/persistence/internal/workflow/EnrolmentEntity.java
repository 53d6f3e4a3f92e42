package org.qiancheng.persistence.internal.workflow;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import java.time.LocalDate;
import org.qiancheng.api.claim.PolicyIdentity;
import org.qiancheng.api.workflow.Enrolment;

@Entity
@Table(name = "QC_ENROLMENT", uniqueConstraints = @UniqueConstraint(columnNames = {"CLASS_ID", "TRAINEE_ID"}),
        indexes = @Index(columnList = "TRAINEE_ID"))
public class EnrolmentEntity {

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

    Enrolment toRecord() {
        return new Enrolment(id, classId, traineeId, enrolledOn,
                new PolicyIdentity(policyRegion, policyBundle, policyVersion, policyHash));
    }
}
