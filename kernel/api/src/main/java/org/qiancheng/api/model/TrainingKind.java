package org.qiancheng.api.model;

/** The organisational form of a training class; several policies treat these differently. */
public enum TrainingKind {
    /** 普通社会化培训. */
    GENERAL,
    /** 企业职工培训 [JS-2019 §三(十四)]. */
    ENTERPRISE,
    /** 项目制培训 [JS-2019 §三(十四); CN-2025 §四(十二)]. */
    PROJECT,
    /** 企业新型学徒制 [XA-2025 §二(四)]. */
    APPRENTICESHIP,
    /** 以工代训 [JS-2019 §三(十三)]. */
    WORK_BASED,
    /** 揭榜挂帅 [SC-2025 §三(八)]. */
    OPEN_CALL
}
