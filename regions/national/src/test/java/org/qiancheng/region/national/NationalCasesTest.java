package org.qiancheng.region.national;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.qiancheng.testkit.junit.PolicyTestKit;

/** The national case files, and that every rule CN1–CN6 has at least one. */
class NationalCasesTest {

    @TestFactory
    Stream<DynamicNode> cases() {
        return PolicyTestKit.cases(new NationalPolicy());
    }

    @Test
    void everyRuleHasACase() {
        PolicyTestKit.assertRulesCovered(new NationalPolicy());
    }
}
