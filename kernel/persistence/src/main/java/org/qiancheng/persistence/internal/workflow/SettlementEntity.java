package org.qiancheng.persistence.internal.workflow;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.List;
import org.qiancheng.api.workflow.Settlement;
import org.qiancheng.api.workflow.SettlementStatus;

/** A settlement run and its progress, updated once per committed batch. */
@Entity
@Table(name = "QC_SETTLEMENT", indexes = @Index(columnList = "REGION_CODE, SETTLED_MONTH"))
public class SettlementEntity {

    /** How many skip reasons a run keeps; the count goes on. */
    static final int SKIPPED_KEPT = 100;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(name = "REGION_CODE", nullable = false, length = 6)
    String regionCode;

    /** The month as {@code yyyy-MM}, which sorts and compares as text. */
    @Column(name = "SETTLED_MONTH", nullable = false, length = 7)
    String month;

    @Enumerated(EnumType.STRING)
    @Column(name = "STATUS", nullable = false, length = 20)
    SettlementStatus status;

    @Column(name = "CLASSES_TOTAL", nullable = false)
    int classesTotal;

    @Column(name = "CLASSES_DONE", nullable = false)
    int classesDone;

    @Column(name = "CLASSES_SKIPPED", nullable = false)
    int classesSkipped;

    @Column(name = "CLAIMS_CREATED", nullable = false)
    long claimsCreated;

    @Column(name = "AMOUNT", nullable = false, precision = 16, scale = 2)
    BigDecimal amount;

    @Column(name = "AFTER_CLASS_ID", nullable = false)
    long afterClassId;

    /**
     * The top-up phase's cursor: {@code null} while the run settles classes, then the last enrolment
     * whose top-up it settled (0 before the first).
     */
    @Column(name = "AFTER_TOPUP_ENROLMENT_ID")
    Long afterTopUpEnrolmentId;

    /** Skip reasons, one per line. */
    @Lob
    @Column(name = "SKIPPED")
    String skipped;

    @Column(name = "ERROR_TEXT", length = 2000)
    String error;

    @Column(name = "STARTED_BY", nullable = false, length = 100)
    String startedBy;

    @Column(name = "STARTED_AT", nullable = false)
    OffsetDateTime startedAt;

    @Column(name = "FINISHED_AT")
    OffsetDateTime finishedAt;

    @Version
    @Column(name = "VERSION")
    long version;

    protected SettlementEntity() {
        // for JPA; new rows come from of(…)
    }

    static SettlementEntity of(String regionCode, YearMonth month, int classesTotal, String startedBy,
            java.time.Instant at) {
        SettlementEntity e = new SettlementEntity();
        e.regionCode = regionCode;
        e.month = month.toString();
        e.status = SettlementStatus.RUNNING;
        e.classesTotal = classesTotal;
        e.amount = BigDecimal.ZERO.setScale(2);
        e.startedBy = startedBy;
        e.startedAt = AuditEventEntity.utc(at);
        return e;
    }

    Settlement toRecord() {
        return new Settlement(id, regionCode, YearMonth.parse(month), status, classesTotal, classesDone,
                classesSkipped, claimsCreated, amount, afterClassId, lines(skipped), error, startedBy,
                startedAt.toInstant(), finishedAt == null ? null : finishedAt.toInstant(), version);
    }

    void addSkipped(List<String> reasons) {
        classesSkipped += reasons.size();
        List<String> kept = new java.util.ArrayList<>(lines(skipped));
        reasons.stream().limit(Math.max(0, SKIPPED_KEPT - kept.size())).forEach(kept::add);
        skipped = kept.isEmpty() ? null : String.join("\n", kept);
    }

    private static List<String> lines(String text) {
        return text == null || text.isEmpty() ? List.of() : List.of(text.split("\n"));
    }
}
