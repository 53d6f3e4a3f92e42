package org.qiancheng.api.catalog;

/** The three sides a demand catalogue is collected from (industry, employer, worker). */
public enum DemandSide {
    /** 行业发展端. */
    INDUSTRY,
    /** 企业用工端. */
    EMPLOYER,
    /** 群众就业端. */
    WORKER
}
