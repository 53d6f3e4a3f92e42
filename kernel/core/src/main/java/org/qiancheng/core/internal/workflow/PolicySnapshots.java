package org.qiancheng.core.internal.workflow;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.qiancheng.api.claim.PolicyIdentity;
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
    private final Map<PolicyIdentity, PolicySnapshot> versions = new HashMap<>();

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

    /**
     * The very version that made a decision, for deciding again with later evidence (a top-up).
     *
     * @throws NoPolicyException when that version is not installed, or is installed with other content
     */
    PolicySnapshot forDecision(PolicyIdentity decidedBy) {
        PolicySnapshot snapshot = versions.get(decidedBy);
        if (snapshot == null) {
            snapshot = registry.acquire(decidedBy.regionCode(), decidedBy.version());
            if (!snapshot.identity().equals(decidedBy)) {
                snapshot.close();
                throw new NoPolicyException(decidedBy.regionCode(), "the version " + decidedBy.version() + " of "
                        + decidedBy.regionCode()
                        + " installed now has other content (" + snapshot.identity().contentHash() + ") than the one"
                        + " that decided (" + decidedBy.contentHash() + ")");
            }
            versions.put(decidedBy, snapshot);
        }
        return snapshot;
    }

    @Override
    public void close() {
        taken.values().forEach(PolicySnapshot::close);
        taken.clear();
        versions.values().forEach(PolicySnapshot::close);
        versions.clear();
    }
}
