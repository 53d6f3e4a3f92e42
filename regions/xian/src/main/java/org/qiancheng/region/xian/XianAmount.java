package org.qiancheng.region.xian;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.qiancheng.api.catalog.StandardCatalog;
import org.qiancheng.api.claim.ClaimInput;
import org.qiancheng.api.claim.ClassFacts;
import org.qiancheng.api.claim.LineItem;
import org.qiancheng.api.model.Citation;
import org.qiancheng.api.model.EmploymentOutcome;
import org.qiancheng.api.model.LocalizedText;
import org.qiancheng.api.model.Money;
import org.qiancheng.api.model.TrainingMode;
import org.qiancheng.api.parameter.ParameterValue;
import org.qiancheng.api.parameter.Parameters;

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
        List<LineItem> lines = new ArrayList<>();
        lines.add(new LineItem("XA1", new LocalizedText("差异化基础补贴标准(职业、等级)",
                "Differentiated base standard for occupation and level"),
                parameters.value(XianSubsidy.STANDARD, on).decimal(code, facts.level().name()),
                parameters.reference(XianSubsidy.STANDARD)));
        ParameterValue shortage = parameters.value(StandardCatalog.SHORTAGE, on);
        if (shortage.has(code)) {
            BigDecimal uplift = shortage.decimal(code);
            step(lines, "XA1", BigDecimal.ONE.add(uplift), new LocalizedText("急需紧缺职业上浮" + percent(uplift),
                    "Shortage occupation uplift " + percent(uplift)), parameters.reference(StandardCatalog.SHORTAGE));
        }
        if (facts.mode() == TrainingMode.ONLINE_ONLY) {
            BigDecimal factor = parameters.value(XianSubsidy.ONLINE_FACTOR, on).decimal();
            step(lines, "XA2", factor, new LocalizedText("纯线上培训按" + percent(factor) + "补贴",
                    "Online-only training paid at " + percent(factor)), parameters.reference(XianSubsidy.ONLINE_FACTOR));
        }
        EmploymentOutcome employment = input.outcome().employment();
        ParameterValue outcome = parameters.value(XianSubsidy.OUTCOME_FACTOR, on);
        if (outcome.has(employment.name())) {
            BigDecimal factor = outcome.decimal(employment.name());
            LocalizedText name = outcomeName(employment);
            step(lines, "XA3", factor, new LocalizedText("参训后" + name.zh() + "按" + percent(factor) + "补贴",
                    name.en() + " after training: paid at " + percent(factor)),
                    parameters.reference(XianSubsidy.OUTCOME_FACTOR));
        }
        return lines;
    }

    static LocalizedText outcomeName(EmploymentOutcome employment) {
        return switch (employment) {
            case STABLE -> new LocalizedText("稳定就业", "Stable employment");
            case FLEXIBLE -> new LocalizedText("灵活就业", "Flexible employment");
            case ENTREPRENEURSHIP -> new LocalizedText("创业", "Entrepreneurship");
            case NONE -> new LocalizedText("未就业", "No employment");
        };
    }

    static String percent(BigDecimal share) {
        // class rates are computed to ten digits: two decimals of a percent are enough to read
        return share.movePointRight(2).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString() + "%";
    }

    private static void step(List<LineItem> lines, String rule, BigDecimal factor, LocalizedText label,
            Citation citation) {
        BigDecimal running = lines.stream().map(LineItem::amount).reduce(Money.ZERO, BigDecimal::add);
        lines.add(new LineItem(rule, label, running.multiply(factor.subtract(BigDecimal.ONE)), citation));
    }
}
