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
import java.math.BigDecimal;
import java.time.LocalDate;
import org.qiancheng.api.workflow.Disbursement;
import org.qiancheng.api.workflow.InstalmentKind;

/** One instalment paid; at most one of each kind per claim. */
@Entity
// unique over two columns as an index: create-or-extend-tables adds a @UniqueConstraint again at every
// start (a logged failure, on HSQLDB and PostgreSQL alike) but makes indexes with the table only
@Table(name = "QC_DISBURSEMENT", indexes = @Index(name = "UX_QC_DISBURSEMENT_KIND", columnList = "CLAIM_ID, KIND",
        unique = true))
public class DisbursementEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(name = "CLAIM_ID", nullable = false)
    long claimId;

    @Enumerated(EnumType.STRING)
    @Column(name = "KIND", nullable = false, length = 10)
    InstalmentKind kind;

    @Column(name = "AMOUNT", nullable = false, precision = 14, scale = 2)
    BigDecimal amount;

    @Column(name = "PAID_ON", nullable = false)
    LocalDate paidOn;

    /** Who paid it; {@code null} in rows older than this column. */
    @Column(name = "PAID_BY", length = 100)
    String paidBy;

    protected DisbursementEntity() {
        // for JPA; new rows come from of(…)
    }

    static DisbursementEntity of(long claimId, InstalmentKind kind, BigDecimal amount, LocalDate paidOn,
            String paidBy) {
        DisbursementEntity e = new DisbursementEntity();
        e.paidBy = paidBy;
        e.claimId = claimId;
        e.kind = kind;
        e.amount = amount;
        e.paidOn = paidOn;
        return e;
    }

    Disbursement toRecord() {
        return new Disbursement(id, claimId, kind, amount, paidOn);
    }
}
