package org.qiancheng.api.claim;

import java.util.List;

/**
 * Whether a trainee may be subsidised, with the cited reasons either way.
 *
 * @param eligible the outcome
 * @param reasons why; for a refusal, at least one reason
 */
public record Eligibility(boolean eligible, List<Reason> reasons) {

    /** Requires a reason for every refusal. */
    public Eligibility {
        reasons = List.copyOf(reasons);
        if (!eligible && reasons.isEmpty()) {
            throw new IllegalArgumentException("a refusal needs at least one reason");
        }
    }

    /** @return an eligible outcome with the given reasons (may be none) */
    public static Eligibility granted(Reason... reasons) {
        return new Eligibility(true, List.of(reasons));
    }

    /** @return a refusal with the given reasons */
    public static Eligibility refused(Reason... reasons) {
        return new Eligibility(false, List.of(reasons));
    }
}
