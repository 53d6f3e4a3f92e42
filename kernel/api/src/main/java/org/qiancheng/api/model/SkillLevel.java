package org.qiancheng.api.model;

/**
 * The eight skill levels ("新八级工") [CN-2025 §十四]. High-skilled (高技能人才) means SENIOR and above.
 */
public enum SkillLevel {
    /** 学徒工. */
    APPRENTICE("学徒工", "Apprentice"),
    /** 初级工 (五级). */
    JUNIOR("初级工(五级)", "Junior (level 5)"),
    /** 中级工 (四级). */
    INTERMEDIATE("中级工(四级)", "Intermediate (level 4)"),
    /** 高级工 (三级). */
    SENIOR("高级工(三级)", "Senior (level 3)"),
    /** 技师 (二级). */
    TECHNICIAN("技师(二级)", "Technician (level 2)"),
    /** 高级技师 (一级). */
    SENIOR_TECHNICIAN("高级技师(一级)", "Senior technician (level 1)"),
    /** 特级技师. */
    PRINCIPAL_TECHNICIAN("特级技师", "Principal technician"),
    /** 首席技师. */
    CHIEF_TECHNICIAN("首席技师", "Chief technician");

    private final LocalizedText label;

    SkillLevel(String zh, String en) {
        this.label = new LocalizedText(zh, en);
    }

    /** @return the level's name as operators read it */
    public LocalizedText label() {
        return label;
    }

    /** @return whether this level counts as high-skilled (高技能人才): SENIOR and above */
    public boolean isHighSkilled() {
        return compareTo(SENIOR) >= 0;
    }
}
