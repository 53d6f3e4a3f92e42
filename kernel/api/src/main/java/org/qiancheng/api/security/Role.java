package org.qiancheng.api.security;

/**
 * What a user may do. Business roles and administrator roles are never held together (三员分立,
 * separation of the administrators' duties from the business): see {@link #administrator()}.
 */
public enum Role {

    /** 经办: directory, projects, classes, trainees, enrolments, attendance, outcomes, claims, imports. */
    CLERK("经办", "Clerk", false),
    /** 审核: reviews claims. */
    REVIEWER("审核", "Reviewer", false),
    /** 拨付: disbursements and settlements. */
    FINANCE("拨付", "Finance", false),
    /** 政策管理员: policy bundles, comparison, activation, rollback, pins. */
    POLICY_ADMIN("政策管理员", "Policy administrator", false),
    /** 审计员: reads the audit trail and verifies it; changes nothing. */
    AUDITOR("审计员", "Auditor", false),
    /** 安全管理员: users, roles, regions and sessions; no business work. */
    SECURITY_ADMIN("安全管理员", "Security administrator", true);

    private final String nameZh;
    private final String nameEn;
    private final boolean administrator;

    Role(String nameZh, String nameEn, boolean administrator) {
        this.nameZh = nameZh;
        this.nameEn = nameEn;
        this.administrator = administrator;
    }

    /** @return the role's name in Chinese, e.g. {@code 经办} */
    public String nameZh() {
        return nameZh;
    }

    /** @return the role's name in English, e.g. {@code Clerk} */
    public String nameEn() {
        return nameEn;
    }

    /**
     * @return whether this is an administrator role (today {@link #SECURITY_ADMIN}), which is never held
     *     together with a business role
     */
    public boolean administrator() {
        return administrator;
    }
}
