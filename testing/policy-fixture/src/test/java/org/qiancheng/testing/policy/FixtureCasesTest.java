package org.qiancheng.testing.policy;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.qiancheng.testkit.junit.PolicyTestKit;

/** The fixture's case files, run by the test kit exactly as a city team would run theirs. */
class FixtureCasesTest {

    @TestFactory
    Stream<DynamicNode> cases() {
        return PolicyTestKit.discovered();
    }

    @Test
    void everyRuleHasACase() {
        PolicyTestKit.assertRulesCovered(new FixturePolicy());
    }
}
