package org.qiancheng.core.internal.registry;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.qiancheng.api.model.EffectivePeriod;
import org.qiancheng.api.registry.RoutingIssue;

/**
 * Which valid version of one region decides a day, and where the versions overlap or leave gaps.
 * Among the versions covering a day the one whose period starts latest wins, then the highest
 * version: a newer notice replaces an older one from its start.
 */
final class Routing {

    static final Comparator<Installed> PRECEDENCE = Comparator
            .comparing((Installed i) -> i.descriptor.period().from())
            .thenComparing(Installed::version, VersionOrder.INSTANCE);

    private final List<Installed> valid;

    /** @param valid the valid versions of one region */
    Routing(List<Installed> valid) {
        this.valid = List.copyOf(valid);
    }

    Optional<Installed> route(LocalDate day) {
        return valid.stream().filter(i -> i.descriptor.period().covers(day)).max(PRECEDENCE);
    }

    /** Whether a version decides at least one day: routing is constant between period boundaries. */
    boolean decidesSomeDay(Installed version) {
        EffectivePeriod period = version.descriptor.period();
        TreeSet<LocalDate> boundaries = new TreeSet<>();
        boundaries.add(period.from());
        for (Installed other : valid) {
            EffectivePeriod p = other.descriptor.period();
            boundaries.add(p.from());
            if (p.to() != null) {
                boundaries.add(p.to().plusDays(1));
            }
        }
        return boundaries.stream().filter(period::covers)
                .anyMatch(day -> route(day).map(winner -> winner == version).orElse(false));
    }

    List<RoutingIssue> issues(String region) {
        List<RoutingIssue> issues = new ArrayList<>();
        List<Installed> sorted = valid.stream().sorted(PRECEDENCE).toList();
        for (int i = 0; i < sorted.size(); i++) {
            for (int j = i + 1; j < sorted.size(); j++) {
                EffectivePeriod a = sorted.get(i).descriptor.period();
                EffectivePeriod b = sorted.get(j).descriptor.period();
                if (a.overlaps(b)) {
                    LocalDate from = a.from().isAfter(b.from()) ? a.from() : b.from();
                    LocalDate to = a.to() == null ? b.to() : b.to() == null ? a.to() : a.to().isBefore(b.to()) ? a.to() : b.to();
                    issues.add(new RoutingIssue(region, RoutingIssue.Kind.OVERLAP, new EffectivePeriod(from, to),
                            List.of(sorted.get(i).version(), sorted.get(j).version())));
                }
            }
        }
        LocalDate coveredTo = null;
        Installed last = null;
        for (Installed version : sorted) {
            EffectivePeriod p = version.descriptor.period();
            if (last != null && coveredTo != null && p.from().isAfter(coveredTo.plusDays(1))) {
                issues.add(new RoutingIssue(region, RoutingIssue.Kind.GAP,
                        new EffectivePeriod(coveredTo.plusDays(1), p.from().minusDays(1)),
                        List.of(last.version(), version.version())));
            }
            if (last == null || (coveredTo != null && (p.to() == null || p.to().isAfter(coveredTo)))) {
                coveredTo = p.to();
                last = version;
            }
            if (coveredTo == null) {
                break;
            }
        }
        return issues;
    }
}
