package org.qiancheng.core.internal.workflow;

import java.util.Optional;
import org.qiancheng.api.model.Citation;
import org.qiancheng.api.model.LocalizedText;

/**
 * The kernel-wide rules every region shares (K1–K6 of {@code DOMAIN.md}; K7–K10, nothing that has
 * not happened is recorded, checked by {@link TimeRules}), with the national source of each where
 * the national notice states it; K11 (satisfaction surveys) and K12 (later employment evidence) are
 * time rules too. The kernel cites no region: an operator in
 * any province reads the same rule and the same source, and a region's own wording of a rule
 * belongs in that region's bundle. The problem a breach raises keeps the rule's id as its rule.
 */
enum KernelRule {

    /** 补贴性培训项目范围 — subsidised training projects are a defined, published scope. */
    K1("只有开班前备案、且属于已公布培训项目的班级才能申领补贴",
            "a claim is only possible for a class filed before its start date under a published project",
            "CN-2025 §六(十八)"),
    /** The resident ID's check digit is that of GB 11643; no national training notice states the rule. */
    K2("学员以有效的公民身份号码实名登记（校验码正确、出生日期合理），无效号码不予登记",
            "a trainee is identified by a valid resident ID (check digit, plausible birth date); an invalid ID"
                    + " is refused and never stored",
            null),
    /** 虚假培训 — a trainee in two overlapping classes is a sign of false training. */
    K3("同一学员不得同时参加培训期间重叠的两个班级",
            "a trainee cannot attend two classes whose periods overlap", "CN-2025 §六(十八)"),
    /** 取消培训资质 — an institution found in breach loses its qualification to train. */
    K4("列入黑名单的培训机构不得开班备案，其未结补贴申领予以冻结",
            "a blacklisted institution cannot file classes and its open claims are frozen", "CN-2025 §六(十八)"),
    /** The kernel's own principle (DESIGN.md, principle 3); no notice states it. */
    K5("每笔计算金额均可复现：保存政策包、版本、参数生效日期和计算轨迹",
            "every computed amount is reproducible: the decision keeps the policy bundle, its version, the"
                    + " parameters' effective date and the trace",
            null),
    /** The kernel's own principle (DESIGN.md, principle 8); no notice states it. */
    K6("金额精确到分，每个明细行按四舍五入取整到分",
            "money is exact: yuan with two decimals, rounded half up to the fen at the end of each line item",
            null),
    /** 虚假培训 — attendance on a day the trainee could not have trained is false training. */
    K7("考勤只能记录在班级培训期内、不晚于今天且不早于学员报名日的日期",
            "a check-in is for a day of the class period, not after today and not before the trainee's enrolment",
            "CN-2025 §六(十八)"),
    /** 虚假评价 — an evaluation before the training ended, or dated in the future, is a false evaluation. */
    K8("培训结果在班级结业后记录，证书发证日期和就业日期不晚于今天、不早于开班日期",
            "an outcome is recorded once the class has ended; its certificate and employment dates are not after"
                    + " today and not before the class start",
            "CN-2025 §六(十八)"),
    /** 骗取套取补贴资金 — subsidy claimed or paid for training not yet done. */
    K9("只有已结业班级才能申领补贴、拨付资金",
            "claims and payments are only for a class that has ended", "CN-2025 §六(十八)"),
    /** 虚假培训 — a trainee enrolled after the training cannot have trained in it. */
    K10("班级结业后不再报名",
            "no trainee is enrolled in a class that has ended", "CN-2025 §六(十八)"),
    /** 虚假评价 — a satisfaction result before the training ended, or after claims were decided on another one. */
    K11("满意度调查在班级结业后记录：调查日期不早于结业日期、不晚于今天，答卷人数不超过报名人数；补贴已计算后不得更改",
            "a satisfaction survey is recorded once the class has ended: dated from its end date to today, with no"
                    + " more respondents than trainees enrolled; it is not changed once the class's claims are computed",
            "CN-2025 §六(十八)"),
    /** 虚假就业 — employment that is claimed later must have happened and is paid on once. */
    K12("补贴计算后取得的就业证明可补录一次：就业日期不早于开班日期、不晚于今天，据此按原政策版本补差一次",
            "employment evidence that arrives after a claim is recorded once, dated from the class start to today;"
                    + " the claim is then topped up once, by the policy version that decided it",
            "CN-2025 §六(十八)");

    private final LocalizedText text;
    private final Citation source;

    KernelRule(String zh, String en, String source) {
        this.text = new LocalizedText(zh, en);
        this.source = source == null ? null : Citation.parse(source);
    }

    /** @return the rule's id, as the problem's rule, e.g. {@code K1} */
    String id() {
        return name();
    }

    /** @return the rule's wording in Chinese and English */
    LocalizedText text() {
        return text;
    }

    /** @return the national clause that states the rule, or empty where none does */
    Optional<Citation> source() {
        return Optional.ofNullable(source);
    }

    /**
     * A problem message: what happened, then the rule and its national source, e.g. {@code project
     * 7 is not published: a claim is only possible … [CN-2025 §六(十八)]}.
     */
    String breach(String what) {
        return what + ": " + text.en() + (source == null ? "" : " " + source);
    }

    /** The same message in both languages: {@code 项目 7 未公布：只有…… [CN-2025 §六(十八)]}. */
    LocalizedText breach(LocalizedText what) {
        String cited = source == null ? "" : " " + source;
        return new LocalizedText(what.zh() + "：" + text.zh() + cited, what.en() + ": " + text.en() + cited);
    }
}
