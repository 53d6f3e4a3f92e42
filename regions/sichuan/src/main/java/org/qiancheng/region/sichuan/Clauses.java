package org.qiancheng.region.sichuan;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.qiancheng.api.model.Citation;
import org.qiancheng.api.policy.PolicyFiles;

/**
 * The clauses a policy version cites where no parameter is read: the three reports, whose
 * definitions are built before any {@code Parameters} exist. They are data of the version, kept
 * beside its descriptor in {@code policy.properties}, so one source serves SC-2025 and SC-2021:
 *
 * <pre>
 * report.indicators=SC-2025 §四(十五)
 * report.targets=SC-2025 §三(八)
 * report.dispatch=SC-2025 §四(十六)
 * </pre>
 */
record Clauses(String indicators, String targets, String dispatch) {

    static final String INDICATORS = "report.indicators";
    static final String TARGETS = "report.targets";
    static final String DISPATCH = "report.dispatch";

    /** Checks that every clause parses as a citation. */
    Clauses {
        Citation.parse(indicators);
        Citation.parse(targets);
        Citation.parse(dispatch);
    }

    /** @return the clauses of the version whose {@code policy.properties} the anchor's loader finds */
    static Clauses of(Class<?> anchor) {
        Properties p = new Properties();
        try (InputStream in = anchor.getClassLoader().getResourceAsStream(PolicyFiles.DESCRIPTOR)) {
            if (in == null) {
                throw new IllegalArgumentException(PolicyFiles.DESCRIPTOR + " not found beside " + anchor.getName());
            }
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Clauses(required(p, INDICATORS), required(p, TARGETS), required(p, DISPATCH));
    }

    /** @return the clause that asks for the monthly dispatch (月调度), cited by SC7 */
    Citation dispatchCitation() {
        return Citation.parse(dispatch);
    }

    private static String required(Properties p, String key) {
        String value = p.getProperty(key);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(PolicyFiles.DESCRIPTOR + ": " + key + " is required");
        }
        return value.trim();
    }
}
