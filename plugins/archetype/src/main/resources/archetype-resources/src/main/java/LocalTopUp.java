package ${package};

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.qiancheng.api.claim.ClaimInput;
import org.qiancheng.api.claim.ClassFacts;
import org.qiancheng.api.claim.Eligibility;
import org.qiancheng.api.claim.LineItem;
import org.qiancheng.api.claim.SubsidyDecision;
import org.qiancheng.api.claim.TraineeFacts;
import org.qiancheng.api.parameter.ParameterSpec;
import org.qiancheng.api.parameter.ParameterValue;
import org.qiancheng.api.parameter.Parameters;
import org.qiancheng.api.spi.SubsidyPolicy;

/**
 * The local top-up: occupations in {@code local/top_up} get that share of the province's amount
 * on top of it (rule ${rulePrefix}1, its text and clause in {@code rules.json}). The province's
 * rules decide everything else.
 */
final class LocalTopUp implements SubsidyPolicy {

    static final String TOP_UP = "local/top_up";
    static final ParameterSpec TOP_UP_SPEC = ParameterSpec.table(TOP_UP).atLeast("0").atMost("0.30");

    @Override
    public Eligibility eligibility(TraineeFacts trainee, ClassFacts classFacts, Parameters parameters) {
        return Eligibility.granted();
    }

    /** Alone, without the province's decision, there is nothing to top up. */
    @Override
    public SubsidyDecision decide(ClaimInput input, Parameters parameters) {
        return SubsidyDecision.nothingAdded();
    }

    @Override
    public SubsidyDecision decide(ClaimInput input, SubsidyDecision province, Parameters parameters) {
        ParameterValue rates = parameters.value(TOP_UP, input.classFacts().startDate());
        String occupation = input.classFacts().occupationCode();
        if (!province.eligibility().eligible() || !rates.has(occupation)) {
            return decide(input, parameters);
        }
        BigDecimal rate = rates.decimal(occupation);
        LineItem topUp = parameters.rules().line("${rulePrefix}1", province.amount().multiply(rate), Map.of("rate", rate));
        return SubsidyDecision.granted(List.of(topUp), List.of(), List.of());
    }
}
