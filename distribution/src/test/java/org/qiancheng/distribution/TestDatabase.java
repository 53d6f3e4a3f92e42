package org.qiancheng.distribution;

import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.ops4j.pax.exam.Option;

/**
 * The database the in-framework and end-to-end tests run on: HSQLDB (the platform's default, a
 * file database in each test's home) unless the build is given {@code -Dqc.test.db.url} (with
 * {@code qc.test.db.user} and {@code qc.test.db.password}), as scripts/test-postgres.sh does. The
 * tests reach it the way operators do: the framework properties the launcher makes of
 * {@code QC_DB_URL}, {@code QC_DB_USER} and {@code QC_DB_PASSWORD}, or those variables themselves.
 */
final class TestDatabase {

    private TestDatabase() {
    }

    static String url() {
        return System.getProperty("qc.test.db.url", "").trim();
    }

    static boolean configured() {
        return !url().isEmpty();
    }

    /** How the health report names the product: {@code PostgreSQL 15.…} or {@code HSQL Database Engine 2.7.4}. */
    static String expectedProduct() {
        return url().startsWith("jdbc:postgresql:") ? "PostgreSQL" : configured() ? "" : "HSQL Database Engine";
    }

    /** For Pax Exam: the framework properties the launcher would set from the environment. */
    static List<Option> frameworkProperties() {
        List<Option> options = new ArrayList<>();
        variables().forEach((variable, value) -> options.add(frameworkProperty(
                "qc.db." + variable.substring("QC_DB_".length()).toLowerCase(java.util.Locale.ROOT)).value(value)));
        return options;
    }

    /** For a platform started as a process: the environment variables. */
    static void addTo(Map<String, String> environment) {
        environment.putAll(variables());
    }

    private static Map<String, String> variables() {
        if (!configured()) {
            return Map.of();
        }
        return Map.of("QC_DB_URL", url(),
                "QC_DB_USER", System.getProperty("qc.test.db.user", ""),
                "QC_DB_PASSWORD", System.getProperty("qc.test.db.password", ""));
    }
}
