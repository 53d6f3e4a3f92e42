package org.qiancheng.core.internal.registry;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.qiancheng.api.registry.Activation;
import org.qiancheng.api.registry.PolicyStatus;

/**
 * Which valid versions of one region are in force, worked out from what is installed and the
 * operators' stored decisions, replayed in order. Without decisions, every version is active except
 * a revision: a version that starts on the same day as a lower one waits on STANDBY, because two
 * texts of one notice must not both be in force by accident. A version that starts later is a
 * successor and takes over from its start by routing.
 */
final class Lifecycle {

    /** Why a valid version is not in force. */
    record Standing(PolicyStatus status, String reason) {
    }

    /** An activation still in effect, as a rollback needs it. */
    record Applied(Installed version, List<Installed> retired, boolean wasActive) {
    }

    private final Set<Installed> active = new LinkedHashSet<>();
    private final Map<Installed, Standing> idle = new HashMap<>();
    private final Deque<Applied> applied = new ArrayDeque<>();
    private String pinned;

    private Lifecycle() {
    }

    /**
     * @param valid the valid versions of one region
     * @param decisions the region's decisions, oldest first
     */
    static Lifecycle of(List<Installed> valid, List<Activation> decisions) {
        Lifecycle lifecycle = new Lifecycle();
        lifecycle.arrive(valid);
        decisions.forEach(decision -> lifecycle.apply(valid, decision));
        return lifecycle;
    }

    private void arrive(List<Installed> valid) {
        Map<java.time.LocalDate, List<Installed>> byStart = new TreeMap<>();
        valid.forEach(v -> byStart.computeIfAbsent(v.descriptor.period().from(), d -> new ArrayList<>()).add(v));
        byStart.forEach((from, versions) -> {
            versions.sort(Comparator.comparing(Installed::version, VersionOrder.INSTANCE));
            Installed first = versions.get(0);
            active.add(first);
            versions.stream().skip(1).forEach(revision -> idle.put(revision, new Standing(PolicyStatus.STANDBY,
                    "a revision of " + first.version() + ", which starts on the same day " + from
                            + "; activate it to put it in force")));
        });
    }

    private void apply(List<Installed> valid, Activation decision) {
        switch (decision.kind()) {
            case ACTIVATED -> find(valid, decision.version()).ifPresent(version -> activate(version, decision));
            case ROLLED_BACK -> rollBack(decision);
            case PINNED -> pinned = decision.version();
            case UNPINNED -> pinned = null;
            default -> throw new IllegalStateException("unknown decision " + decision.kind());
        }
    }

    private void activate(Installed version, Activation decision) {
        List<Installed> retired = retiredBy(version);
        boolean wasActive = active.contains(version);
        active.removeAll(retired);
        active.add(version);
        idle.remove(version);
        retired.forEach(r -> idle.put(r, new Standing(PolicyStatus.RETIRED, "replaced by " + version.version()
                + " on " + decision.at() + " by " + decision.actor() + reason(decision))));
        applied.push(new Applied(version, retired, wasActive));
    }

    private void rollBack(Activation decision) {
        Applied last = applied.poll();
        if (last == null) {
            return;
        }
        if (!last.wasActive()) {
            active.remove(last.version());
            idle.put(last.version(), new Standing(PolicyStatus.STANDBY, "rolled back on " + decision.at() + " by "
                    + decision.actor() + reason(decision)));
        }
        last.retired().forEach(r -> {
            active.add(r);
            idle.remove(r);
        });
    }

    /**
     * The active versions an activation of this one takes out of force: the other texts of the same
     * notice, those starting on the same day. Versions that start later are successors and keep
     * their dates; to make one version decide every date, an operator pins it.
     */
    List<Installed> retiredBy(Installed version) {
        return active.stream().filter(a -> a != version
                && a.descriptor.period().from().equals(version.descriptor.period().from())).toList();
    }

    boolean isActive(Installed version) {
        return active.contains(version);
    }

    List<Installed> active() {
        return List.copyOf(active);
    }

    /** Why a version is not in force, or empty when it is active. */
    Optional<Standing> idle(Installed version) {
        return Optional.ofNullable(idle.get(version));
    }

    /** The latest activation still in effect, which a rollback undoes. */
    Optional<Applied> latest() {
        return Optional.ofNullable(applied.peek());
    }

    Optional<String> pinned() {
        return Optional.ofNullable(pinned);
    }

    private static Optional<Installed> find(List<Installed> valid, String version) {
        return valid.stream().filter(v -> v.version().equals(version)).findFirst();
    }

    private static String reason(Activation decision) {
        return decision.reason() == null || decision.reason().isBlank() ? "" : " (" + decision.reason() + ")";
    }
}
