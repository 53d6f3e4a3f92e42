package org.qiancheng.bench;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.ServiceLoader;
import org.qiancheng.api.claim.ClaimInput;
import org.qiancheng.api.claim.Decision;
import org.qiancheng.api.spi.RegionPolicy;
import org.qiancheng.engine.ContentHash;
import org.qiancheng.engine.PolicyRefusedException;
import org.qiancheng.engine.Scenarios;
import org.qiancheng.engine.StandalonePolicy;

/**
 * One shipped region version as the runtime holds it: its jar in a class loader of its own (two
 * Sichuan versions share class names), loaded and validated by the engine, with the preview
 * scenario of its region moved into the version's period. Checked to decide a cited, eligible,
 * positive amount before anything is measured.
 */
final class RegionUnderTest {

    final StandalonePolicy policy;
    final ClaimInput input;

    private RegionUnderTest(StandalonePolicy policy, ClaimInput input) {
        this.policy = policy;
        this.input = input;
    }

    /**
     * @param jar the region's bundle
     * @param scenario the preview scenario of its region (docs/examples)
     */
    static RegionUnderTest load(Path jar, Path scenario) throws IOException, PolicyRefusedException {
        URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()},
                RegionUnderTest.class.getClassLoader());
        List<RegionPolicy> found = ServiceLoader.load(RegionPolicy.class, loader).stream()
                .map(ServiceLoader.Provider::get).filter(p -> p.getClass().getClassLoader() == loader).toList();
        if (found.size() != 1) {
            throw new IllegalStateException(jar + " registers " + found.size() + " region policies, not 1");
        }
        StandalonePolicy policy = StandalonePolicy.load(found.get(0), jar.getFileName().toString(), null,
                ContentHash.ofCodeSource(found.get(0).getClass()));
        String json = inPeriod(Files.readString(scenario), policy);
        ClaimInput input = Scenarios.parse(json, null).input();
        RegionUnderTest region = new RegionUnderTest(policy, input);
        region.check();
        return region;
    }

    /** The scenario's class dates moved to the version's first months, so its parameters are in force. */
    private static String inPeriod(String json, StandalonePolicy policy) {
        var from = policy.descriptor().period().from();
        return json.replaceAll("\"startDate\": \"[0-9-]+\"", "\"startDate\": \"" + from.plusDays(30) + "\"")
                .replaceAll("\"endDate\": \"[0-9-]+\"", "\"endDate\": \"" + from.plusDays(60) + "\"")
                .replaceAll("\"(issuedOn|employedOn)\": \"[0-9-]+\"", "\"$1\": \"" + from.plusDays(75) + "\"")
                .replaceAll("\"version\": \"[0-9.]+\",?", "");
    }

    /** Fails loudly unless the decision is one worth measuring. */
    private void check() {
        Decision decision = policy.decide(input);
        if (!decision.result().eligibility().eligible() || decision.amount().signum() <= 0
                || decision.result().lines().isEmpty() || decision.parameters().isEmpty()) {
            throw new IllegalStateException(policy.identity() + " decides nothing worth measuring: " + decision);
        }
    }
}
