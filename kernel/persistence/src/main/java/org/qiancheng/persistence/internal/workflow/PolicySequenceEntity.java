package org.qiancheng.persistence.internal.workflow;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.eclipse.persistence.annotations.Cache;
import org.eclipse.persistence.config.CacheIsolationType;

/**
 * One step of a region's decision sequence: the primary key {@code REGION_CODE#SEQUENCE} lets only
 * one decision take each step, whichever node stores it (the last guard of optimistic concurrency,
 * after the count of the region's decisions). Decisions stored before sequences existed have no row:
 * they count, but nothing races them any more.
 */
@Entity
@Table(name = "QC_POLICY_SEQUENCE")
@Cache(isolation = CacheIsolationType.ISOLATED)
public class PolicySequenceEntity {

    @Id
    @Column(name = "DECISION_KEY", length = 40)
    String key;

    @Column(name = "REGION_CODE", nullable = false, length = 6)
    String regionCode;

    @Column(name = "SEQUENCE_NO", nullable = false)
    long sequence;

    @Column(name = "EVENT_ID", nullable = false)
    long eventId;

    static PolicySequenceEntity of(String region, long sequence, long eventId) {
        PolicySequenceEntity e = new PolicySequenceEntity();
        e.key = region + "#" + sequence;
        e.regionCode = region;
        e.sequence = sequence;
        e.eventId = eventId;
        return e;
    }
}
