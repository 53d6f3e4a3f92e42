package org.qiancheng.core.internal.workflow;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.qiancheng.api.registry.NoPolicyException;
import org.qiancheng.api.registry.PolicyRegistry;
import org.qiancheng.api.registry.PolicySnapshot;

/**
 * The policy snapshots one unit of work takes, kept until it ends: every class of a settlement
 * batch with the same region and start date is decided by the version taken first, even if an
 * operator activates another version meanwhile; the next batch sees the swap.
 */
final class PolicySnapshots implements AutoCloseable {

    private record Key(String region, LocalDate classStart) {
    }

    private final PolicyRegistry registry;
    private final Map<Key, PolicySnapshot> taken = new HashMap<>();

    PolicySnapshots(PolicyRegistry registry) {
        this.registry = registry;
    }

    /** @throws NoPolicyException when no version is in force for that region and day */
    PolicySnapshot forClass(String region, LocalDate classStart) {
        Key key = new Key(region, classStart);
        PolicySnapshot snapshot = taken.get(key);
        if (snapshot == null) {
            snapshot = registry.acquire(region, classStart);
            taken.put(key, snapshot);
        }
        return snapshot;
    }

    @Override
    public void close() {
        taken.values().forEach(PolicySnapshot::close);
        taken.clear();
    }
}
