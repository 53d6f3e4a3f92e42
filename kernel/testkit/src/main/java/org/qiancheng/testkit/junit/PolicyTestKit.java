package org.qiancheng.testkit.junit;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.qiancheng.api.spi.RegionPolicy;
import org.qiancheng.engine.CaseResult;
import org.qiancheng.engine.CaseRunner;
import org.qiancheng.engine.ContentHash;
import org.qiancheng.engine.PolicyCase;
import org.qiancheng.engine.PolicyCases;

/**
 * Runs a region's case files as JUnit 5 tests, with no OSGi framework:
 *
 * <pre>
 * class ExampleCasesTest {
 *     &#64;TestFactory
 *     Stream&lt;DynamicNode&gt; cases() {
 *         return PolicyTestKit.cases(new ExamplePolicy());
 *     }
 * }</pre>
 *
 * Each case file under {@code cases/} becomes one test named by its sentence.
 */
public final class PolicyTestKit {

    private PolicyTestKit() {
    }

    /**
     * @param policy the policy under test; its case files are read from its class loader
     * @return one test per case file, named by the case's sentence
     */
    public static Stream<DynamicNode> cases(RegionPolicy policy) {
        List<PolicyCase> cases;
        try {
            cases = PolicyCases.fromClassLoader(policy.getClass().getClassLoader());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (cases.isEmpty()) {
            fail("no case files under cases/ beside " + policy.getClass().getName());
        }
        CaseRunner runner = new CaseRunner(policy, "testkit:" + policy.getClass().getName(),
                ContentHash.ofCodeSource(policy.getClass()));
        return cases.stream().map(c -> DynamicTest.dynamicTest(c.name() + " (" + c.file() + ")", () -> {
            CaseResult result = runner.run(c);
            if (!result.passed()) {
                fail(result.toString());
            }
        }));
    }

    /**
     * Fails unless every rule id is exercised by at least one case file of the policy.
     *
     * @param policy the policy
     * @param ruleIds the rule ids the region's documentation defines
     */
    public static void assertRulesCovered(RegionPolicy policy, String... ruleIds) {
        List<PolicyCase> cases;
        try {
            cases = PolicyCases.fromClassLoader(policy.getClass().getClassLoader());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        java.util.Set<String> covered = new java.util.TreeSet<>();
        cases.forEach(c -> covered.addAll(c.rules()));
        List<String> missing = java.util.Arrays.stream(ruleIds).filter(r -> !covered.contains(r)).toList();
        if (!missing.isEmpty()) {
            fail("rules without a case: " + missing + " (covered: " + covered + ")");
        }
    }

    /**
     * Finds every {@link RegionPolicy} listed in {@code META-INF/services} and runs each one's cases.
     *
     * @return one container per policy version
     */
    public static Stream<DynamicNode> discovered() {
        // on the module path this module must declare that it uses the service; add it at run time
        PolicyTestKit.class.getModule().addUses(RegionPolicy.class);
        List<RegionPolicy> policies = ServiceLoader.load(RegionPolicy.class).stream().map(ServiceLoader.Provider::get)
                .toList();
        if (policies.isEmpty()) {
            fail("no RegionPolicy listed in META-INF/services/" + RegionPolicy.class.getName());
        }
        return policies.stream().map(p -> DynamicContainer.dynamicContainer(
                p.descriptor().regionCode() + " " + p.descriptor().version(), cases(p)));
    }
}
