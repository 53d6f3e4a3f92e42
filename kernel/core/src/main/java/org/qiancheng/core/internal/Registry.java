package org.qiancheng.core.internal;

import java.time.Duration;
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
import org.qiancheng.api.registry.NoPolicyException;
import org.qiancheng.api.registry.PolicySnapshot;
import org.qiancheng.api.registry.PolicyStatus;
import org.qiancheng.api.registry.PolicyVersion;
import org.qiancheng.api.registry.RegionSummary;
import org.qiancheng.api.registry.RoutingIssue;
import org.qiancheng.testkit.LoadedPolicy;

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

    /**
     * Installs a version. A city plugin is checked against every installed valid version of its
     * parent region at once, so an override that breaks the parent's bounds shows as REFUSED with
     * the reason instead of failing each request.
     */
    synchronized void install(Installed version) {
        installed.put(version.key, checkedAgainstParent(version));
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
        String pinned = pins.get(region);
        if (pinned != null) {
            return Optional.of(find(region, pinned));
        }
        return new Routing(valid(region)).route(day);
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

}
