package org.qiancheng.api.model;

/** What a trainee did after training, as found by the employment follow-up (就业跟踪). */
public enum EmploymentOutcome {
    /** 稳定就业. */
    STABLE,
    /** 灵活就业. */
    FLEXIBLE,
    /** 创业. */
    ENTREPRENEURSHIP,
    /** 未就业. */
    NONE
}
