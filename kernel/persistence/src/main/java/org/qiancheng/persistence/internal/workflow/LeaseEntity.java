package org.qiancheng.persistence.internal.workflow;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import org.eclipse.persistence.annotations.Cache;
import org.eclipse.persistence.config.CacheIsolationType;

/**
 * A lease: the one node that does a piece of work (e.g. {@code settlement:42}) until {@code EXPIRES_AT},
 * which its heartbeats move forward. Taken over by another node only once it has expired; changed
 * only by conditional updates, so two nodes never both take it. Not in the shared cache.
 */
@Entity
@Table(name = "QC_LEASE")
@Cache(isolation = CacheIsolationType.ISOLATED)
public class LeaseEntity {

    @Id
    @Column(name = "RESOURCE_NAME", length = 100)
    String resource;

    @Column(name = "NODE_ID", nullable = false, length = 100)
    String node;

    @Column(name = "ACQUIRED_AT", nullable = false)
    OffsetDateTime acquiredAt;

    @Column(name = "EXPIRES_AT", nullable = false)
    OffsetDateTime expiresAt;
}
