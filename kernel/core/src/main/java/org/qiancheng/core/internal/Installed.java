package org.qiancheng.core.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.qiancheng.api.claim.PolicyIdentity;
import org.qiancheng.api.policy.PolicyDescriptor;
import org.qiancheng.api.registry.NoPolicyException;
import org.qiancheng.testkit.LoadedPolicy;
import org.qiancheng.testkit.PolicyRefusedException;

/**
 * One installed policy version: loaded, or refused with reasons. Counts the snapshots in use so
 * that removal can wait for them.
 */
final class Installed {

    final long key;
    final PolicyDescriptor descriptor;
    final PolicyIdentity identity;
    final LoadedPolicy loaded;
    final List<String> refusal;
    final AtomicInteger inUse = new AtomicInteger();
    /** A city plugin composed with each parent version it has met (or why it could not be). */
    private final Map<Long, Object> compositions = new ConcurrentHashMap<>();

    private Installed(long key, PolicyDescriptor descriptor, PolicyIdentity identity, LoadedPolicy loaded,
            List<String> refusal) {
        this.key = key;
        this.descriptor = descriptor;
        this.identity = identity;
        this.loaded = loaded;
        this.refusal = List.copyOf(refusal);
    }

    static Installed loaded(long key, LoadedPolicy loaded) {
        return new Installed(key, loaded.descriptor(), loaded.identity(), loaded, List.of());
    }

    static Installed refused(long key, PolicyDescriptor descriptor, PolicyIdentity identity, List<String> reasons) {
        return new Installed(key, descriptor, identity, null, reasons);
    }

    boolean valid() {
        return loaded != null;
    }

    String region() {
        return descriptor.regionCode();
    }

    String version() {
        return descriptor.version();
    }

    Optional<String> parentRegion() {
        return loaded == null ? Optional.empty() : loaded.parentRegion();
    }

    /** This city plugin composed with a version of its parent region, validated once per pair. */
    LoadedPolicy composedWith(Installed parent) {
        Object composed = compositions.computeIfAbsent(parent.key, k -> {
            try {
                return loaded.extending(parent.loaded);
            } catch (PolicyRefusedException e) {
                return e;
            }
        });
        if (composed instanceof PolicyRefusedException refused) {
            throw new NoPolicyException(region(), "policy " + region() + " " + version() + " cannot extend "
                    + parent.region() + " " + parent.version() + ": " + String.join("; ", refused.reasons()));
        }
        return (LoadedPolicy) composed;
    }
}
