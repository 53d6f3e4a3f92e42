package org.qiancheng.persistence.internal.workflow;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A client's Idempotency-Key and the request it was first used for. */
@Entity
@Table(name = "QC_IDEMPOTENCY")
public class IdempotencyEntity {

    @Id
    @Column(name = "IDEMPOTENCY_KEY", length = 200)
    String key;

    @Column(name = "SCOPE", nullable = false, length = 200)
    String scope;

    protected IdempotencyEntity() {
        // for JPA; new rows come from of(…)
    }

    static IdempotencyEntity of(String key, String scope) {
        IdempotencyEntity e = new IdempotencyEntity();
        e.key = key;
        e.scope = scope;
        return e;
    }
}
