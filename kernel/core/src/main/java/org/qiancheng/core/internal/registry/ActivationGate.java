package org.qiancheng.core.internal.registry;

import java.io.IOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.List;
import org.osgi.framework.Bundle;
import org.qiancheng.api.spi.RegionPolicy;
import org.qiancheng.engine.CaseResult;
import org.qiancheng.engine.CaseRunner;
import org.qiancheng.engine.PolicyCases;

/**
 * The second half of the activation check: a policy version whose parameters loaded is also run
 * against its own case files ({@code cases/*.json} in its bundle) by the same runner its authors
 * use in their unit tests; any failing case refuses the version.
 */
final class ActivationGate {

    private ActivationGate() {
    }

    /** @return one reason per failing or unreadable case; empty when every case passes */
    static List<String> failingCases(Bundle bundle, RegionPolicy policy, String contentHash) {
        Enumeration<URL> found = bundle.findEntries("cases", "*.json", false);
        List<URL> files = found == null ? List.of() : new ArrayList<>(Collections.list(found));
        files.sort(Comparator.comparing(URL::getPath));
        List<String> reasons = new ArrayList<>();
        try {
            CaseRunner runner = new CaseRunner(policy, bundle.getSymbolicName(), contentHash);
            for (CaseResult result : runner.runAll(PolicyCases.fromUrls(files))) {
                if (!result.passed()) {
                    reasons.add("case " + result.policyCase().file() + " (" + result.policyCase().name() + "): "
                            + String.join("; ", result.failures()));
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            reasons.add("cases: " + e.getMessage());
        }
        return reasons;
    }
}
