package org.qiancheng.api.workflow;

/**
 * Where a yearly training plan (年度培训计划) stands: drafted, published at the start of the year,
 * then adjusted at most once in the year.
 *
 * @since 0.8
 */
public enum PlanStatus {
    /** Being drafted: its lines may be replaced; it is not a plan anyone follows yet. */
    DRAFT,
    /** Published: classes of the year follow it. */
    PUBLISHED,
    /** Published, then adjusted once (年中动态调整一次); no further adjustment. */
    ADJUSTED
}
