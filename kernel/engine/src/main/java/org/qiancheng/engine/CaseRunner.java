package org.qiancheng.engine;

import java.util.ArrayList;
import java.util.List;
import org.qiancheng.api.claim.Decision;
import org.qiancheng.api.claim.LineItem;
import org.qiancheng.api.claim.Reason;
import org.qiancheng.api.spi.RegionPolicy;

/**
 * Runs a policy's case files: loads the policy (with a case's parameter overrides), reads the
 * input scenario, decides, and compares the decision with the expectation. The runtime uses the
 * same runner to refuse a region bundle whose own cases fail.
 */
public final class CaseRunner {

    private final RegionPolicy policy;
    private final String bundleSymbolicName;
    private final String contentHash;
    private StandalonePolicy plain;

    /**
     * @param policy the policy under test
     * @param bundleSymbolicName recorded in decisions
     * @param contentHash recorded in decisions
     */
    public CaseRunner(RegionPolicy policy, String bundleSymbolicName, String contentHash) {
        this.policy = policy;
        this.bundleSymbolicName = bundleSymbolicName;
        this.contentHash = contentHash;
    }

    /** Runs every case; never throws for a failing case. */
    public List<CaseResult> runAll(List<PolicyCase> cases) {
        return cases.stream().map(this::run).toList();
    }

    /** Runs one case; never throws for a failing case. */
    public CaseResult run(PolicyCase policyCase) {
        PolicyCase.Expectation expect = policyCase.expect();
        StandalonePolicy loaded;
        try {
            loaded = policyCase.parameters().isEmpty() ? plain()
                    : StandalonePolicy.load(policy, bundleSymbolicName, null, contentHash, policyCase.parameters());
        } catch (PolicyRefusedException e) {
            return activationRefused(policyCase, e.reasons());
        }
        if (!expect.activationRefused().isEmpty()) {
            return new CaseResult(policyCase, List.of("expected the policy to be refused at activation with "
                    + expect.activationRefused() + ", but it was accepted"), null);
        }
        Scenario scenario;
        try {
            scenario = Scenarios.read(policyCase.input(), loaded.descriptor().regionCode());
        } catch (InvalidScenarioException e) {
            return new CaseResult(policyCase, List.of("input: " + e.getMessage()), null);
        }
        List<String> failures = new ArrayList<>();
        String region = loaded.descriptor().regionCode();
        if (!region.equals(scenario.region()) && !scenario.region().startsWith(region.replaceAll("0+$", ""))) {
            failures.add("input region " + scenario.region() + " is not in the policy's region " + region);
        }
        Decision decision;
        try {
            boolean plugin = loaded.parentRegion().isPresent();
            if (!plugin && policyCase.parent() != null) {
                return new CaseResult(policyCase, List.of("the case states a \"parent\" decision but the policy "
                        + "extends no region"), null);
            }
            if (plugin && policyCase.parent() == null) {
                return new CaseResult(policyCase, List.of("the policy extends region " + loaded.parentRegion().get()
                        + ": state the parent's decision in \"parent\""), null);
            }
            decision = plugin ? loaded.decideOn(scenario.input(), policyCase.parent(),
                    new StatedParent(loaded.parentRegion().get(), policyCase.parentCatalog()))
                    : loaded.decide(scenario.input());
        } catch (PolicyFailureException e) {
            return new CaseResult(policyCase, List.of(e.getMessage()), null);
        }
        compare(expect, decision, failures);
        return new CaseResult(policyCase, failures, decision);
    }

    private StandalonePolicy plain() throws PolicyRefusedException {
        if (plain == null) {
            plain = StandalonePolicy.load(policy, bundleSymbolicName, null, contentHash);
        }
        return plain;
    }

    private static CaseResult activationRefused(PolicyCase policyCase, List<String> reasons) {
        List<String> expected = policyCase.expect().activationRefused();
        if (expected.isEmpty()) {
            return new CaseResult(policyCase, List.of("the policy was refused at activation: " + reasons), null);
        }
        List<String> failures = new ArrayList<>();
        for (String text : expected) {
            if (reasons.stream().noneMatch(reason -> reason.contains(text))) {
                failures.add("refusal reasons " + reasons + " do not mention \"" + text + "\"");
            }
        }
        return new CaseResult(policyCase, failures, null);
    }

    private static void compare(PolicyCase.Expectation expect, Decision decision, List<String> failures) {
        var result = decision.result();
        if (expect.eligible() != null && expect.eligible() != result.eligibility().eligible()) {
            failures.add("expected eligible=" + expect.eligible() + " but was " + result.eligibility().eligible()
                    + " " + result.eligibility().reasons());
        }
        if (expect.amount() != null && expect.amount().compareTo(decision.amount()) != 0) {
            failures.add("expected amount " + expect.amount().toPlainString() + " but was "
                    + decision.amount().toPlainString() + " from " + result.lines());
        }
        for (PolicyCase.ExpectedLine line : expect.lines()) {
            boolean found = result.lines().stream().anyMatch(actual -> matches(line, actual));
            if (!found) {
                failures.add("expected line " + line.rule() + " " + line.amount().toPlainString()
                        + (line.citation() == null ? "" : " " + line.citation()) + " among " + result.lines());
            }
        }
        requireRules("eligibility reason", expect.refusedBecause(), result.eligibility().reasons(), failures);
        requireRules("flag", expect.flags(), result.flags(), failures);
        requireRules("note", expect.notes(), result.notes(), failures);
        if (expect.advanceShare() != null && expect.advanceShare().compareTo(result.advanceShare()) != 0) {
            failures.add("expected advance share " + expect.advanceShare().toPlainString() + " but was "
                    + result.advanceShare().toPlainString());
        }
    }

    private static boolean matches(PolicyCase.ExpectedLine expected, LineItem actual) {
        return expected.rule().equals(actual.rule()) && expected.amount().compareTo(actual.amount()) == 0
                && (expected.citation() == null || expected.citation().equals(actual.citation().toString()));
    }

    private static void requireRules(String what, List<String> rules, List<Reason> reasons, List<String> failures) {
        for (String rule : rules) {
            if (reasons.stream().noneMatch(reason -> reason.rule().equals(rule))) {
                failures.add("expected a " + what + " for rule " + rule + " among " + reasons);
            }
        }
    }
}
