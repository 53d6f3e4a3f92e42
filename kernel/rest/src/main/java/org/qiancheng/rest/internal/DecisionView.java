package org.qiancheng.rest.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.qiancheng.api.claim.ClaimInput;
import org.qiancheng.api.claim.Decision;
import org.qiancheng.api.claim.LineItem;
import org.qiancheng.api.claim.ParameterUse;
import org.qiancheng.api.claim.PolicyIdentity;
import org.qiancheng.api.claim.Reason;

/**
 * A decision as the API shows it: the amount and eligibility first, then the cited trace, then
 * exactly which policy (and, for a city plugin, which parent policy) and which dated parameter
 * values produced it, then the inputs.
 */
public record DecisionView(BigDecimal amount, boolean eligible, List<Reason> reasons, List<LineItem> lines,
        List<Reason> notes, List<Reason> flags, BigDecimal advanceShare, PolicyIdentity policy,
        List<PolicyIdentity> basedOn, LocalDate parametersEffective, List<ParameterUse> parameters, ClaimInput input) {

    static DecisionView of(Decision decision) {
        var result = decision.result();
        return new DecisionView(decision.amount(), result.eligibility().eligible(), result.eligibility().reasons(),
                result.lines(), result.notes(), result.flags(), result.advanceShare(), decision.policy(),
                decision.basedOn(), decision.parametersEffective(), decision.parameters(), decision.input());
    }
}
