package org.qiancheng.api.catalog;

import java.util.Objects;

/**
 * One line of the training demand catalogue (培训需求指导目录).
 *
 * @param occupationCode the occupation in demand
 * @param side which side the demand was collected from
 * @param headcount the trainings asked for, 0 when not counted
 */
public record DemandEntry(String occupationCode, DemandSide side, int headcount) {

    /** Requires occupation and side, and a non-negative headcount. */
    public DemandEntry {
        Objects.requireNonNull(occupationCode, "occupationCode");
        Objects.requireNonNull(side, "side");
        if (headcount < 0) {
            throw new IllegalArgumentException("headcount must not be negative");
        }
    }
}
