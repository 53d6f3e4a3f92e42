package org.qiancheng.api.claim;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A reproducible subsidy decision as the kernel records it [K5]: the policy identity, the
 * inputs, the policy's answer, and every dated parameter it read.
 *
 * @param policy which policy decided
 * @param input what it was asked
 * @param result what it answered
 * @param parameters the dated parameters it read, in the order first read
 * @param basedOn the parent policies the decision also rests on (a city plugin's province), empty
 *     for a policy that stands alone
 */
public record Decision(PolicyIdentity policy, ClaimInput input, SubsidyDecision result, List<ParameterUse> parameters,
        List<PolicyIdentity> basedOn) {

    /** Requires every part; copies the lists. */
    public Decision {
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(result, "result");
        parameters = List.copyOf(parameters);
        basedOn = List.copyOf(basedOn);
    }

    /**
     * A decision of a policy that stands alone.
     *
     * @param policy which policy decided
     * @param input what it was asked
     * @param result what it answered
     * @param parameters the dated parameters it read
     */
    public Decision(PolicyIdentity policy, ClaimInput input, SubsidyDecision result, List<ParameterUse> parameters) {
        this(policy, input, result, parameters, List.of());
    }

    /** @return the amount granted: the sum of the line items, 0.00 when refused */
    public BigDecimal amount() {
        return result.amount();
    }

    /** @return the latest start date among the parameter values read: the parameter set's effective date */
    public LocalDate parametersEffective() {
        return parameters.stream().map(ParameterUse::effectiveFrom).max(LocalDate::compareTo).orElse(null);
    }
}
