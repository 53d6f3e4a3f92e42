package org.qiancheng.api.model;

/** The organisational form of a training class; several policies treat these differently. */
public enum TrainingKind {
    /** 普通社会化培训. */
    GENERAL,
    /** 企业职工培训 [CN-2025 §三(七)]. */
    ENTERPRISE,
    /** 项目制培训 [CN-2025 §四(十二)]. */
    PROJECT,
    /** 企业新型学徒制 [CN-2025 §三(八)]. */
    APPRENTICESHIP,
    /** 以工代训 (training through work). */
    WORK_BASED,
    /** 揭榜挂帅 (open call). */
    OPEN_CALL
}
