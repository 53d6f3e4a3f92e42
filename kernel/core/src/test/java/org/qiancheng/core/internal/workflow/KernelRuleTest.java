package org.qiancheng.core.internal.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.qiancheng.api.model.Citation;
import org.qiancheng.api.workflow.WorkflowException;

class KernelRuleTest {

    @Test
    void theKernelRulesAreK1ToK6OfTheDomainAndTheTimeRulesK7ToK12WithBothWordings() {
        assertEquals(List.of("K1", "K2", "K3", "K4", "K5", "K6", "K7", "K8", "K9", "K10", "K11", "K12"),
                java.util.Arrays.stream(KernelRule.values()).map(KernelRule::id).toList());
        for (KernelRule rule : KernelRule.values()) {
            assertFalse(rule.text().zh().isBlank(), rule.id());
            assertFalse(rule.text().en().isBlank(), rule.id());
        }
    }

    @Test
    void aKernelRuleCitesTheNationalNoticeOrNothingNeverARegion() {
        for (KernelRule rule : KernelRule.values()) {
            rule.source().map(Citation::document).ifPresent(document -> assertEquals("CN-2025", document, rule.id()));
        }
        assertEquals("[CN-2025 §六(十八)]", KernelRule.K4.source().orElseThrow().toString());
        assertTrue(KernelRule.K2.source().isEmpty(), "no national notice states the resident-ID rule");
    }

    @Test
    void aBreachSaysWhatHappenedThenTheRuleAndItsSource() {
        assertEquals("institution 3 is blacklisted: a blacklisted institution cannot file classes and its open"
                + " claims are frozen [CN-2025 §六(十八)]", KernelRule.K4.breach("institution 3 is blacklisted"));
    }

    @Test
    void anInvalidResidentIdBreaksK2WithTheFailedCheckAsItsRule() {
        WorkflowException refused = assertThrows(WorkflowException.class,
                () -> Checks.residentId("idNumber", "510104199001011231", LocalDate.of(2026, 1, 1)));
        assertEquals("idNumber", refused.field());
        assertEquals("gb11643:check-digit", refused.rule());
        assertTrue(refused.getMessage().endsWith(KernelRule.K2.text().en()), refused.getMessage());
    }
}
