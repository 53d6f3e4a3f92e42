package org.qiancheng.core.internal.registry;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.qiancheng.api.registry.Activation;
import org.qiancheng.api.registry.ActivationException;
import org.qiancheng.api.registry.NoPolicyException;
import org.qiancheng.api.registry.PolicySnapshot;
import org.qiancheng.api.registry.PolicyStatus;
import org.qiancheng.api.registry.PolicyVersion;
import org.qiancheng.api.registry.RegionSummary;
import org.qiancheng.api.registry.RoutingIssue;
import org.qiancheng.engine.LoadedPolicy;

/**
 * The registry's state and rules, free of OSGi so they can be tested directly. Selection and
 * taking a lease happen under one lock, as does removal from routing, so a version is never
 * removed between being chosen and being held; the wait for leases happens outside the lock.
 */
final class Registry {

    private final Map<Long, Installed> installed = new LinkedHashMap<>();
    private final List<Activation> decisions = new ArrayList<>();
    /** Each region's lifecycle, worked out again after any change. */
    private final Map<String, Lifecycle> lifecycles = new HashMap<>();
    private final Duration drainTimeout;

    Registry(Duration drainTimeout) {
        this.drainTimeout = drainTimeout;
    }

    /**
     * Installs a version. A city plugin is checked against every installed valid version of its
     * parent region at once, so an override that breaks the parent's bounds shows as REFUSED with
     * the reason instead of failing each request.
     *
     * @return the version as installed: refused when a city plugin breaks its parent's bounds
     */
    synchronized Installed install(Installed version) {
        Installed checked = checkedAgainstParent(version);
        installed.put(version.key, checked);
        lifecycles.clear();
        return checked;
    }

    private Installed checkedAgainstParent(Installed version) {
        Optional<String> parent = version.parentRegion();
        if (parent.isEmpty()) {
            return version;
        }
        List<String> reasons = new ArrayList<>();
        for (Installed province : valid(parent.get())) {
            if (province.parentRegion().isPresent()) {
                reasons.add("region " + parent.get() + " " + province.version() + " is itself a plugin of "
                        + province.parentRegion().get() + "; a plugin extends a policy that stands alone");
                continue;
            }
            try {
                version.composedWith(province);
            } catch (NoPolicyException e) {
                reasons.add(e.getMessage());
            }
        }
        return reasons.isEmpty() ? version : Installed.refused(version.key, version.descriptor, version.identity, reasons);
    }

    /** Drops a version without waiting (one that never routed: still validating, then unidentifiable). */
    synchronized void forget(long key) {
        installed.remove(key);
        lifecycles.clear();
    }

    /**
     * Takes a version out of routing at once, then waits (bounded) until every snapshot of it is
     * closed: an in-flight request finishes with the version it started with.
     *
     * @return whether every snapshot was closed within the drain timeout
     */
    boolean uninstall(long key) throws InterruptedException {
        Installed removed;
        synchronized (this) {
            removed = installed.remove(key);
            lifecycles.clear();
        }
        if (removed == null) {
            return true;
        }
        try {
            return removed.awaitReleased(drainTimeout);
        } finally {
            if (removed.guard != null) {
                removed.guard.close();
            }
        }
    }

    /**
     * The version deciding a class of a region starting on a day. A region with no version in force
     * that day falls back to its city, its province, then the national policy (100000); a city
     * plugin is composed with its parent's version in force that day.
     */
    synchronized PolicySnapshot acquire(String region, LocalDate classStart) {
        for (String code : FallbackChain.of(region)) {
            Optional<Installed> chosen = select(code, classStart);
            if (chosen.isPresent()) {
                return lease(chosen.get(), classStart);
            }
        }
        throw new NoPolicyException(region, "no policy version of region " + region
                + " (nor of its city, province or the national policy) is in force on " + classStart);
    }

    synchronized PolicySnapshot acquire(String region, String version) {
        Installed chosen = find(region, version);
        return lease(chosen, chosen.descriptor.period().from());
    }

    private Optional<Installed> select(String region, LocalDate day) {
        Lifecycle lifecycle = lifecycle(region);
        Optional<Installed> pinned = lifecycle.pinned().flatMap(version -> findValid(region, version));
        return pinned.isPresent() ? pinned : new Routing(lifecycle.active()).route(day);
    }

