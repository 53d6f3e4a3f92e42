package org.qiancheng.api.workflow;

/** An institution's standing in the directory (承训机构目录, 黑白名单); a blacklisted institution files no class [K4]. */
public enum InstitutionStatus {
    /** In the directory. */
    LISTED,
    /** On the white list. */
    WHITELISTED,
    /** On the black list: may not file classes; its open claims are frozen [K4]. */
    BLACKLISTED
}
