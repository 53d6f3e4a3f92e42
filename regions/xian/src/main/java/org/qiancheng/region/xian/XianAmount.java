package org.qiancheng.region.xian;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.qiancheng.api.catalog.StandardCatalog;
import org.qiancheng.api.claim.ClaimInput;
import org.qiancheng.api.claim.ClassFacts;
import org.qiancheng.api.claim.LineItem;
import org.qiancheng.api.model.EmploymentOutcome;
import org.qiancheng.api.model.Money;
import org.qiancheng.api.model.TrainingMode;
import org.qiancheng.api.parameter.ParameterValue;
import org.qiancheng.api.parameter.Parameters;
import org.qiancheng.api.rule.Rules;

/**
 * The amount S × (1 + uplift) × modeFactor × outcomeFactor as cited line items. Each factor is a
 * line adding the difference it makes to the running amount (the sum of the lines before it), so
 * the trace sums to the amount even with rounding to the fen on every line. The order follows
 * DOMAIN.md: the uplift rests on the base standard, the 70% on the uplifted standard, the outcome
 * factor on what training alone earns.
 */
final class XianAmount {

    private XianAmount() {
    }

    static List<LineItem> lines(ClaimInput input, Parameters parameters) {
        ClassFacts facts = input.classFacts();
        LocalDate on = facts.startDate();
        String code = facts.occupationCode();
        Rules rules = parameters.rules();
        Running lines = new Running();
        lines.add(rules.line("XA1.standard", parameters.value(XianSubsidy.STANDARD, on).decimal(code, facts.level().name())));
        ParameterValue shortage = parameters.value(StandardCatalog.SHORTAGE, on);
        if (shortage.has(code)) {
            BigDecimal uplift = shortage.decimal(code);
            lines.add(rules.line("XA1.shortage", lines.difference(BigDecimal.ONE.add(uplift)), Map.of("uplift", uplift)));
        }
        if (facts.mode() == TrainingMode.ONLINE_ONLY) {
            BigDecimal factor = parameters.value(XianSubsidy.ONLINE_FACTOR, on).decimal();
            lines.add(rules.line("XA2", lines.difference(factor), Map.of("factor", factor)));
        }
        EmploymentOutcome employment = input.outcome().employment();
        ParameterValue outcome = parameters.value(XianSubsidy.OUTCOME_FACTOR, on);
        if (outcome.has(employment.name()) && XianSubsidy.withinWindow(input, parameters)) {
            BigDecimal factor = outcome.decimal(employment.name());
            lines.add(rules.line("XA3.factor", lines.difference(factor),
                    Map.of("outcome", employment.label(), "factor", factor)));
        }
        return lines.items;
    }

    /** The lines so far and what they add up to, kept as each line comes (a sum per factor was a stream each). */
    private static final class Running {

        final List<LineItem> items = new ArrayList<>(4);
        private BigDecimal sum = Money.ZERO;

        void add(LineItem line) {
            items.add(line);
            sum = sum.add(line.amount());
        }

        /** What multiplying the running amount (the lines so far) by a factor adds to it. */
        BigDecimal difference(BigDecimal factor) {
            return sum.multiply(factor.subtract(BigDecimal.ONE));
        }
    }
}
