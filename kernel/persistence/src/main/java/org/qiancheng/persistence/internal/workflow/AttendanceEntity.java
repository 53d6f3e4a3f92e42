package org.qiancheng.persistence.internal.workflow;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import java.time.LocalDate;

/** One check-in day of one enrolment; a second check-in on the same day adds nothing. */
@Entity
// unique over two columns as an index: create-or-extend-tables adds a @UniqueConstraint again at every
// start (a logged failure, on HSQLDB and PostgreSQL alike) but makes indexes with the table only
@Table(name = "QC_ATTENDANCE", indexes = @Index(name = "UX_QC_ATTENDANCE_DAY", columnList = "ENROLMENT_ID, DAY",
        unique = true))
public class AttendanceEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(name = "ENROLMENT_ID", nullable = false)
    long enrolmentId;

    @Column(name = "DAY", nullable = false)
    LocalDate day;

    protected AttendanceEntity() {
        // for JPA; new rows come from of(…)
    }

    static AttendanceEntity of(long enrolmentId, LocalDate day) {
        AttendanceEntity e = new AttendanceEntity();
        e.enrolmentId = enrolmentId;
        e.day = day;
        return e;
    }
}
