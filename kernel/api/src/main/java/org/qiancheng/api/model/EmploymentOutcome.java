package org.qiancheng.api.model;

/** What a trainee did after training, as found by the employment follow-up (就业跟踪). */
public enum EmploymentOutcome {
    /** 稳定就业. */
    STABLE("稳定就业", "Stable employment"),
    /** 灵活就业. */
    FLEXIBLE("灵活就业", "Flexible employment"),
    /** 创业. */
    ENTREPRENEURSHIP("创业", "Entrepreneurship"),
    /** 未就业. */
    NONE("未就业", "No employment");

    private final LocalizedText label;

    EmploymentOutcome(String zh, String en) {
        this.label = new LocalizedText(zh, en);
    }

    /**
     * @return the outcome's name for operators, e.g. 稳定就业 / Stable employment
     * @since 1.1
     */
    public LocalizedText label() {
        return label;
    }
}
