package org.qiancheng.region.xian;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.qiancheng.testkit.junit.PolicyTestKit;

/** The Xi'an case files, and that every rule XA1–XA7 has at least one. */
class XianCasesTest {

    @TestFactory
    Stream<DynamicNode> cases() {
        return PolicyTestKit.cases(new XianPolicy());
    }

    @Test
    void everyRuleHasACase() {
        PolicyTestKit.assertRulesCovered(new XianPolicy());
    }
}
