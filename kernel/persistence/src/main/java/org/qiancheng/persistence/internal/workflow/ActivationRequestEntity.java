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
import java.time.OffsetDateTime;
import org.qiancheng.api.registry.ActivationRequest;

/** A request to activate a policy version, waiting for a second policy administrator. */
@Entity
@Table(name = "QC_ACTIVATION_REQUEST", indexes = @Index(columnList = "STATUS"))
public class ActivationRequestEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(name = "REGION_CODE", nullable = false, length = 6)
    String regionCode;

    @Column(name = "POLICY_VERSION", nullable = false, length = 40)
    String version;

    @Column(name = "REASON", length = 1000)
    String reason;

    @Column(name = "REQUESTED_BY", nullable = false, length = 100)
    String requestedBy;

    @Column(name = "REQUESTED_AT", nullable = false)
    OffsetDateTime requestedAt;

    @Column(name = "EXPIRES_AT", nullable = false)
    OffsetDateTime expiresAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "STATUS", nullable = false, length = 20)
    ActivationRequest.Status status;

    @Column(name = "DECIDED_BY", length = 100)
    String decidedBy;

    @Column(name = "DECIDED_AT")
    OffsetDateTime decidedAt;

    /** The region's decision sequence the request was made at; {@code null} for requests stored before 0.11. */
    @Column(name = "DECISION_SEQUENCE")
    Long sequence;

    ActivationRequest toRecord() {
        return new ActivationRequest(id, regionCode, version, reason, requestedBy, requestedAt.toInstant(),
                expiresAt.toInstant(), status, decidedBy, decidedAt == null ? null : decidedAt.toInstant(),
                sequence);
    }
}
