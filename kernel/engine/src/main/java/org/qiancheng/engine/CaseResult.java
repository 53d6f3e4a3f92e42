package org.qiancheng.engine;

import java.util.List;
import org.qiancheng.api.claim.Decision;

/**
 * The outcome of running one case.
 *
 * @param policyCase the case
 * @param failures what did not match, empty when the case passed
 * @param decision the decision made, or {@code null} (activation cases, inputs that did not read)
 */
public record CaseResult(PolicyCase policyCase, List<String> failures, Decision decision) {

    /** Copies the failures. */
    public CaseResult {
        failures = List.copyOf(failures);
    }

    /** @return whether the case passed */
    public boolean passed() {
        return failures.isEmpty();
    }

    @Override
    public String toString() {
        return (passed() ? "PASS " : "FAIL ") + policyCase.file() + " — " + policyCase.name()
                + (passed() ? "" : ": " + String.join("; ", failures));
    }
}
