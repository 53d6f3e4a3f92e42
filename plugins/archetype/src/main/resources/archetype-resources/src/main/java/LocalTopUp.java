package ${package};

import java.math.BigDecimal;
import java.util.List;
import org.qiancheng.api.claim.ClaimInput;
import org.qiancheng.api.claim.ClassFacts;
import org.qiancheng.api.claim.Eligibility;
import org.qiancheng.api.claim.LineItem;
import org.qiancheng.api.claim.SubsidyDecision;
import org.qiancheng.api.claim.TraineeFacts;
import org.qiancheng.api.model.LocalizedText;
import org.qiancheng.api.parameter.ParameterSpec;
import org.qiancheng.api.parameter.ParameterValue;
import org.qiancheng.api.parameter.Parameters;
import org.qiancheng.api.spi.SubsidyPolicy;

/**
 * The local top-up: occupations in {@code local/top_up} get that share of the province's amount
 * on top of it (rule ${rulePrefix}1). The province's rules decide everything else.
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
        return new SubsidyDecision(Eligibility.granted(), List.of(), List.of(), List.of(), BigDecimal.ZERO);
    }

    @Override
    public SubsidyDecision decide(ClaimInput input, SubsidyDecision province, Parameters parameters) {
        ParameterValue rates = parameters.value(TOP_UP, input.classFacts().startDate());
        String occupation = input.classFacts().occupationCode();
        if (!province.eligibility().eligible() || !rates.has(occupation)) {
            return decide(input, parameters);
        }
        BigDecimal rate = rates.decimal(occupation);
        String percent = rate.movePointRight(2).stripTrailingZeros().toPlainString() + "%";
        LineItem topUp = new LineItem("${rulePrefix}1", new LocalizedText("${regionNameZh}地方补贴(上浮" + percent + ")",
                "${regionNameEn} local top-up (" + percent + ")"), province.amount().multiply(rate),
                parameters.reference(TOP_UP));
        return new SubsidyDecision(Eligibility.granted(), List.of(topUp), List.of(), List.of(), BigDecimal.ZERO);
    }
}