    private Lifecycle lifecycle(String region) {
        return lifecycles.computeIfAbsent(region, r -> Lifecycle.of(valid(r), decisionsOf(r)));
    }

    private List<Activation> decisionsOf(String region) {
        return decisions.stream().filter(d -> d.regionCode().equals(region)).toList();
    }

    private PolicySnapshot lease(Installed chosen, LocalDate day) {
        Optional<String> parentRegion = chosen.parentRegion();
        if (parentRegion.isEmpty()) {
            chosen.inUse.incrementAndGet();
            return new Snapshot(chosen.loaded, List.of(chosen));
        }
        Installed parent = select(parentRegion.get(), day).orElseThrow(() -> new NoPolicyException(chosen.region(),
                "policy " + chosen.region() + " " + chosen.version() + " extends region " + parentRegion.get()
                        + ", which has no version in force on " + day));
        LoadedPolicy composed = chosen.composedWith(parent);
        chosen.inUse.incrementAndGet();
        parent.inUse.incrementAndGet();
        return new Snapshot(composed, List.of(chosen, parent));
    }

    /** Replaces the known decisions with the stored history (at start, or another node's decisions). */
    synchronized void load(List<Activation> history) {
        if (!history.equals(decisions)) {
            decisions.clear();
            decisions.addAll(history);
            lifecycles.clear();
        }
    }

    /** Adds a decision just stored. */
    synchronized void record(Activation decision) {
        decisions.add(decision);
        lifecycles.clear();
    }

    synchronized List<Activation> decisions(String region) {
        return decisionsOf(region);
    }

    /** The region's decision sequence as known here: how many decisions it has. */
    synchronized long sequence(String region) {
        return decisions.stream().filter(d -> d.regionCode().equals(region)).count();
    }

    /** The decision to activate a version, checked against the present state; not yet stored. */
    synchronized Activation activation(String region, String version, String actor, String reason, Instant at) {
        boolean validating = installed.values().stream().anyMatch(i -> i.validating() && i.region().equals(region)
                && i.version().equals(version));
        if (validating && findValid(region, version).isEmpty()) {
            throw new ActivationException("status:VALIDATING", "version " + version + " of region " + region
                    + " is still VALIDATING (its parameters and case files are being checked); activate it once it is"
                    + " STANDBY");
        }
        Installed chosen = find(region, version);
        Lifecycle lifecycle = lifecycle(region);
        List<Installed> retired = lifecycle.retiredBy(chosen);
        if (lifecycle.isActive(chosen) && retired.isEmpty()) {
            throw new ActivationException("already-active", "version " + version + " of region " + region
                    + " is active already and would replace nothing");
        }
        return new Activation(0, region, version, Activation.Kind.ACTIVATED,
                retired.stream().map(Installed::version).toList(), actor, at, reason);
    }

    /** The decision to undo the latest activation in effect; not yet stored. */
    synchronized Activation rollback(String region, String actor, String reason, Instant at) {
        Lifecycle.Applied last = lifecycle(region).latest().orElseThrow(() -> new ActivationException(
                "nothing-to-roll-back", "region " + region + " has no activation in effect to roll back"));
        return new Activation(0, region, last.version().version(), Activation.Kind.ROLLED_BACK,
                last.retired().stream().map(Installed::version).toList(), actor, at, reason);
    }

    /** The decision to pin a version (checked to be installed and valid); not yet stored. */
    synchronized Activation pin(String region, String version, String actor, Instant at) {
        find(region, version);
        return new Activation(0, region, version, Activation.Kind.PINNED, List.of(), actor, at, null);
    }

    synchronized Activation unpin(String region, String actor, Instant at) {
        return new Activation(0, region, null, Activation.Kind.UNPINNED, List.of(), actor, at, null);
    }

    synchronized List<PolicyVersion> versions() {
        List<PolicyVersion> versions = new ArrayList<>();
        byRegion().forEach((region, all) -> {
            for (Installed version : all) {
                versions.add(standing(version));
            }
        });
        return versions;
    }

