package org.qiancheng.api.workflow;

import java.util.List;

/**
 * The answer to a batch review.
 *
 * @param approve whether the decision was to approve
 * @param matched for a review of the claims a filter selects, what it selects now; {@code null} for a
 *     list of ids
 * @param confirmed {@code false} when {@code matched} differs from what the caller confirmed: then
 *     nothing was reviewed and {@code results} is empty
 * @param results one per claim, in the order given (by id for a filter)
 * @since 0.7
 */
public record BatchReview(boolean approve, ClaimSummary matched, boolean confirmed, List<ReviewResult> results) {

    /** Copies the results. */
    public BatchReview {
        results = List.copyOf(results);
    }
}
