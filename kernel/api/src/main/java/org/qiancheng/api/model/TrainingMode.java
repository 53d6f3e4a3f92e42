package org.qiancheng.api.model;

/** How a class is delivered. */
public enum TrainingMode {
    /** 线下. */
    OFFLINE,
    /** 纯线上 [CN-2025 §四(十三)]. */
    ONLINE_ONLY,
    /** 线上线下结合. */
    MIXED
}
