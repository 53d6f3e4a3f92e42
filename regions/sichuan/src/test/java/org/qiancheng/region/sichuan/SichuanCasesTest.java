package org.qiancheng.region.sichuan;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.qiancheng.testkit.junit.PolicyTestKit;

/**
 * The case files of the policy version this module builds (region-sichuan: 2025.1.0 with SC-2025;
 * region-sichuan-2021: 2021.1.0 with SC-2021 — the same test, each against its own
 * {@code META-INF/services}, parameters and cases), and that every rule of the version has a case.
 */
class SichuanCasesTest {

    @TestFactory
    Stream<DynamicNode> cases() {
        return PolicyTestKit.discovered();
    }

    @Test
    void everyRuleOfTheVersionHasACase() {
        SichuanPolicy policy = new SichuanPolicy();
        if (policy.descriptor().version().startsWith("2021.")) {
            // SC-2021: no base/assessment split (SC2) and no open call (SC5); targets (SC6) are its own
            PolicyTestKit.assertRulesCovered(policy, "SC1", "SC3", "SC4", "SC6", "SC7");
        } else {
            // SC-2025: its only target (≥100 demonstration classes) is no measure of the reports (SC6)
            PolicyTestKit.assertRulesCovered(policy, "SC1", "SC2", "SC3", "SC4", "SC5", "SC7");
        }
    }
}
