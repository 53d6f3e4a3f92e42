package org.qiancheng.persistence.internal.workflow;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.List;
import org.qiancheng.api.registry.Activation;

/** An operator's decision about policy versions; only ever inserted. */
@Entity
@Table(name = "QC_POLICY_EVENT")
public class PolicyEventEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(name = "REGION_CODE", nullable = false, length = 6)
    String regionCode;

    @Column(name = "POLICY_VERSION", length = 40)
    String version;

    @Enumerated(EnumType.STRING)
    @Column(name = "EVENT_KIND", nullable = false, length = 20)
    Activation.Kind kind;

    /** Versions, comma-separated. */
    @Column(name = "RETIRED", length = 1000)
    String retired;

    @Column(name = "ACTOR", nullable = false, length = 100)
    String actor;

    @Column(name = "OCCURRED_AT", nullable = false)
    OffsetDateTime at;

    @Column(name = "REASON", length = 1000)
    String reason;

    static PolicyEventEntity of(Activation decision) {
        PolicyEventEntity e = new PolicyEventEntity();
        e.regionCode = decision.regionCode();
        e.version = decision.version();
        e.kind = decision.kind();
        e.retired = String.join(",", decision.retired());
        e.actor = decision.actor();
        e.at = AuditEventEntity.utc(decision.at());
        e.reason = decision.reason();
        return e;
    }

    /** @param sequence this decision's place in its region's decisions, from 1 */
    Activation toRecord(long sequence) {
        return new Activation(id, regionCode, version, kind,
                retired == null || retired.isEmpty() ? List.of() : List.of(retired.split(",")), actor, at.toInstant(),
                reason, sequence);
    }
}
