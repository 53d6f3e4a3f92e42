package org.qiancheng.api.workflow;

import java.util.Objects;

/**
 * One claim of a batch review.
 *
 * @param claimId the claim
 * @param outcome what was done
 * @param status the claim's status afterwards; {@code null} when it is refused as not found (or
 *     outside the reviewer's regions, which reads the same)
 * @param refusal why it was refused: the {@link WorkflowException} or
 *     {@link org.qiancheng.api.security.AccessException} a single review would have thrown;
 *     {@code null} unless {@link ReviewOutcome#REFUSED}
 * @since 0.7
 */
public record ReviewResult(long claimId, ReviewOutcome outcome, ClaimStatus status, RuntimeException refusal) {

    /** Checks that a refusal comes with, and only with, its reason. */
    public ReviewResult {
        Objects.requireNonNull(outcome, "outcome");
        if ((outcome == ReviewOutcome.REFUSED) != (refusal != null)) {
            throw new IllegalArgumentException("claim " + claimId + ": a refusal, and only a refusal, has a reason");
        }
    }
}
