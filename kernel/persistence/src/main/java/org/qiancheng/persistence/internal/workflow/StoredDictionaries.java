package org.qiancheng.persistence.internal.workflow;

import jakarta.persistence.PersistenceException;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.qiancheng.api.claim.PolicyIdentity;
import org.qiancheng.persistence.internal.JpaUnit;

/**
 * The decision string tables (and the earlier format's dictionaries) in {@code QC_DECISION_DICT}, each written in a transaction of its own:
 * committed before the claim that uses it, so a claim never refers to a dictionary that a rollback
 * took away (a rolled-back claim leaves at most an unused dictionary).
 */
final class StoredDictionaries implements DecisionCodec.Dictionaries {

    private final JpaUnit unit;

    StoredDictionaries(JpaUnit unit) {
        this.unit = unit;
    }

    @Override
    public Optional<byte[]> find(String key) {
        return unit.read(manager -> Optional.ofNullable(manager.find(DecisionDictionaryEntity.class, key))
                .map(found -> found.sample.clone()));
    }

    @Override
    public List<DecisionCodec.Row> all() {
        return unit.read(manager -> manager.createQuery("SELECT d FROM DecisionDictionaryEntity d ORDER BY d.createdAt,"
                + " d.key", DecisionDictionaryEntity.class).getResultList().stream()
                .map(d -> new DecisionCodec.Row(d.key, d.policy(), d.sample.clone())).toList());
    }

    @Override
    public void store(String key, PolicyIdentity policy, byte[] sample) {
        try {
            unit.inTransaction(manager -> {
                if (manager.find(DecisionDictionaryEntity.class, key) == null) {
                    manager.persist(DecisionDictionaryEntity.of(key, policy, sample,
                            AuditEventEntity.utc(Clock.systemUTC().instant())));
                }
                return null;
            });
        } catch (PersistenceException e) {
            // another node stored the same sample at the same moment: the same key holds the same bytes
            byte[] there = find(key).orElseThrow(() -> e);
            if (!Arrays.equals(there, sample)) {
                throw new IllegalStateException("decision dictionary " + key + " holds other bytes than its key says", e);
            }
        }
    }
}