    /** The standing of the version a service registered, as {@link #versions()} lists it; empty when not installed. */
    synchronized Optional<PolicyVersion> standing(long key) {
        return Optional.ofNullable(installed.get(key)).map(this::standing);
    }

    private PolicyVersion standing(Installed version) {
        Lifecycle lifecycle = lifecycle(version.region());
        String pinned = lifecycle.pinned().filter(v -> findValid(version.region(), v).isPresent()).orElse(null);
        return standing(version, lifecycle, pinned, new Routing(lifecycle.active()));
    }

    /** One version as {@link #versions()} lists it; the valid one when a refused twin is installed too. */
    synchronized Optional<PolicyVersion> version(String region, String version) {
        return versions().stream().filter(v -> v.descriptor().regionCode().equals(region)
                && v.descriptor().version().equals(version)).findFirst();
    }

    synchronized List<RoutingIssue> issues() {
        List<RoutingIssue> issues = new ArrayList<>();
        byRegion().forEach((region, all) -> issues.addAll(new Routing(lifecycle(region).active()).issues(region)));
        return issues;
    }

    /**
     * The regions and their valid versions: one still being validated, or refused, shows in
     * versions() with its status, never here.
     */
    synchronized List<RegionSummary> regions() {
        List<RegionSummary> regions = new ArrayList<>();
        byRegion().forEach((region, all) -> {
            List<Installed> checked = all.stream().filter(Installed::valid).toList();
            if (!checked.isEmpty()) {
                Installed newest = checked.get(checked.size() - 1);
                regions.add(new RegionSummary(region, newest.descriptor.regionName(),
                        checked.stream().map(Installed::version).toList()));
            }
        });
        return regions;
    }

    private static PolicyVersion standing(Installed version, Lifecycle lifecycle, String pinned, Routing routing) {
        if (version.validating()) {
            return new PolicyVersion(version.descriptor, version.identity, PolicyStatus.VALIDATING,
                    Installed.VALIDATING, false);
        }
        if (!version.valid()) {
            return new PolicyVersion(version.descriptor, version.identity, PolicyStatus.REFUSED,
                    String.join("; ", version.refusal), false);
        }
        if (pinned != null) {
            boolean isPinned = pinned.equals(version.version());
            return new PolicyVersion(version.descriptor, version.identity,
                    isPinned ? PolicyStatus.ACTIVE : PolicyStatus.STANDBY,
                    isPinned ? null : "region pinned to version " + pinned, isPinned);
        }
        Optional<Lifecycle.Standing> idle = lifecycle.idle(version);
        if (idle.isPresent()) {
            return new PolicyVersion(version.descriptor, version.identity, idle.get().status(), idle.get().reason(),
                    false);
        }
        return routing.decidesSomeDay(version)
                ? new PolicyVersion(version.descriptor, version.identity, PolicyStatus.ACTIVE, null, false)
                : new PolicyVersion(version.descriptor, version.identity, PolicyStatus.STANDBY,
                        "every day of its period is decided by a later-starting or higher version", false);
    }

    private Optional<Installed> findValid(String region, String version) {
        return installed.values().stream().filter(i -> i.valid() && i.region().equals(region)
                && i.version().equals(version)).findFirst();
    }

    private Installed find(String region, String version) {
        List<Installed> candidates = installed.values().stream()
                .filter(i -> i.region().equals(region) && i.version().equals(version)).toList();
        if (candidates.isEmpty()) {
            throw new NoPolicyException(region, "version " + version + " of region " + region + " is not installed");
        }
        return candidates.stream().filter(Installed::valid).findFirst().orElseThrow(() -> new NoPolicyException(region,
                "version " + version + " of region " + region + " is refused: "
                        + String.join("; ", candidates.get(0).refusal)));
    }

    private List<Installed> valid(String region) {
        return installed.values().stream().filter(i -> i.region().equals(region) && i.valid()).toList();
    }

    private Map<String, List<Installed>> byRegion() {
        return installed.values().stream()
                .sorted(Comparator.comparing(Installed::version, VersionOrder.INSTANCE))
                .collect(Collectors.groupingBy(Installed::region, TreeMap::new, Collectors.toList()));
    }

}
