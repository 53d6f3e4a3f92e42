package org.qiancheng.region.sichuan;

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
import org.qiancheng.api.claim.TraineeOutcome;
import org.qiancheng.api.parameter.ParameterSpec;
import org.qiancheng.api.parameter.ParameterValue;
import org.qiancheng.api.parameter.Parameters;
import org.qiancheng.api.report.StandardReports;
import org.qiancheng.api.spi.SubsidyPolicy;

/**
 * The Sichuan rules, as this bundle interprets them (each step cited in the trace, every text and
 * clause read from the version's own data and {@code rules.json}): the occupation and level must be in the catalogue (SC1);
 * the standard comes from the city's table or the provincial default (SC3) and is composed by the
 * formula of the version (SC2, {@link Formula}), which also decides what a trainee who did not reach
 * the outcome {@code eligibility/required_outcome} gets — nothing under the 2021 standard
 * ({@code SC3.notPassed}), the assessment part without the base under SC-2025
 * ({@code SC2.notPassed}); notes name chains and focus
 * groups (SC1), open calls (SC5), targets (SC6) and the monthly dispatch (SC7); a class whose
 * evaluation participation is below {@code evaluation/participation_min} is flagged (SC4), and so is a
 * base paid on a satisfaction nobody surveyed ({@code SC2.notSurveyed}).
 */
final class SichuanSubsidy implements SubsidyPolicy {

    static final String REQUIRED_OUTCOME = "eligibility/required_outcome";
    static final String PARTICIPATION_MIN = StandardReports.PARTICIPATION_MIN;
    static final String PASSED = "passed";
    static final String CERTIFIED = "certified";

    static List<ParameterSpec> specs() {
        return List.of(ParameterSpec.text(Formula.FORMULA).oneOf(Formula.STANDARD_ONLY, Formula.BASE_PLUS_ASSESSMENT),
                ParameterSpec.table(CityStandard.STANDARD).atLeast("0"),
                ParameterSpec.number(Formula.SHARE).atLeast("0.20").atMost("1").boundBy("SC-2025 §三(十一)"),
                ParameterSpec.table(Formula.WEIGHTS).atLeast("0").atMost("1"),
                ParameterSpec.number(Formula.SATISFACTION).atLeast("0.01").atMost("1"),
                ParameterSpec.number(PARTICIPATION_MIN).atLeast("0.90").atMost("1").boundBy("SC-2025 §三(十二)"),
                ParameterSpec.text(REQUIRED_OUTCOME),
                ParameterSpec.list(SichuanNotes.DIRECTORY_EXEMPT));
    }

    @Override
    public Eligibility eligibility(TraineeFacts trainee, ClassFacts facts, Parameters parameters) {
        for (ParameterValue occupation : parameters.value(StandardCatalog.OCCUPATIONS, facts.startDate()).list()) {
            if (occupation.get("code").text().equals(facts.occupationCode())
                    && occupation.get("levels").texts().contains(facts.level().name())) {
                return Eligibility.granted();
            }
        }
        return Eligibility.refused(parameters.rules().reason("SC1.catalogue",
                Map.of("occupation", facts.occupationCode(), "level", facts.level().label())));
    }

    @Override
    public SubsidyDecision decide(ClaimInput input, Parameters parameters) {
        ClassFacts facts = input.classFacts();
        LocalDate on = facts.startDate();
        Eligibility eligibility = eligibility(input.trainee(), facts, parameters);
        if (!eligibility.eligible()) {
            return SubsidyDecision.refused(eligibility);
        }
        String required = parameters.value(REQUIRED_OUTCOME, on).text();
        Outcome outcome = new Outcome(reached(required, input.outcome()),
                PASSED.equals(required) ? "notPassed" : "notCertified");
        CityStandard standard = CityStandard.of(facts, parameters);
        List<LineItem> lines = new ArrayList<>();
        List<Reason> notes = new ArrayList<>();
        notes.add(standard.note(parameters));
        List<Reason> flags = new ArrayList<>();
        Reason refusal = Formula.apply(standard, input.results(), outcome, on, parameters, lines, notes, flags);
        if (refusal != null) {
            return SubsidyDecision.refused(refusal);
        }
        notes.addAll(SichuanNotes.of(input, parameters));
        flags.addAll(flags(input, parameters));
        return SubsidyDecision.granted(lines, notes, flags);
    }

    /**
     * Whether the trainee reached the outcome {@code eligibility/required_outcome}, and if not the
     * part of the rule id saying which ({@code notPassed}, {@code notCertified}); the formula in
     * force prefixes it with its rule ({@code SC3.} for the 2021 standard, {@code SC2.} for the base).
     */
    record Outcome(boolean reached, String missed) {
    }

    private static boolean reached(String required, TraineeOutcome outcome) {
        return switch (required) {
            case PASSED -> outcome.passed();
            case CERTIFIED -> outcome.passed() && outcome.certificate() != null;
            default -> throw new IllegalArgumentException(REQUIRED_OUTCOME + ": unknown outcome '" + required
                    + "' (expected " + PASSED + " or " + CERTIFIED + ")");
        };
    }

    private static List<Reason> flags(ClaimInput input, Parameters parameters) {
        BigDecimal minimum = parameters.value(PARTICIPATION_MIN, input.classFacts().startDate()).decimal();
        BigDecimal participation = input.results().rate(input.results().evaluated());
        if (participation.compareTo(minimum) < 0) {
            return List.of(parameters.rules().reason("SC4.participation",
                    Map.of("rate", participation, "minimum", minimum)));
        }
        return List.of();
    }
}
