package org.qiancheng.launcher;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The framework properties: {@code conf/framework.properties} of the distribution with
 * {@code ${qc.home}}, {@code ${qc.port}}, {@code ${qc.bind}} and {@code ${qc.dist}} filled in. The launcher and the
 * in-framework tests both build the framework from this, so they cannot drift apart.
 */
public final class FrameworkConfig {

    static final String FILE = "conf/framework.properties";
    static final String SYSTEM_FILE = "conf/system.properties";

    private FrameworkConfig() {
    }

    public static Map<String, String> load(LaunchSettings settings) throws IOException {
        Map<String, String> resolved = read(settings, FILE);
        // the shell never stops the platform; without a console it does not read stdin at all
        resolved.put("gosh.args", settings.interactive() ? "--noshutdown" : "--nointeractive --noshutdown");
        return resolved;
    }

    /**
     * The framework properties the operator sets through the environment, where set and not blank:
     * {@code QC_CLOCK_FIXED} freezes "today" (e.g. {@code 2026-11-25T00:00:00Z}, demonstrations and
     * tests); {@code QC_DB_URL}, {@code QC_DB_USER}, {@code QC_DB_PASSWORD} choose the database when
     * no {@code url} is configured for {@code org.qiancheng.persistence} in {@code etc/};
     * {@code QC_ADMIN_PASSWORD} is the password of the first account, {@code admin}, created at the
     * first start (read only then; it must meet the password policy).
     */
    public static Map<String, String> fromEnvironment(Map<String, String> env) {
        Map<String, String> properties = new TreeMap<>();
        ENVIRONMENT.forEach((variable, property) -> {
            String value = env.get(variable);
            if (value != null && !value.isBlank()) {
                properties.put(property, variable.endsWith("_PASSWORD") ? value : value.trim());
            }
        });
        return properties;
    }

    /** The configuration of the kernel's database in {@code etc/}, as FileInstall reads it. */
    static final String DATABASE_CFG = "org.qiancheng.persistence.cfg";

    /**
     * The database named in {@code etc/org.qiancheng.persistence.cfg}, as the framework properties
     * {@code QC_DB_*} become. FileInstall delivers the same file to ConfigAdmin, but only once the
     * kernel runs; read here too, the kernel opens that database from its first moment instead of
     * the default file database for the second before.
     *
     * @return {@code qc.db.url} (and user and password when given), or nothing without a url
     */
    public static Map<String, String> databaseFromEtc(Path etc) throws IOException {
        Path file = etc.resolve(DATABASE_CFG);
        Map<String, String> properties = new TreeMap<>();
        if (!Files.isRegularFile(file)) {
            return properties;
        }
        Properties cfg = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            cfg.load(in);
        }
        String url = cfg.getProperty("url", "").trim();
        if (!url.isEmpty()) {
            properties.put("qc.db.url", url);
            properties.put("qc.db.user", cfg.getProperty("user", "").trim());
            properties.put("qc.db.password", cfg.getProperty("password", ""));
        }
        return properties;
    }

    /** Environment variable → framework property. */
    static final Map<String, String> ENVIRONMENT = Map.of(
            "QC_ADMIN_PASSWORD", "qc.admin.password",
            "QC_CLOCK_FIXED", "qc.clock.fixed",
            "QC_DB_URL", "qc.db.url",
            "QC_DB_USER", "qc.db.user",
            "QC_DB_PASSWORD", "qc.db.password",
            "QC_NODE", "qc.node");

    /**
     * Sets the JVM system properties of {@code conf/system.properties} (logging set-up of the
     * libraries inside the framework) unless the JVM was given them with {@code -D}.
     */
    public static void applySystemDefaults(LaunchSettings settings) throws IOException {
        read(settings, SYSTEM_FILE).forEach((key, value) -> {
            if (System.getProperty(key) == null) {
                System.setProperty(key, value);
            }
        });
    }

    private static Map<String, String> read(LaunchSettings settings, String file) throws IOException {
        Properties raw = new Properties();
        try (Reader reader = Files.newBufferedReader(settings.distribution().resolve(file), StandardCharsets.UTF_8)) {
            raw.load(reader);
        }
        Map<String, String> values = Map.of(
                "qc.home", slashes(settings.home()),
                "qc.port", Integer.toString(settings.port()),
                "qc.bind", settings.bind(),
                "qc.dist", slashes(settings.distribution()));
        Map<String, String> resolved = new TreeMap<>();
        for (String key : raw.stringPropertyNames()) {
            resolved.put(key, substitute(raw.getProperty(key), values));
        }
        return resolved;
    }

    static String substitute(String text, Map<String, String> values) {
        String result = text;
        for (Map.Entry<String, String> value : values.entrySet()) {
            result = result.replace("${" + value.getKey() + "}", value.getValue());
        }
        if (result.contains("${")) {
            throw new IllegalArgumentException("unknown placeholder in '" + text + "'");
        }
        return result;
    }

    private static String slashes(Path path) {
        return path.toString().replace('\\', '/');
    }
}
