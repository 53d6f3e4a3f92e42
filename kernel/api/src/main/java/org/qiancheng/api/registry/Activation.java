package org.qiancheng.api.registry;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One operator decision about a region's policy versions, as stored: the history of a region is
 * the list of these, oldest first, and the versions in force follow from it and from what is
 * installed.
 *
 * @param id the order of the decision
 * @param regionCode the region
 * @param version the version activated or pinned; {@code null} for a rollback or unpin
 * @param kind what was decided
 * @param retired the versions an activation took out of force, or those a rollback restored
 * @param actor the operator
 * @param at when
 * @param reason why, as the operator said
 * @param sequence the region's decision sequence this decision made: 1 for a region's first decision, one
 *     more for each after it; 0 for a decision not stored yet. A decision is stored only while the region is
 *     still at the sequence its maker read (optimistic concurrency between nodes and operators)
 * @since 1.5 ({@code sequence})
 */
public record Activation(long id, String regionCode, String version, Kind kind, List<String> retired, String actor,
        Instant at, String reason, long sequence) {

    /** What an operator decided. */
    public enum Kind {
        /** A version was put in force for its whole period, replacing the versions it overlaps from its start. */
        ACTIVATED,
        /** The latest activation still in effect was undone. */
        ROLLED_BACK,
        /** One version was made to decide every date of the region. */
        PINNED,
        /** The region was routed by date again. */
        UNPINNED
    }

    /** Requires region, kind, actor and time; copies the list. */
    public Activation {
        Objects.requireNonNull(regionCode, "regionCode");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(at, "at");
        retired = List.copyOf(retired);
    }

    /** A decision without its sequence (0: not stored yet), as before 1.5. */
    public Activation(long id, String regionCode, String version, Kind kind, List<String> retired, String actor,
            Instant at, String reason) {
        this(id, regionCode, version, kind, retired, actor, at, reason, 0);
    }

    /** @return this decision as stored at {@code storedSequence} of its region, with the id it got */
    public Activation stored(long storedId, long storedSequence) {
        return new Activation(storedId, regionCode, version, kind, retired, actor, at, reason, storedSequence);
    }
}
