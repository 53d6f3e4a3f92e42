package org.qiancheng.persistence.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** One start of the platform on this database; the health check counts these rows. */
@Entity
@Table(name = "QC_BOOT")
public class BootRecord {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "STARTED_AT", nullable = false)
    private OffsetDateTime startedAt;

    @Column(name = "NODE", nullable = false, length = 255)
    private String node;

    protected BootRecord() {
        // for JPA
    }

    BootRecord(OffsetDateTime startedAt, String node) {
        this.startedAt = startedAt;
        this.node = node;
    }

    Long id() {
        return id;
    }
}
