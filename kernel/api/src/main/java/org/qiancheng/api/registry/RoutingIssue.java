package org.qiancheng.api.registry;

import java.util.List;
import java.util.Objects;
import org.qiancheng.api.model.EffectivePeriod;

/**
 * A problem in how a region's valid versions cover time: two versions claiming the same days
 * (the later-starting, then higher version decides), or days between versions that none covers.
 *
 * @param regionCode the region
 * @param kind overlap or gap
 * @param period the days concerned
 * @param versions the versions concerned (for a gap: the versions before and after it)
 */
public record RoutingIssue(String regionCode, Kind kind, EffectivePeriod period, List<String> versions) {

    /** The kinds of routing issue. */
    public enum Kind {
        /** Several versions cover these days. */
        OVERLAP,
        /** No version covers these days. */
        GAP
    }

    /** Requires every part. */
    public RoutingIssue {
        Objects.requireNonNull(regionCode, "regionCode");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(period, "period");
        versions = List.copyOf(versions);
    }
}
