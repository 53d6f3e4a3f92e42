package org.qiancheng.api.model;

/** How a class is delivered. */
public enum TrainingMode {
    /** 线下. */
    OFFLINE,
    /** 纯线上 [XA-2025 §二(二)]. */
    ONLINE_ONLY,
    /** 线上线下结合. */
    MIXED
}
