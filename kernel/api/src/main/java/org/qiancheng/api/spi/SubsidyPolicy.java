package org.qiancheng.api.spi;

import org.osgi.annotation.versioning.ConsumerType;
import org.qiancheng.api.claim.ClaimInput;
import org.qiancheng.api.claim.ClassFacts;
import org.qiancheng.api.claim.Eligibility;
import org.qiancheng.api.claim.SubsidyDecision;
import org.qiancheng.api.claim.TraineeFacts;
import org.qiancheng.api.parameter.Parameters;

/**
 * A region's subsidy rules: who is eligible, how much a claim is worth and why, line by line,
 * each line citing its clause. Implementations are stateless and thread-safe.
 */
@ConsumerType
public interface SubsidyPolicy {

    /**
     * Whether a trainee may be subsidised for a class, checked at enrolment, before any outcome is
     * known (e.g. pensioners excluded, or at most three subsidies a year).
     *
     * @param trainee the trainee with earlier subsidies
     * @param classFacts the class
     * @param parameters the policy's dated parameters
     * @return eligible or refused, with cited reasons
     */
    Eligibility eligibility(TraineeFacts trainee, ClassFacts classFacts, Parameters parameters);

    /**
     * Decides one trainee's claim for one class after the outcome is known.
     *
     * @param input the class, its results, the trainee and the trainee's outcome
     * @param parameters the policy's dated parameters; read values in force on the class's start date
     * @return the decision: eligibility, cited line items summing to the amount, notes, review
     *     flags and the advance share
     */
    SubsidyDecision decide(ClaimInput input, Parameters parameters);

    /**
     * For a policy that extends a parent region: the local part of a claim, knowing the parent's
     * decision. The kernel adds the returned line items to the parent's, merges notes and flags,
     * refuses when either refuses, and keeps the parent's advance share. The default ignores the
     * parent and returns {@link #decide(ClaimInput, Parameters)}.
     *
     * @param input the claim's inputs
     * @param parent what the parent region's policy decided (with this policy's parameter overrides)
     * @param parameters this policy's own parameters
     * @return the local decision: only the lines this policy adds (e.g. a local top-up)
     * @since 1.1
     */
    default SubsidyDecision decide(ClaimInput input, SubsidyDecision parent, Parameters parameters) {
        return decide(input, parameters);
    }

    /**
     * As {@link #decide(ClaimInput, SubsidyDecision, Parameters)}, with the parent region's policy
     * to read from, e.g. its chains or shortage list on the class's start date, so a local rule on
     * "the province's chain occupations" needs no copy of the province's list. The kernel calls
     * this form for a policy that extends a parent; the default ignores the parent's policy and
     * returns {@link #decide(ClaimInput, SubsidyDecision, Parameters)}.
     *
     * @param input the claim's inputs
     * @param parent what the parent region's policy decided (with this policy's parameter overrides)
     * @param parentPolicy the parent's version this decision is composed with
     * @param parameters this policy's own parameters
     * @return the local decision: only the lines this policy adds
     * @since 1.3
     */
    default SubsidyDecision decide(ClaimInput input, SubsidyDecision parent, ParentPolicy parentPolicy,
            Parameters parameters) {
        return decide(input, parent, parameters);
    }
}
