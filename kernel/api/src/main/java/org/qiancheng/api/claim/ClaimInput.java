package org.qiancheng.api.claim;

import java.util.Objects;

/**
 * Everything a policy needs to decide one trainee's subsidy for one class; a policy never
 * reaches outside it.
 *
 * @param classFacts the class
 * @param results the class's results
 * @param trainee the trainee, with earlier subsidies
 * @param outcome what became of the trainee
 */
public record ClaimInput(ClassFacts classFacts, ClassResults results, TraineeFacts trainee, TraineeOutcome outcome) {

    /** Requires every part. */
    public ClaimInput {
        Objects.requireNonNull(classFacts, "classFacts");
        Objects.requireNonNull(results, "results");
        Objects.requireNonNull(trainee, "trainee");
        Objects.requireNonNull(outcome, "outcome");
    }
}
