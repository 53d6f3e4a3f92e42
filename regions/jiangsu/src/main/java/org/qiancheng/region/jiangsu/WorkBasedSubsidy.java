package org.qiancheng.region.jiangsu;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.qiancheng.api.claim.ClassFacts;
import org.qiancheng.api.claim.LineItem;
import org.qiancheng.api.claim.Reason;
import org.qiancheng.api.parameter.ParameterSpec;
import org.qiancheng.api.parameter.Parameters;

/**
 * JS6: 以工代训 is paid per month of the class, the months counted whole and rounded up, for at most
 * {@code subsidy/work_based_max_months} months ("最长不超过6个月"); it needs no certificate because
 * the subsidy rewards employing and training on the job, not a certified level.
 */
final class WorkBasedSubsidy {

    static final String MONTHLY = "subsidy/work_based_monthly";
    static final String MAX_MONTHS = "subsidy/work_based_max_months";

    private WorkBasedSubsidy() {
    }

    static List<ParameterSpec> specs() {
        return List.of(ParameterSpec.number(MONTHLY).atLeast("0"),
                ParameterSpec.number(MAX_MONTHS).atLeast("1").atMost("6").boundBy("JS-2019 §三(十三)"));
    }

    /** @return the months of the class, the last day included, a started month counting as whole */
    static long months(ClassFacts facts) {
        LocalDate afterEnd = facts.endDate().plusDays(1);
        long months = ChronoUnit.MONTHS.between(facts.startDate(), afterEnd);
        return facts.startDate().plusMonths(months).isBefore(afterEnd) ? months + 1 : months;
    }

    static LineItem line(ClassFacts facts, Parameters parameters) {
        LocalDate on = facts.startDate();
        BigDecimal paid = BigDecimal.valueOf(months(facts)).min(parameters.value(MAX_MONTHS, on).decimal());
        BigDecimal monthly = parameters.value(MONTHLY, on).decimal();
        return parameters.rules().line("JS6.monthly", monthly.multiply(paid), Map.of("monthly", monthly, "months", paid));
    }

    /** @return the JS6 note when the class runs longer than the months paid */
    static Optional<Reason> beyondMaximum(ClassFacts facts, Parameters parameters) {
        long months = months(facts);
        BigDecimal maximum = parameters.value(MAX_MONTHS, facts.startDate()).decimal();
        if (BigDecimal.valueOf(months).compareTo(maximum) <= 0) {
            return Optional.empty();
        }
        return Optional.of(parameters.rules().reason("JS6.beyondMaximum", Map.of("months", months, "maximum", maximum)));
    }
}
