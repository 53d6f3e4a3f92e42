package org.qiancheng.core.internal.registry;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.qiancheng.api.catalog.Catalog;
import org.qiancheng.api.claim.PolicyIdentity;
import org.qiancheng.api.policy.PolicyDescriptor;
import org.qiancheng.api.registry.NoPolicyException;
import org.qiancheng.engine.ComposedPolicy;
import org.qiancheng.engine.PolicyRefusedException;
import org.qiancheng.engine.StandalonePolicy;

/**
 * One installed policy version: loaded, or refused with reasons. Counts the snapshots in use so
 * that removal can wait for them.
 */
final class Installed {

    final long key;
    final PolicyDescriptor descriptor;
    final PolicyIdentity identity;
    final StandalonePolicy loaded;
    final List<String> refusal;
    final AtomicInteger inUse = new AtomicInteger();
    /** Set once, before the version is handed to the registry. */
    private boolean validating;
    /** Time-limits the bundle's code; {@code null} for a refused version, which never runs. */
    final PolicyGuard guard;
    /** A city plugin composed with each parent version it has met (or why it could not be). */
    private final Map<Long, Composition> compositions = new ConcurrentHashMap<>();

    /**
     * The catalogues this version answered, by parent version (-1 standing alone) and day. A
     * catalogue depends on nothing else (a region's code is pure, its parameters fixed per
     * version), and a preview asks for the one of its class's start day before every decision:
     * answered from here, it costs no call into the bundle (no hop to the guard's threads). Only a
     * catalogue the bundle returned within the guard's time limit is kept; at most
     * {@link #CATALOGUES_KEPT}, forgotten all at once when full.
     */
    private final Map<CatalogueKey, Catalog> catalogues = new ConcurrentHashMap<>();
    static final int CATALOGUES_KEPT = 1_024;

    private record CatalogueKey(long parent, LocalDate day) {
    }

    /**
     * The catalogue of a day, asked of the bundle (through the guard) the first time only.
     *
     * @param parent the key of the parent version composed with, -1 for a version that stands alone
     * @param ask asks the bundle, under the guard's time limit
     */
    Catalog catalogue(long parent, LocalDate day, Supplier<Catalog> ask) {
        CatalogueKey key = new CatalogueKey(parent, day);
        Catalog known = catalogues.get(key);
        if (known == null) {
            known = ask.get();
            if (catalogues.size() >= CATALOGUES_KEPT) {
                catalogues.clear();
            }
            catalogues.put(key, known);
        }
        return known;
    }

    /** A city plugin over one parent version: composed, or refused with the reasons. */
    private record Composition(ComposedPolicy policy, List<String> refusal) {
    }

    private Installed(long key, PolicyDescriptor descriptor, PolicyIdentity identity, StandalonePolicy loaded,
            List<String> refusal, GuardLimits limits) {
        this.key = key;
        this.descriptor = descriptor;
        this.identity = identity;
        this.loaded = loaded;
        this.refusal = List.copyOf(refusal);
        this.guard = loaded == null ? null : new PolicyGuard(identity, limits);
    }

    static Installed loaded(long key, StandalonePolicy loaded) {
        return loaded(key, loaded, GuardLimits.DEFAULT);
    }

    /** @param limits what one call into the bundle may take */
    static Installed loaded(long key, StandalonePolicy loaded, GuardLimits limits) {
        return new Installed(key, loaded.descriptor(), loaded.identity(), loaded, List.of(), limits);
    }

    /** A version whose checks are running: listed, never routed to. */
    static Installed validating(long key, PolicyDescriptor descriptor, PolicyIdentity identity) {
        Installed version = new Installed(key, descriptor, identity, null, List.of(VALIDATING), GuardLimits.DEFAULT);
        version.validating = true;
        return version;
    }

    /** The marker refusal of a version still being validated. */
    static final String VALIDATING = "being validated: parameters and its own case files";

    boolean validating() {
        return validating;
    }

    static Installed refused(long key, PolicyDescriptor descriptor, PolicyIdentity identity, List<String> reasons) {
        return new Installed(key, descriptor, identity, null, reasons, GuardLimits.DEFAULT);
    }

    /**
     * Waits until no snapshot holds this version any more.
     *
     * @return whether that happened within the timeout
     */
    boolean awaitReleased(java.time.Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (this) {
            while (inUse.get() > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                wait(Math.max(1, left / 1_000_000));
            }
        }
        return true;
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
    ComposedPolicy composedWith(Installed parent) {
        Composition composition = compositions.computeIfAbsent(parent.key, k -> {
            try {
                return new Composition(loaded.extending(parent.loaded), List.of());
            } catch (PolicyRefusedException e) {
                return new Composition(null, e.reasons());
            }
        });
        if (composition.policy() == null) {
            throw new NoPolicyException(region(), "policy " + region() + " " + version() + " cannot extend "
                    + parent.region() + " " + parent.version() + ": " + String.join("; ", composition.refusal()));
        }
        return composition.policy();
    }
}
