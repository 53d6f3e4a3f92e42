package org.qiancheng.persistence.internal.workflow;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import java.time.LocalDate;

/** One check-in day of one enrolment; a second check-in on the same day adds nothing. */
@Entity
@Table(name = "QC_ATTENDANCE", uniqueConstraints = @UniqueConstraint(columnNames = {"ENROLMENT_ID", "DAY"}))
public class AttendanceEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(name = "ENROLMENT_ID", nullable = false)
    long enrolmentId;

    @Column(name = "DAY", nullable = false)
    LocalDate day;
}
