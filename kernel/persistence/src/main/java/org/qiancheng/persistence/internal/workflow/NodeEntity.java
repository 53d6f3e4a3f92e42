package org.qiancheng.persistence.internal.workflow;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import org.eclipse.persistence.annotations.Cache;
import org.eclipse.persistence.config.CacheIsolationType;

/**
 * A platform process on this database and its latest heartbeat. Not in the shared cache: other
 * nodes write these rows.
 */
@Entity
@Table(name = "QC_NODE")
@Cache(isolation = CacheIsolationType.ISOLATED)
public class NodeEntity {

    @Id
    @Column(name = "NODE_ID", length = 100)
    String id;

    @Column(name = "ADDRESS", length = 200)
    String address;

    @Column(name = "STARTED_AT", nullable = false)
    OffsetDateTime startedAt;

    @Column(name = "HEARTBEAT_AT", nullable = false)
    OffsetDateTime heartbeatAt;

    /** Set by a clean stop; {@code null} while it runs (or after it was killed). */
    @Column(name = "STOPPED_AT")
    OffsetDateTime stoppedAt;
}
