package org.qiancheng.api.model;

/** The organisational form of a training class; several policies treat these differently. */
public enum TrainingKind {
    /** 普通社会化培训. */
    GENERAL,
    /** 企业职工培训: training of an enterprise's own employees. */
    ENTERPRISE,
    /** 项目制培训 [CN-2025 §四(十二)]. */
    PROJECT,
    /** 企业新型学徒制: the new enterprise apprenticeship. */
    APPRENTICESHIP,
    /** 以工代训: training through work, subsidised per worker taken on. */
    WORK_BASED,
    /** 揭榜挂帅: an open call for institutions to take on a training task. */
    OPEN_CALL
}
