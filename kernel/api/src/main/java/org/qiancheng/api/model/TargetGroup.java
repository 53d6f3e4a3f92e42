package org.qiancheng.api.model;

/** Groups that training policies focus on (重点群体). */
public enum TargetGroup {
    /** 农民工. */
    MIGRANT_WORKER("农民工", "Migrant worker"),
    /** 登记失业人员. */
    REGISTERED_UNEMPLOYED("登记失业人员", "Registered unemployed"),
    /** 高校/大中专毕业生. */
    GRADUATE("高校毕业生", "Graduate"),
    /** 退役军人. */
    VETERAN("退役军人", "Veteran"),
    /** 残疾人. */
    DISABLED("残疾人", "Person with a disability"),
    /** 就业困难人员. */
    HARD_TO_EMPLOY("就业困难人员", "Hard to employ"),
    /** 建档立卡低收入农户. */
    LOW_INCOME_RURAL("低收入农户", "Low-income rural household"),
    /** 城乡低保. */
    URBAN_SUBSISTENCE("城乡低保对象", "Subsistence allowance recipient"),
    /** 零就业家庭. */
    ZERO_EMPLOYMENT_FAMILY("零就业家庭成员", "Zero-employment family"),
    /** 农村未继续升学初高中毕业生. */
    RURAL_NON_CONTINUING("农村未升学初高中毕业生", "Rural school leaver"),
    /** 企业职工. */
    ENTERPRISE_EMPLOYEE("企业职工", "Enterprise employee");

    private final LocalizedText label;

    TargetGroup(String zh, String en) {
        this.label = new LocalizedText(zh, en);
    }

    /** @return the group's name as operators read it */
    public LocalizedText label() {
        return label;
    }
}
