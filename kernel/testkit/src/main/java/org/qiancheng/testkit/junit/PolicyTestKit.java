package org.qiancheng.testkit.junit;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.ServiceLoader;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
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
 * Each case file under {@code cases/} becomes one test named by its sentence. For a city plugin,
 * one more test checks its overrides against the bounds of its parent's bundle, as the platform
 * does when it installs the plugin next to that parent.
 */
public final class PolicyTestKit {

    /**
     * System property naming the parent region's bundle jar(s) for {@link #cases(RegionPolicy)},
     * separated by the path separator, e.g. {@code mvn verify -Dqiancheng.parent.bundle=../sichuan.jar}.
     *
     * @since 0.2
     */
    public static final String PARENT_BUNDLE = "qiancheng.parent.bundle";

    private PolicyTestKit() {
    }

    /**
     * The policy's cases; for a city plugin, also the check of its overrides against the bounds of
     * the parent bundles named by the system property {@value #PARENT_BUNDLE} (skipped, saying so,
     * when it is not set).
     *
     * @param policy the policy under test; its case files are read from its class loader
     * @return one test per case file, named by the case's sentence, after the bounds test of a plugin
     */
    public static Stream<DynamicNode> cases(RegionPolicy policy) {
        return cases(policy, parentBundlesFromProperty().toArray(Path[]::new));
    }

    /**
     * The policy's cases and, for a city plugin, one test per parent bundle that fails when an
     * override breaks the parent's bounds ({@link #assertWithinParentBounds}).
     *
     * @param policy the policy under test; its case files are read from its class loader
     * @param parentBundles the parent region's bundle jars (not on the test's class path); none: the
     *     bounds test of a plugin is skipped, saying so
     * @return the bounds tests of a plugin, then one test per case file
     * @since 0.2
     */
    public static Stream<DynamicNode> cases(RegionPolicy policy, Path... parentBundles) {
        return Stream.concat(parentBoundsTests(policy, List.of(parentBundles)), caseTests(policy));
    }

    private static Stream<DynamicNode> parentBoundsTests(RegionPolicy policy, List<Path> parentBundles) {
        String parent = parentRegion(policy);
        if (parent == null) {
            return Stream.empty();
        }
        if (parentBundles.isEmpty()) {
            return Stream.of(DynamicTest.dynamicTest("overrides within the bounds of region " + parent
                    + ": not checked", () -> Assumptions.abort("no bundle of the parent region " + parent
                    + " given: set -D" + PARENT_BUNDLE + "=<its jar> or pass it to PolicyTestKit.cases(policy, jar)"
                    + "; otherwise only the platform checks the overrides, when the plugin is installed")));
        }
        return parentBundles.stream().map(jar -> DynamicTest.dynamicTest("overrides within the bounds of region "
                + parent + " (" + jar.getFileName() + ")", () -> assertWithinParentBounds(policy, jar)));
    }

    /** The parent region a plugin names, or {@code null}; a policy that cannot say is left to its cases. */
    private static String parentRegion(RegionPolicy policy) {
        try {
            return policy.parentRegion().orElse(null);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static List<Path> parentBundlesFromProperty() {
        String value = System.getProperty(PARENT_BUNDLE, "").trim();
        List<Path> jars = new ArrayList<>();
        for (String path : value.split(File.pathSeparator)) {
            if (!path.isBlank()) {
                jars.add(Path.of(path.trim()));
            }
        }
        return jars;
    }

    /**
     * Fails when the platform would refuse this city plugin next to a version of its parent in the
     * given bundle: it composes the two with the engine's {@link StandalonePolicy#extending}, the
     * very check the platform runs at installation, so the message is the platform's reason, e.g.
     * {@code 510100:subsidy/assessment_share@2025-01-01: 0.10 is below the minimum 0.20 set by [SC-2025 §三(十一)]}.
     * Every version of the parent region in the bundle is checked, as the platform checks every one
     * installed.
     *
     * @param policy the city plugin
     * @param parentBundle the parent region's bundle jar, read on its own as a bundle sees its content
     * @since 0.2
     */
    public static void assertWithinParentBounds(RegionPolicy policy, Path parentBundle) {
        StandalonePolicy city = loaded(policy, "the policy");
        String parent = city.parentRegion().orElse(null);
        if (parent == null) {
            fail(city.descriptor().regionCode() + " extends no region: it has no parent's bounds to keep");
        }
        try (BundleLoader bundle = BundleLoader.of(parentBundle)) {
            List<RegionPolicy> versions = bundle.policies().stream()
                    .filter(p -> parent.equals(p.descriptor().regionCode())).toList();
            if (versions.isEmpty()) {
                fail("no policy of region " + parent + " in " + parentBundle + " (META-INF/services/"
                        + RegionPolicy.class.getName() + ")");
            }
            List<String> refusals = new ArrayList<>();
            for (RegionPolicy version : versions) {
                StandalonePolicy province = loaded(version, parentBundle.getFileName().toString());
                try {
                    city.extending(province);
                } catch (PolicyRefusedException e) {
                    refusals.add(city.descriptor().regionCode() + " " + city.descriptor().version()
                            + " would be refused next to " + parent + " " + province.descriptor().version() + " ("
                            + parentBundle.getFileName() + "): " + String.join("; ", e.reasons()));
                }
            }
            if (!refusals.isEmpty()) {
                fail(String.join("\n", refusals));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static StandalonePolicy loaded(RegionPolicy policy, String what) {
        try {
            return StandalonePolicy.load(policy, "testkit:" + policy.getClass().getName(), null, "");
        } catch (PolicyRefusedException e) {
            fail(what + " is refused: " + e.reasons());
            throw new AssertionError(e);
        }
    }

    private static Stream<DynamicNode> caseTests(RegionPolicy policy) {
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
