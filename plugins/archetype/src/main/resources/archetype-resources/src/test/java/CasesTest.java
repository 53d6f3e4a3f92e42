package ${package};

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.qiancheng.testkit.junit.PolicyTestKit;

/** Runs cases/*.json with the test kit: no framework, no province bundle needed. */
class CasesTest {

    @TestFactory
    Stream<DynamicNode> cases() {
        return PolicyTestKit.cases(new CityPolicy());
    }

    @Test
    void everyRuleHasACase() {
        PolicyTestKit.assertRulesCovered(new CityPolicy());
    }
}
