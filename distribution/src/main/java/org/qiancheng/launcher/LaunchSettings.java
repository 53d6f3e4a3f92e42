package org.qiancheng.launcher;

import java.nio.file.Path;
import java.util.Map;

/**
 * What the operator chose through the environment: {@code QC_HOME} (default {@code ./runtime})
 * and {@code QC_PORT} (default 8080), plus where the assembled distribution lies.
 *
 * @param distribution the assembled distribution: {@code lib/}, {@code system/}, {@code conf/}
 * @param home the platform's home: {@code deploy/}, {@code etc/}, {@code data/}, {@code log/}
 * @param port the HTTP port
 * @param interactive whether a console is attached, so the gogo shell may read it
 */
public record LaunchSettings(Path distribution, Path home, int port, boolean interactive) {

    static final int DEFAULT_PORT = 8080;
    static final String DEFAULT_HOME = "runtime";

    /**
     * Reads the settings from the environment.
     *
     * @throws IllegalArgumentException naming the variable and the rule when a value is unusable
     */
    public static LaunchSettings from(Map<String, String> env, Path distribution, boolean interactive) {
        String home = env.getOrDefault("QC_HOME", "");
        Path homePath = Path.of(home.isBlank() ? DEFAULT_HOME : home).toAbsolutePath().normalize();
        return new LaunchSettings(distribution.toAbsolutePath().normalize(), homePath, port(env.get("QC_PORT")),
                interactive);
    }

    private static int port(String value) {
        if (value == null || value.isBlank()) {
            return DEFAULT_PORT;
        }
        try {
            int port = Integer.parseInt(value.trim());
            if (port >= 1 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below with the rule
        }
        throw new IllegalArgumentException("QC_PORT must be a TCP port number from 1 to 65535, was '" + value + "'");
    }

    public Path deploy() {
        return home.resolve("deploy");
    }

    public Path etc() {
        return home.resolve("etc");
    }

    public Path data() {
        return home.resolve("data");
    }

    public Path log() {
        return home.resolve("log");
    }
}
