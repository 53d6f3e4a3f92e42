package ${package};

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.qiancheng.api.catalog.IndustryChain;
import org.qiancheng.api.claim.ClaimInput;
import org.qiancheng.api.claim.ClassFacts;
import org.qiancheng.api.claim.Eligibility;
import org.qiancheng.api.claim.LineItem;
import org.qiancheng.api.claim.SubsidyDecision;
import org.qiancheng.api.claim.TraineeFacts;
import org.qiancheng.api.parameter.ParameterSpec;
import org.qiancheng.api.parameter.Parameters;
import org.qiancheng.api.spi.ParentPolicy;
import org.qiancheng.api.spi.SubsidyPolicy;

/**
 * The local top-up: a class in an occupation of one of the <b>province's</b> industrial chains on
 * its start date gets the share {@code local/top_up} of the province's amount on top of it (rule
 * ${rulePrefix}1, its text and clause in {@code rules.json}). The chains are read from the province's
 * catalogue through {@link ParentPolicy}, not copied here: when the province publishes a new chain
 * list, the top-up follows it without a new version of this plugin. The province's rules decide
 * everything else.
 */
final class LocalTopUp implements SubsidyPolicy {

    static final String TOP_UP = "local/top_up";
    static final ParameterSpec TOP_UP_SPEC = ParameterSpec.number(TOP_UP).atLeast("0").atMost("0.30");

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
    public SubsidyDecision decide(ClaimInput input, SubsidyDecision province, ParentPolicy provincePolicy,
            Parameters parameters) {
        if (!province.eligibility().eligible()) {
            return SubsidyDecision.nothingAdded();
        }
        LocalDate start = input.classFacts().startDate();
        String occupation = input.classFacts().occupationCode();
        Optional<IndustryChain> chain = provincePolicy.catalog(start).chains().stream()
                .filter(c -> c.occupationCodes().contains(occupation)).findFirst();
        if (chain.isEmpty()) {
            return SubsidyDecision.nothingAdded();
        }
        BigDecimal rate = parameters.value(TOP_UP, start).decimal();
        LineItem topUp = parameters.rules().line("${rulePrefix}1", province.amount().multiply(rate),
                Map.of("rate", rate, "chain", chain.get().name()));
        return SubsidyDecision.granted(List.of(topUp), List.of(), List.of());
    }
}
