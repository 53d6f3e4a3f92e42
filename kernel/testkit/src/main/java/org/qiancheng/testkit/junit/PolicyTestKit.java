package org.qiancheng.testkit.junit;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
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
import org.qiancheng.engine.PolicyRefusedException;
import org.qiancheng.engine.RuleSet;
import org.qiancheng.engine.StandalonePolicy;

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
     * Fails unless every rule of the policy's {@code rules.json} is exercised by at least one case
     * file ({@code "rules"}), and fails when the policy is refused at loading (its rules file with it).
     *
     * @param policy the policy
     */
    public static void assertRulesCovered(RegionPolicy policy) {
        StandalonePolicy loaded;
        try {
            loaded = StandalonePolicy.load(policy, "testkit:" + policy.getClass().getName(), null, "");
        } catch (PolicyRefusedException e) {
            fail("the policy is refused: " + e.reasons());
            return;
        }
        Set<String> ids = loaded.parameters().ruleSet().ids();
        if (ids.isEmpty()) {
            fail("no rules: " + RuleSet.FILE + " is missing beside " + policy.getClass().getName());
        }
        assertCovered(policy, ids);
    }

    /**
     * Fails unless every rule id is exercised by at least one case file of the policy.
     *
     * @param policy the policy
     * @param ruleIds the rule ids the region's documentation defines
     * @deprecated the rule ids are in the policy's {@code rules.json}: use {@link #assertRulesCovered(RegionPolicy)}
     */
    @Deprecated
    public static void assertRulesCovered(RegionPolicy policy, String... ruleIds) {
        assertCovered(policy, new LinkedHashSet<>(Arrays.asList(ruleIds)));
    }

    private static void assertCovered(RegionPolicy policy, Set<String> ruleIds) {
        List<PolicyCase> cases;
        try {
            cases = PolicyCases.fromClassLoader(policy.getClass().getClassLoader());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Set<String> covered = new TreeSet<>();
        cases.forEach(c -> covered.addAll(c.rules()));
        List<String> missing = ruleIds.stream().filter(r -> !covered.contains(r)).toList();
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
