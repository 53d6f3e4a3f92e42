package org.qiancheng.region.national;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.qiancheng.api.catalog.StandardCatalog;
import org.qiancheng.api.claim.ClaimInput;
import org.qiancheng.api.claim.ClassFacts;
import org.qiancheng.api.claim.Eligibility;
import org.qiancheng.api.claim.LineItem;
import org.qiancheng.api.claim.Reason;
import org.qiancheng.api.claim.SubsidyDecision;
import org.qiancheng.api.claim.TraineeFacts;
import org.qiancheng.api.model.EmploymentOutcome;
import org.qiancheng.api.model.TrainingKind;
import org.qiancheng.api.parameter.ParameterSpec;
import org.qiancheng.api.parameter.ParameterValue;
import org.qiancheng.api.parameter.Parameters;
import org.qiancheng.api.rule.Rules;
import org.qiancheng.api.spi.SubsidyPolicy;

/**
 * The national rules, as this bundle interprets them (texts and clauses in {@code rules.json}):
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
            return Eligibility.refused(parameters.rules().reason("CN5", Map.of("hours", facts.hours(), "minimum", minimum)));
        }
        return Eligibility.granted();
    }

    @Override
    public SubsidyDecision decide(ClaimInput input, Parameters parameters) {
        ClassFacts facts = input.classFacts();
        LocalDate on = facts.startDate();
        Rules rules = parameters.rules();
        Eligibility eligibility = eligibility(input.trainee(), facts, parameters);
        if (!eligibility.eligible()) {
            return SubsidyDecision.refused(eligibility);
        }
        if (!input.outcome().passed()) {
            return SubsidyDecision.refused(rules.reason("CN3.failed"));
        }
        boolean projectBased = facts.kind() == TrainingKind.PROJECT;
        if (projectBased && input.outcome().certificate() == null) {
            return SubsidyDecision.refused(rules.reason("CN3.certificate"));
        }
        BigDecimal standard = parameters.value(STANDARD, on).decimal(facts.occupationCode(), facts.level().name());
        List<LineItem> lines = new ArrayList<>();
        lines.add(rules.line("CN4.standard", standard));
        ParameterValue shortage = parameters.value(StandardCatalog.SHORTAGE, on);
        if (shortage.has(facts.occupationCode())) {
            BigDecimal uplift = shortage.decimal(facts.occupationCode());
            lines.add(rules.line("CN4.shortage", standard.multiply(uplift), Map.of("uplift", uplift)));
        }
        EmploymentOutcome employment = input.outcome().employment();
        if (projectBased && (employment == EmploymentOutcome.STABLE || employment == EmploymentOutcome.FLEXIBLE)) {
            BigDecimal share = parameters.value(PROJECT_EMPLOYMENT, on).decimal();
            lines.add(rules.line("CN3.employment", standard.multiply(share), Map.of("share", share)));
        }
        return SubsidyDecision.granted(lines, notes(facts, parameters), flags(input, parameters));
    }

    private static List<Reason> notes(ClassFacts facts, Parameters parameters) {
        List<Reason> notes = new ArrayList<>();
        notes.add(parameters.rules().reason("CN1"));
        for (ParameterValue chain : parameters.value(StandardCatalog.CHAINS, facts.startDate()).list()) {
            if (chain.get("occupations").texts().contains(facts.occupationCode())) {
                notes.add(parameters.rules().reason("CN2", Map.of("sector", chain.localized())));
            }
        }
        return notes;
    }

    private static List<Reason> flags(ClaimInput input, Parameters parameters) {
        BigDecimal minimum = parameters.value(MIN_SATISFACTION, input.classFacts().startDate()).decimal();
        if (input.results().satisfaction().compareTo(minimum) < 0) {
            return List.of(parameters.rules().reason("CN6", Map.of("minimum", minimum)));
        }
        return List.of();
    }
}
