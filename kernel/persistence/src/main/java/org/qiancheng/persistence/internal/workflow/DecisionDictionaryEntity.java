package org.qiancheng.persistence.internal.workflow;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import org.qiancheng.api.claim.PolicyIdentity;

/**
 * What every stored decision of one policy version has in common, stored once: the texts its
 * decisions repeat ({@link StringTable}: rule ids, citations, label templates, parameter names, no
 * trainee's data), to which each claim's decision refers by number ({@link DecisionCodec}); or, in
 * rows of the earlier format, a sample decision of the version with the trainee's part blanked,
 * against which decisions were deflated. The column keeps its name, {@code SAMPLE}, for both.
 * Content-addressed: the key is the start of its SHA-256, so two nodes that store the same table
 * store one row, and a row never changes.
 */
@Entity
@Table(name = "QC_DECISION_DICT", indexes = @Index(columnList = "REGION_CODE, POLICY_VERSION"))
public class DecisionDictionaryEntity {

    @Id
    @Column(name = "DICT_KEY", length = 32)
    String key;

    @Column(name = "REGION_CODE", nullable = false, length = 6)
    String regionCode;

    @Column(name = "BUNDLE", nullable = false, length = 200)
    String bundle;

    @Column(name = "POLICY_VERSION", nullable = false, length = 60)
    String version;

    @Column(name = "CONTENT_HASH", nullable = false, length = 64)
    String contentHash;

    @Column(name = "CREATED_AT", nullable = false)
    OffsetDateTime createdAt;

    @Column(name = "SAMPLE_BYTES", nullable = false)
    int sampleBytes;

    @Lob
    @Column(name = "SAMPLE", nullable = false)
    byte[] sample;

    protected DecisionDictionaryEntity() {
        // for JPA
    }

    static DecisionDictionaryEntity of(String key, PolicyIdentity policy, byte[] sample, OffsetDateTime now) {
        DecisionDictionaryEntity e = new DecisionDictionaryEntity();
        e.key = key;
        e.regionCode = policy.regionCode();
        e.bundle = policy.bundleSymbolicName();
        e.version = policy.version();
        e.contentHash = policy.contentHash();
        e.createdAt = now;
        e.sample = sample.clone();
        e.sampleBytes = sample.length;
        return e;
    }

    PolicyIdentity policy() {
        return new PolicyIdentity(regionCode, bundle, version, contentHash);
    }
}
