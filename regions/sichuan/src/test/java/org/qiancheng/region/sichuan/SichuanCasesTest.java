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
        // each version's rules.json lists the rules of its notice (SC-2021: no base/assessment split,
        // no open call; SC-2025: no target the reports measure)
        PolicyTestKit.assertRulesCovered(new SichuanPolicy());
    }
}
