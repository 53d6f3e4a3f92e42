package org.qiancheng.region.national;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.qiancheng.api.catalog.StandardCatalog;
import org.qiancheng.api.claim.ClaimInput;
import org.qiancheng.api.claim.ClassFacts;
import org.qiancheng.api.claim.Eligibility;
import org.qiancheng.api.claim.LineItem;
import org.qiancheng.api.claim.Reason;
import org.qiancheng.api.claim.SubsidyDecision;
import org.qiancheng.api.claim.TraineeFacts;
import org.qiancheng.api.model.Citation;
import org.qiancheng.api.model.EmploymentOutcome;
import org.qiancheng.api.model.LocalizedText;
import org.qiancheng.api.model.TrainingKind;
import org.qiancheng.api.parameter.ParameterSpec;
import org.qiancheng.api.parameter.ParameterValue;
import org.qiancheng.api.parameter.Parameters;
import org.qiancheng.api.spi.SubsidyPolicy;

/**
 * The national rules, as this bundle interprets them (each step cited in the trace):
 * training shorter than the minimum hours of its level is treated as false training and refused
 * (CN5); the trainee must pass, and in project-based training must also be evaluated and hold a
 * certificate (CN3); the amount is the differentiated standard of occupation and level (CN4),
 * plus the shortage uplift (CN4), plus an employment-service share for project trainees who find
 * work (CN3); the claim counts toward the 30,000,000 target (CN1) and names its sector (CN2); a
 * class below the quality threshold is flagged for sampling (CN6).
 */
final class NationalSubsidy implements SubsidyPolicy {

    static final String STANDARD = "subsidy/standard";
    static final String PROJECT_EMPLOYMENT = "subsidy/project_employment_share";
    static final String MIN_HOURS = "training/min_hours";
    static final String MIN_SATISFACTION = "evaluation/min_satisfaction";

    static List<ParameterSpec> specs() {
        return List.of(ParameterSpec.table(STANDARD).atLeast("0"),
                ParameterSpec.table(StandardCatalog.SHORTAGE).atLeast("0").atMost("0.50").boundBy("CN-2025 §六(十七)"),
                ParameterSpec.number(PROJECT_EMPLOYMENT).atLeast("0").atMost("0.30"),
                ParameterSpec.table(MIN_HOURS).atLeast("1"),
                ParameterSpec.number(MIN_SATISFACTION).atLeast("0").atMost("1"));
    }

    @Override
    public Eligibility eligibility(TraineeFacts trainee, ClassFacts facts, Parameters parameters) {
        BigDecimal minimum = parameters.value(MIN_HOURS, facts.startDate()).decimal(facts.level().name());
        if (BigDecimal.valueOf(facts.hours()).compareTo(minimum) < 0) {
            return Eligibility.refused(new Reason("CN5", new LocalizedText(
                    "培训课时" + facts.hours() + "低于该等级最低课时" + minimum.toPlainString() + "，按虚假培训处理",
                    facts.hours() + " hours is below the minimum " + minimum.toPlainString()
                            + " for the level: treated as false training"), parameters.reference(MIN_HOURS)));
        }
        return Eligibility.granted();
    }

    @Override
    public SubsidyDecision decide(ClaimInput input, Parameters parameters) {
        ClassFacts facts = input.classFacts();
        LocalDate on = facts.startDate();
        Eligibility eligibility = eligibility(input.trainee(), facts, parameters);
        if (!eligibility.eligible()) {
            return SubsidyDecision.refused(eligibility);
        }
        Citation project = new Citation("CN-2025", "§四(十二)");
        if (!input.outcome().passed()) {
            return SubsidyDecision.refused(new Reason("CN3", new LocalizedText("未通过结业考核或技能评价",
                    "Did not pass the final assessment or skill evaluation"), project));
        }
        boolean projectBased = facts.kind() == TrainingKind.PROJECT;
        if (projectBased && input.outcome().certificate() == null) {
            return SubsidyDecision.refused(new Reason("CN3", new LocalizedText("项目制培训须经技能评价并取得证书",
                    "Project-based training requires a skill evaluation with a certificate"), project));
        }
        BigDecimal standard = parameters.value(STANDARD, on).decimal(facts.occupationCode(), facts.level().name());
        List<LineItem> lines = new ArrayList<>();
        lines.add(new LineItem("CN4", new LocalizedText("差异化补贴标准(职业、等级)",
                "Differentiated standard for occupation and level"), standard, parameters.reference(STANDARD)));
        ParameterValue shortage = parameters.value(StandardCatalog.SHORTAGE, on);
        if (shortage.has(facts.occupationCode())) {
            BigDecimal uplift = shortage.decimal(facts.occupationCode());
            lines.add(new LineItem("CN4", new LocalizedText("急需紧缺职业上浮" + percent(uplift),
                    "Shortage occupation uplift " + percent(uplift)), standard.multiply(uplift),
                    parameters.reference(StandardCatalog.SHORTAGE)));
        }
        EmploymentOutcome employment = input.outcome().employment();
        if (projectBased && (employment == EmploymentOutcome.STABLE || employment == EmploymentOutcome.FLEXIBLE)) {
            BigDecimal share = parameters.value(PROJECT_EMPLOYMENT, on).decimal();
            lines.add(new LineItem("CN3", new LocalizedText("项目制培训就业服务补贴" + percent(share),
                    "Employment service share of project-based training " + percent(share)), standard.multiply(share),
                    parameters.reference(PROJECT_EMPLOYMENT)));
        }
        return new SubsidyDecision(eligibility, lines, notes(facts, parameters), flags(input, parameters),
                BigDecimal.ZERO);
    }

    private static List<Reason> notes(ClassFacts facts, Parameters parameters) {
        List<Reason> notes = new ArrayList<>();
        notes.add(new Reason("CN1", new LocalizedText("计入2025—2027年3000万人次补贴性职业技能培训目标",
                "Counts toward the target of 30,000,000 subsidised trainings in 2025–2027"),
                new Citation("CN-2025", "§一")));
        for (ParameterValue chain : parameters.value(StandardCatalog.CHAINS, facts.startDate()).list()) {
            if (chain.get("occupations").texts().contains(facts.occupationCode())) {
                notes.add(new Reason("CN2", new LocalizedText("重点领域：" + chain.get("zh").text(),
                        "Priority sector: " + chain.get("en").text()), new Citation("CN-2025", "§二")));
            }
        }
        return notes;
    }

    private static List<Reason> flags(ClaimInput input, Parameters parameters) {
        BigDecimal minimum = parameters.value(MIN_SATISFACTION, input.classFacts().startDate()).decimal();
        if (input.results().satisfaction().compareTo(minimum) < 0) {
            return List.of(new Reason("CN6", new LocalizedText("学员满意度低于" + percent(minimum) + "，列入质量抽查",
                    "Satisfaction below " + percent(minimum) + ": selected for quality sampling"),
                    parameters.reference(MIN_SATISFACTION)));
        }
        return List.of();
    }

    private static String percent(BigDecimal share) {
        return share.movePointRight(2).stripTrailingZeros().toPlainString() + "%";
    }
}
