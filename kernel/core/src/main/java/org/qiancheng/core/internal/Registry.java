package org.qiancheng.core.internal;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.qiancheng.api.registry.NoPolicyException;
import org.qiancheng.api.registry.PolicySnapshot;
import org.qiancheng.api.registry.PolicyStatus;
import org.qiancheng.api.registry.PolicyVersion;
import org.qiancheng.api.registry.RegionSummary;
import org.qiancheng.api.registry.RoutingIssue;

/**
 * The registry's state and rules, free of OSGi so they can be tested directly. Selection and
 * taking a lease happen under one lock, as does removal from routing, so a version is never
 * removed between being chosen and being held; the wait for leases happens outside the lock.
 */
final class Registry {

    private final Map<Long, Installed> installed = new LinkedHashMap<>();
    private final Map<String, String> pins = new HashMap<>();
    private final Duration drainTimeout;

    Registry(Duration drainTimeout) {
        this.drainTimeout = drainTimeout;
    }

    synchronized void install(Installed version) {
        installed.put(version.key, version);
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
        }
        if (removed == null) {
            return true;
        }
        long deadline = System.nanoTime() + drainTimeout.toNanos();
        synchronized (removed) {
            while (removed.inUse.get() > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                removed.wait(Math.max(1, left / 1_000_000));
            }
        }
        return true;
    }

    synchronized PolicySnapshot acquire(String region, LocalDate classStart) {
        String pinned = pins.get(region);
        if (pinned != null) {
            return lease(find(region, pinned));
        }
        List<Installed> valid = valid(region);
        if (valid.isEmpty()) {
            throw new NoPolicyException(region, "no policy installed for region " + region);
        }
        return lease(new Routing(valid).route(classStart).orElseThrow(() -> new NoPolicyException(region,
                "no policy version of region " + region + " is in force on " + classStart)));
    }

    synchronized PolicySnapshot acquire(String region, String version) {
        return lease(find(region, version));
    }

    synchronized void pin(String region, String version) {
        find(region, version);
        pins.put(region, version);
    }

    synchronized void unpin(String region) {
        pins.remove(region);
    }

    synchronized List<PolicyVersion> versions() {
        Map<String, List<Installed>> byRegion = byRegion();
        List<PolicyVersion> versions = new ArrayList<>();
        byRegion.forEach((region, all) -> {
            String pinned = pins.get(region);
            Routing routing = new Routing(all.stream().filter(Installed::valid).toList());
            for (Installed version : all) {
                versions.add(standing(version, pinned, routing));
            }
        });
        return versions;
    }

    synchronized List<RoutingIssue> issues() {
        List<RoutingIssue> issues = new ArrayList<>();
        byRegion().forEach((region, all) -> issues.addAll(new Routing(all.stream().filter(Installed::valid).toList())
                .issues(region)));
        return issues;
    }

    synchronized List<RegionSummary> regions() {
        List<RegionSummary> regions = new ArrayList<>();
        byRegion().forEach((region, all) -> {
            Installed newest = all.get(all.size() - 1);
            regions.add(new RegionSummary(region, newest.descriptor.regionName(),
                    all.stream().map(Installed::version).toList()));
        });
        return regions;
    }

    private static PolicyVersion standing(Installed version, String pinned, Routing routing) {
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
        return routing.decidesSomeDay(version)
                ? new PolicyVersion(version.descriptor, version.identity, PolicyStatus.ACTIVE, null, false)
                : new PolicyVersion(version.descriptor, version.identity, PolicyStatus.STANDBY,
                        "every day of its period is decided by a later-starting or higher version", false);
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

    private static PolicySnapshot lease(Installed version) {
        version.inUse.incrementAndGet();
        return new Snapshot(version);
    }
}
