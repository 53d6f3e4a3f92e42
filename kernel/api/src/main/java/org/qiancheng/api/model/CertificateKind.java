package org.qiancheng.api.model;

/** Kinds of certificate a trainee can obtain after training [CN-2025 §十四]. */
public enum CertificateKind {
    /** 职业资格证书. */
    VOCATIONAL_QUALIFICATION,
    /** 职业技能等级证书. */
    SKILL_LEVEL,
    /** 专项职业能力证书. */
    SPECIAL_ABILITY,
    /** 特种作业操作证书. */
    SPECIAL_OPERATION,
    /** 培训合格证书. */
    TRAINING_COMPLETION
}
