package org.qiancheng.region.jiangsu;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.qiancheng.testkit.junit.PolicyTestKit;

/** The Jiangsu case files, and that every rule JS1–JS7 has at least one. */
class JiangsuCasesTest {

    @TestFactory
    Stream<DynamicNode> cases() {
        return PolicyTestKit.cases(new JiangsuPolicy());
    }

    @Test
    void everyRuleHasACase() {
        PolicyTestKit.assertRulesCovered(new JiangsuPolicy());
    }
}
