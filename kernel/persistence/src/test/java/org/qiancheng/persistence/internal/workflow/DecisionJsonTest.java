package org.qiancheng.persistence.internal.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.qiancheng.api.claim.ClaimInput;
import org.qiancheng.api.claim.ClassFacts;
import org.qiancheng.api.claim.ClassResults;
import org.qiancheng.api.claim.Decision;
import org.qiancheng.api.claim.Eligibility;
import org.qiancheng.api.claim.LineItem;
import org.qiancheng.api.claim.ParameterUse;
import org.qiancheng.api.claim.PolicyIdentity;
import org.qiancheng.api.claim.Reason;
import org.qiancheng.api.claim.SubsidyDecision;
import org.qiancheng.api.claim.TraineeFacts;
import org.qiancheng.api.claim.TraineeOutcome;
import org.qiancheng.api.model.Citation;
import org.qiancheng.api.model.EmploymentOutcome;
import org.qiancheng.api.model.Label;
import org.qiancheng.api.model.LocalizedText;
import org.qiancheng.api.model.ResidentId;
import org.qiancheng.api.model.SkillLevel;
import org.qiancheng.api.model.TrainingKind;
import org.qiancheng.api.model.TrainingMode;

/**
 * A decision whose labels are kept as template and arguments (as the engine's rules make them since
 * claim API 1.4) is stored exactly as one with written labels, and reads back equal, its labels given as text.
 */
class DecisionJsonTest {

    private static final Citation CLAUSE = new Citation("SC-2025", "§三(十一)");
    private static final LocalizedText TEMPLATE = new LocalizedText("基础补贴({share:%}×{standard})",
            "Base subsidy ({share:%} of {standard})");
    private static final LocalizedText WRITTEN = new LocalizedText("基础补贴(80%×1200)", "Base subsidy (80% of 1200)");

    @Test
    void aKeptLabelIsStoredAsItsTextAndReadsBackEqual() {
        Label label = new Label(TEMPLATE, Map.of("share", new BigDecimal("0.80"), "standard", new BigDecimal("1200")));
        Decision kept = decision(new LineItem("SC2.base", null, new BigDecimal("960"), CLAUSE, label),
                new Reason("SC2.note", null, CLAUSE, label));
        Decision given = decision(new LineItem("SC2.base", WRITTEN, new BigDecimal("960"), CLAUSE),
                new Reason("SC2.note", WRITTEN, CLAUSE));

        String stored = DecisionJson.write(kept);
        assertEquals(DecisionJson.write(given), stored);
        assertFalse(stored.contains("source"), stored);
        Decision read = DecisionJson.read(stored);
        assertEquals(kept, read);
        assertEquals(given, read);
        assertNull(read.result().lines().get(0).source());
        assertEquals(WRITTEN, read.result().notes().get(0).text());
    }

    private static Decision decision(LineItem line, Reason note) {
        ClassFacts facts = new ClassFacts("510104", "6-31-01-03", SkillLevel.JUNIOR, TrainingMode.OFFLINE,
                TrainingKind.GENERAL, LocalDate.parse("2026-12-07"), LocalDate.parse("2026-12-30"), 80);
        TraineeFacts trainee = new TraineeFacts(new ResidentId("510104198803120450"), Set.of(), Set.of(), "510104",
                "510104", false, List.of());
        TraineeOutcome outcome = new TraineeOutcome(true, null, EmploymentOutcome.NONE, null);
        ClaimInput input = new ClaimInput(facts, new ClassResults(2, 2, 2, 1, 1, 0, BigDecimal.ONE), trainee, outcome);
        SubsidyDecision result = new SubsidyDecision(Eligibility.granted(), List.of(line), List.of(note), List.of(),
                BigDecimal.ZERO);
        return new Decision(new PolicyIdentity("510000", "org.qiancheng.region.sichuan", "2025.1.0", "ab12"), input,
                result, List.of(new ParameterUse("subsidy/formula", LocalDate.parse("2025-01-01"), CLAUSE)));
    }
}
