package org.qiancheng.core.internal.workflow;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.qiancheng.api.claim.ClassResults;
import org.qiancheng.api.claim.TraineeOutcome;
import org.qiancheng.api.model.EmploymentOutcome;
import org.qiancheng.api.workflow.Survey;

/** A class's results counted from its trainees' recorded outcomes and its satisfaction survey. */
final class Results {

    /**
     * What a class without a recorded survey counts as: fully satisfied, marked not surveyed so that a
     * policy paying on satisfaction flags the assumption for the reviewer.
     */
    static final BigDecimal UNSURVEYED = BigDecimal.ONE;

    private Results() {
    }

    /**
     * @param enrolled trainees enrolled
     * @param outcomes the outcomes recorded so far (the evaluated trainees)
     * @param survey the class's satisfaction survey, if recorded
     */
    static ClassResults of(int enrolled, List<TraineeOutcome> outcomes, Optional<Survey> survey) {
        int passed = (int) outcomes.stream().filter(TraineeOutcome::passed).count();
        int certified = (int) outcomes.stream().filter(o -> o.certificate() != null).count();
        int employed = (int) outcomes.stream().filter(o -> o.employment() == EmploymentOutcome.STABLE
                || o.employment() == EmploymentOutcome.FLEXIBLE).count();
        int entrepreneurs = (int) outcomes.stream()
                .filter(o -> o.employment() == EmploymentOutcome.ENTREPRENEURSHIP).count();
        return new ClassResults(enrolled, outcomes.size(), passed, certified, employed, entrepreneurs,
                survey.map(Survey::satisfaction).orElse(UNSURVEYED), survey.isPresent());
    }
}
