package org.qiancheng.core.internal.workflow;

import java.math.BigDecimal;
import java.util.List;
import org.qiancheng.api.claim.ClassResults;
import org.qiancheng.api.claim.TraineeOutcome;
import org.qiancheng.api.model.EmploymentOutcome;

/** A class's results counted from its trainees' recorded outcomes. */
final class Results {

    /** Satisfaction surveys are not collected yet: classes count as fully satisfied. */
    static final BigDecimal SATISFACTION = BigDecimal.ONE;

    private Results() {
    }

    /**
     * @param enrolled trainees enrolled
     * @param outcomes the outcomes recorded so far (the evaluated trainees)
     */
    static ClassResults of(int enrolled, List<TraineeOutcome> outcomes) {
        int passed = (int) outcomes.stream().filter(TraineeOutcome::passed).count();
        int certified = (int) outcomes.stream().filter(o -> o.certificate() != null).count();
        int employed = (int) outcomes.stream().filter(o -> o.employment() == EmploymentOutcome.STABLE
                || o.employment() == EmploymentOutcome.FLEXIBLE).count();
        int entrepreneurs = (int) outcomes.stream()
                .filter(o -> o.employment() == EmploymentOutcome.ENTREPRENEURSHIP).count();
        return new ClassResults(enrolled, outcomes.size(), passed, certified, employed, entrepreneurs, SATISFACTION);
    }
}
