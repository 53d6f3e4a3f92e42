package org.qiancheng.region.sichuan;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.util.List;
import org.qiancheng.api.claim.ClassResults;
import org.qiancheng.api.claim.LineItem;
import org.qiancheng.api.claim.Reason;
import org.qiancheng.api.model.LocalizedText;
import org.qiancheng.api.parameter.ParameterValue;
import org.qiancheng.api.parameter.Parameters;

/**
 * The composition of one trainee's subsidy, chosen by the text parameter {@code subsidy/formula}
 * of the version in force — never by a date in code:
 * <ul>
 * <li>{@code standard} (SC-2021): the standard S of {@link CityStandard} per trainee who passed;</li>
 * <li>{@code base-plus-assessment} (SC-2025 §三(十一), SC2): base {@code (1−a)·S·f(satisfaction)}
 * with {@code f = 1} at or above the threshold, else satisfaction/threshold; assessment
 * {@code a·S·(w_c·certRate + w_e·employmentRate + w_n·entrepreneurshipRate)}, the class rates capped
 * at 1 — one trainee's share of the class's assessment subsidy.</li>
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

    /** Adds the lines of the formula in force, and its notes. */
    static void apply(CityStandard standard, ClassResults results, LocalDate on, Parameters parameters,
            List<LineItem> lines, List<Reason> notes) {
        String formula = parameters.value(FORMULA, on).text();
        switch (formula) {
            case STANDARD_ONLY -> lines.add(new LineItem("SC3", new LocalizedText("合格学员补贴标准",
                    "Standard per trainee who passed"), standard.amount(), parameters.reference(CityStandard.STANDARD)));
            case BASE_PLUS_ASSESSMENT -> basePlusAssessment(standard.amount(), results, on, parameters, lines, notes);
            default -> throw new IllegalArgumentException(FORMULA + "@" + parameters.effectiveFrom(FORMULA, on)
                    + ": unknown formula '" + formula + "' (expected " + STANDARD_ONLY + " or " + BASE_PLUS_ASSESSMENT
                    + ")");
        }
    }

    private static void basePlusAssessment(BigDecimal s, ClassResults results, LocalDate on, Parameters parameters,
            List<LineItem> lines, List<Reason> notes) {
        BigDecimal share = parameters.value(SHARE, on).decimal();
        BigDecimal base = s.multiply(BigDecimal.ONE.subtract(share));
        notes.add(new Reason("SC2", new LocalizedText("“基础补贴+考核补贴”：考核补贴占" + percent(share),
                "Base + assessment subsidy: the assessment share is " + percent(share)), parameters.reference(SHARE)));
        lines.add(new LineItem("SC2", new LocalizedText("基础补贴(" + percent(BigDecimal.ONE.subtract(share)) + "×"
                + s.toPlainString() + ")", "Base subsidy (" + percent(BigDecimal.ONE.subtract(share)) + " of "
                + s.toPlainString() + ")"), base, parameters.reference(FORMULA)));
        BigDecimal threshold = parameters.value(SATISFACTION, on).decimal();
        BigDecimal satisfaction = results.satisfaction();
        if (satisfaction.compareTo(threshold) < 0) {
            BigDecimal factor = satisfaction.divide(threshold, MathContext.DECIMAL64);
            lines.add(new LineItem("SC2", new LocalizedText("满意度" + percent(satisfaction) + "低于" + percent(threshold)
                    + "，基础补贴按" + plain(factor) + "倍核减", "Satisfaction " + percent(satisfaction) + " below "
                    + percent(threshold) + ": base reduced to " + plain(factor) + " of itself"),
                    base.multiply(factor).subtract(base), parameters.reference(SATISFACTION)));
        }
        ParameterValue weights = parameters.value(WEIGHTS, on);
        BigDecimal cert = rate(results, results.certified());
        BigDecimal employment = rate(results, results.employed());
        BigDecimal entrepreneurship = rate(results, results.entrepreneurs());
        BigDecimal composite = weights.decimal("certificate").multiply(cert)
                .add(weights.decimal("employment").multiply(employment))
                .add(weights.decimal("entrepreneurship").multiply(entrepreneurship));
        String terms = plain(weights.decimal("certificate")) + "×" + plain(cert) + " + "
                + plain(weights.decimal("employment")) + "×" + plain(employment) + " + "
                + plain(weights.decimal("entrepreneurship")) + "×" + plain(entrepreneurship);
        lines.add(new LineItem("SC2", new LocalizedText("考核补贴(" + percent(share) + "×" + s.toPlainString()
                + "×(取证率、就业率、创业率加权 " + terms + "))", "Assessment subsidy (" + percent(share) + " of "
                + s.toPlainString() + " × weighted certificate, employment and entrepreneurship rates " + terms + ")"),
                s.multiply(share).multiply(composite), parameters.reference(SHARE)));
    }

    private static BigDecimal rate(ClassResults results, int count) {
        return results.rate(count).min(BigDecimal.ONE);
    }

    static String percent(BigDecimal share) {
        return share.movePointRight(2).stripTrailingZeros().toPlainString() + "%";
    }

    private static String plain(BigDecimal number) {
        return number.stripTrailingZeros().toPlainString();
    }
}
