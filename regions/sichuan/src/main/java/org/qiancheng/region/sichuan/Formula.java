package org.qiancheng.region.sichuan;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.qiancheng.api.claim.ClassResults;
import org.qiancheng.api.claim.LineItem;
import org.qiancheng.api.claim.Reason;
import org.qiancheng.api.parameter.ParameterValue;
import org.qiancheng.api.parameter.Parameters;
import org.qiancheng.api.rule.Rules;

/**
 * The composition of one trainee's subsidy, chosen by the text parameter {@code subsidy/formula}
 * of the version in force — never by a date in code:
 * <ul>
 * <li>{@code standard} (SC-2021): the standard S of {@link CityStandard} per trainee who passed; a
 * trainee who did not is refused ({@code SC3.notPassed}, {@code SC3.notCertified});</li>
 * <li>{@code base-plus-assessment} (SC-2025 §三(十一), SC2), per enrolled trainee: base
 * {@code (1−a)·S·f(satisfaction)} with {@code f = 1} at or above the threshold, else
 * satisfaction/threshold, only to a trainee who passed (the base is earned on the pass rate, 合格率;
 * one who did not gets the note {@code SC2.notPassed} instead); assessment
 * {@code a·S·(w_c·certRate + w_e·employmentRate + w_n·entrepreneurshipRate)}, the class rates over the
 * enrolled trainees capped at 1, to every enrolled trainee, passed or not — so the claims of a class
 * of N enrolled and P passed add up to {@code (1−a)·S·f·P + a·S·(…)·N}, the class formula.</li>
 * </ul>
 */
final class Formula {

    static final String FORMULA = "subsidy/formula";
    static final String SHARE = "subsidy/assessment_share";
    static final String WEIGHTS = "subsidy/assessment_weights";
    static final String SATISFACTION = "subsidy/satisfaction_threshold";
    static final String STANDARD_ONLY = "standard";
    static final String BASE_PLUS_ASSESSMENT = "base-plus-assessment";

    private Formula() {
    }

    /**
     * Adds the lines of the formula in force, its notes, and what it asks a reviewer to check.
     *
     * @return the refusal when the formula pays this trainee nothing, else {@code null}
     */
    static Reason apply(CityStandard standard, ClassResults results, SichuanSubsidy.Outcome outcome, LocalDate on,
            Parameters parameters, List<LineItem> lines, List<Reason> notes, List<Reason> flags) {
        String formula = parameters.value(FORMULA, on).text();
        switch (formula) {
            case STANDARD_ONLY -> {
                if (!outcome.reached()) {
                    return parameters.rules().reason("SC3." + outcome.missed());
                }
                lines.add(parameters.rules().line("SC3.standard", standard.amount()));
                return null;
            }
            case BASE_PLUS_ASSESSMENT -> {
                basePlusAssessment(standard.amount(), results, outcome, on, parameters, lines, notes, flags);
                return null;
            }
            default -> throw new IllegalArgumentException(FORMULA + "@" + parameters.effectiveFrom(FORMULA, on)
                    + ": unknown formula '" + formula + "' (expected " + STANDARD_ONLY + " or " + BASE_PLUS_ASSESSMENT
                    + ")");
        }
    }

    private static void basePlusAssessment(BigDecimal s, ClassResults results, SichuanSubsidy.Outcome outcome,
            LocalDate on, Parameters parameters, List<LineItem> lines, List<Reason> notes, List<Reason> flags) {
        Rules rules = parameters.rules();
        BigDecimal a = parameters.value(SHARE, on).decimal();
        notes.add(rules.reason("SC2.share", Map.of("share", a)));

        BigDecimal baseShare = BigDecimal.ONE.subtract(a);
        if (outcome.reached()) {
            BigDecimal base = s.multiply(baseShare);
            lines.add(rules.line("SC2.base", base, Map.of("baseShare", baseShare, "standard", s)));

            BigDecimal threshold = parameters.value(SATISFACTION, on).decimal();
            BigDecimal satisfaction = results.satisfaction();
            if (!results.surveyed()) {
                // the kernel assumed full satisfaction: the base stands unreduced, but a reviewer must see why
                flags.add(rules.reason("SC2.notSurveyed", Map.of("threshold", threshold)));
            } else if (satisfaction.compareTo(threshold) < 0) {
                BigDecimal f = satisfaction.divide(threshold, MathContext.DECIMAL64);
                lines.add(rules.line("SC2.satisfaction", base.multiply(f).subtract(base),
                        Map.of("satisfaction", satisfaction, "threshold", threshold, "factor", f)));
            }
        } else {
            notes.add(rules.reason("SC2." + outcome.missed(), Map.of("baseShare", baseShare, "standard", s)));
        }

        ParameterValue w = parameters.value(WEIGHTS, on);
        BigDecimal cert = rate(results, results.certified());
        BigDecimal employment = rate(results, results.employed());
        BigDecimal entrepreneurship = rate(results, results.entrepreneurs());
        BigDecimal composite = w.decimal("certificate").multiply(cert)
                .add(w.decimal("employment").multiply(employment))
                .add(w.decimal("entrepreneurship").multiply(entrepreneurship));
        lines.add(rules.line("SC2.assessment", s.multiply(a).multiply(composite), Map.of("share", a, "standard", s,
                "certificateWeight", w.decimal("certificate"), "certificateRate", cert,
                "employmentWeight", w.decimal("employment"), "employmentRate", employment,
                "entrepreneurshipWeight", w.decimal("entrepreneurship"), "entrepreneurshipRate", entrepreneurship)));
    }

    private static BigDecimal rate(ClassResults results, int count) {
        return results.rate(count).min(BigDecimal.ONE);
    }
}
