package org.qiancheng.persistence.internal.workflow;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.eclipse.persistence.annotations.Cache;
import org.eclipse.persistence.config.CacheIsolationType;

/**
 * The head of the audit chain: the last sequence number and MAC. One row; every transaction that
 * appends locks it just before commit, so concurrent transactions extend the chain one after the
 * other instead of forking it. Not in the shared cache, like the entries.
 */
@Entity
@Table(name = "QC_AUDIT_HEAD")
@Cache(isolation = CacheIsolationType.ISOLATED)
public class AuditHeadEntity {

    /** The id of the only row. */
    static final int ID = 1;

    @Id
    @Column(name = "ID")
    int id;

    @Column(name = "SEQ", nullable = false)
    long sequence;

    @Column(name = "MAC", nullable = false, length = 64)
    String mac;

    protected AuditHeadEntity() {
        // for JPA
    }

    /** The head of an empty chain. */
    static AuditHeadEntity genesis() {
        AuditHeadEntity head = new AuditHeadEntity();
        head.id = ID;
        head.sequence = 0;
        head.mac = Hex.of(AuditKey.GENESIS);
        return head;
    }
}
