package org.qiancheng.core.internal.registry;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.qiancheng.api.claim.ClaimInput;
import org.qiancheng.api.claim.ClassFacts;
import org.qiancheng.api.claim.ClassResults;
import org.qiancheng.api.claim.TraineeFacts;
import org.qiancheng.api.claim.TraineeOutcome;
import org.qiancheng.api.model.EmploymentOutcome;
import org.qiancheng.api.model.ResidentId;
import org.qiancheng.api.model.SkillLevel;
import org.qiancheng.api.model.TrainingKind;
import org.qiancheng.api.model.TrainingMode;

/** One plausible claim for tests that only need some input. */
final class FactsFixture {

    private FactsFixture() {
    }

    static ClaimInput claim() {
        ResidentId id = new ResidentId("11010519491231002X");
        return new ClaimInput(
                new ClassFacts("990000", "4-10-01-05", SkillLevel.JUNIOR, TrainingMode.OFFLINE, TrainingKind.GENERAL,
                        LocalDate.parse("2025-06-01"), LocalDate.parse("2025-06-30"), 80),
                new ClassResults(1, 1, 1, 1, 1, 0, BigDecimal.ONE),
                new TraineeFacts(id, Set.of(), Set.of(), "110105", "110105", false, List.of()),
                new TraineeOutcome(true, null, EmploymentOutcome.STABLE, LocalDate.parse("2025-07-15")));
    }
}
