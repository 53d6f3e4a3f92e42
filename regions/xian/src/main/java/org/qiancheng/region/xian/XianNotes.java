package org.qiancheng.region.xian;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.qiancheng.api.catalog.StandardCatalog;
import org.qiancheng.api.claim.ClaimInput;
import org.qiancheng.api.claim.ClassFacts;
import org.qiancheng.api.claim.Reason;
import org.qiancheng.api.model.Certificate;
import org.qiancheng.api.model.Citation;
import org.qiancheng.api.model.EmploymentOutcome;
import org.qiancheng.api.model.LocalizedText;
import org.qiancheng.api.model.SkillLevel;
import org.qiancheng.api.model.TrainingKind;
import org.qiancheng.api.parameter.ParameterValue;
import org.qiancheng.api.parameter.Parameters;
import org.qiancheng.api.report.StandardReports;

/** The cited notes and review flags of a granted Xi'an decision: steps that carry no amount. */
final class XianNotes {

    private static final Citation SKILLS_ENTERPRISE = new Citation("XA-2025", "§二(四)");
    private static final Citation COST_SHARING = new Citation("XA-2025", "§三(二)");

    private XianNotes() {
    }

    static List<Reason> notes(ClaimInput input, Parameters parameters) {
        ClassFacts facts = input.classFacts();
        LocalDate on = facts.startDate();
        SkillLevel certified = input.outcome().certificateIfAny().map(Certificate::level).orElse(null);
        boolean highSkilled = certified != null && certified.isHighSkilled();
        List<Reason> notes = new ArrayList<>();
        for (ParameterValue goal : parameters.value(StandardReports.GOALS, on).list()) {
            String measure = goal.get("measure").text();
            if ("enrolled".equals(measure) || ("high_skilled".equals(measure) && highSkilled)) {
                notes.add(new Reason("XA6", new LocalizedText("计入目标：" + goal.get("zh").text(),
                        "Counts toward the target: " + goal.get("en").text()), Citation.parse(goal.get("citation").text())));
            }
        }
        for (ParameterValue chain : parameters.value(StandardCatalog.CHAINS, on).list()) {
            if (chain.get("occupations").texts().contains(facts.occupationCode())) {
                notes.add(new Reason("XA6", new LocalizedText("重点领域：" + chain.get("zh").text(),
                        "Key field: " + chain.get("en").text()), parameters.reference(StandardCatalog.CHAINS)));
            }
        }
        // XA-2025 names one special programme, the elder-care plan of §二(九)
        for (ParameterValue programme : parameters.value(StandardCatalog.PROGRAMMES, on).list()) {
            if (programme.get("occupations").texts().contains(facts.occupationCode())) {
                Citation clause = Citation.parse(programme.get("citation").text());
                notes.add(new Reason("XA5", new LocalizedText("专项培训：" + programme.get("zh").text(),
                        "Special programme: " + programme.get("en").text()), clause));
                if (highSkilled) {
                    notes.add(new Reason("XA5", new LocalizedText(
                            "技能高超、业绩突出的一线职工可直接认定高级工及以上职业技能等级",
                            "Outstanding front-line staff may be directly recognised at senior level or above"), clause));
                }
            }
        }
        if (facts.kind() == TrainingKind.APPRENTICESHIP) {
            notes.add(new Reason("XA4", new LocalizedText("企业新型学徒制：取得" + certified.label().zh() + "证书，按规定给予培训补贴",
                    "New-type apprenticeship: subsidised for a " + certified.label().en() + " certificate"),
                    SKILLS_ENTERPRISE));
        }
        // §二(四) "新技师": technician and senior technician, and the levels above them a fortiori
        if (certified != null && certified.compareTo(SkillLevel.TECHNICIAN) >= 0
                && (facts.kind() == TrainingKind.ENTERPRISE || facts.kind() == TrainingKind.APPRENTICESHIP)) {
            notes.add(new Reason("XA4", new LocalizedText("企业“新技师”培养：取得" + certified.label().zh() + "证书",
                    "Enterprise new-technician training: " + certified.label().en() + " certificate"), SKILLS_ENTERPRISE));
        }
        EmploymentOutcome employment = input.outcome().employment();
        if (!parameters.value(XianSubsidy.OUTCOME_FACTOR, on).has(employment.name())) {
            LocalizedText name = XianAmount.outcomeName(employment);
            notes.add(new Reason("XA3", new LocalizedText(name.zh() + "不适用就业结果导向补贴系数",
                    name.en() + " earns no outcome factor"), parameters.reference(XianSubsidy.OUTCOME_FACTOR)));
        }
        notes.add(new Reason("XA7", new LocalizedText("补贴为政府承担部分，培训费用按“政府补一点、企业出一点、个人付一点”分担",
                "The subsidy is the government's part of the cost shared by government, employer and trainee"),
                COST_SHARING));
        return notes;
    }

    static List<Reason> flags(ClaimInput input, Parameters parameters) {
        BigDecimal minimum = parameters.value(XianSubsidy.MIN_PASS_RATE, input.classFacts().startDate()).decimal();
        BigDecimal rate = input.results().rate(input.results().passed());
        if (rate.compareTo(minimum) < 0) {
            return List.of(new Reason("XA7", new LocalizedText(
                    "班级培训合格率" + XianAmount.percent(rate) + "低于" + XianAmount.percent(minimum) + "，纳入机构绩效评估和诚信监管",
                    "Class pass rate " + XianAmount.percent(rate) + " below " + XianAmount.percent(minimum)
                            + ": institution referred to performance evaluation and credit supervision"),
                    parameters.reference(XianSubsidy.MIN_PASS_RATE)));
        }
        return List.of();
    }
}
