package org.qiancheng.launcher;

import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What the operator chose through the environment: {@code QC_HOME} (default {@code ./runtime}),
 * {@code QC_PORT} (default 8080) and {@code QC_BIND} (default {@code 0.0.0.0}, every interface),
 * plus where the assembled distribution lies.
 *
 * @param distribution the assembled distribution: {@code lib/}, {@code system/}, {@code conf/}
 * @param home the platform's home: {@code deploy/}, {@code etc/}, {@code data/}, {@code log/}
 * @param port the HTTP port
 * @param bind the address HTTP listens on: an IP literal or a host name of this machine
 * @param interactive whether a console is attached, so the gogo shell may read it
 */
public record LaunchSettings(Path distribution, Path home, int port, String bind, boolean interactive) {

    static final int DEFAULT_PORT = 8080;
    static final String DEFAULT_HOME = "runtime";
    static final String DEFAULT_BIND = "0.0.0.0";

    private static final String OCTET = "(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)";
    private static final Pattern IPV4 = Pattern.compile(OCTET + "(\\." + OCTET + "){3}");
    /** RFC 1123 labels; a name of digits and dots only is a mistyped IPv4 address, not a host name. */
    private static final Pattern HOST_NAME = Pattern.compile(
            "(?=.{1,253}$)(?![\\d.]+$)[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*\\.?");

    /** Every interface (QC_BIND's default), as the in-framework tests start the platform. */
    public LaunchSettings(Path distribution, Path home, int port, boolean interactive) {
        this(distribution, home, port, DEFAULT_BIND, interactive);
    }

    /**
     * Reads the settings from the environment.
     *
     * @throws IllegalArgumentException naming the variable and the rule when a value is unusable
     */
    public static LaunchSettings from(Map<String, String> env, Path distribution, boolean interactive) {
        String home = env.getOrDefault("QC_HOME", "");
        Path homePath = Path.of(home.isBlank() ? DEFAULT_HOME : home).toAbsolutePath().normalize();
        return new LaunchSettings(distribution.toAbsolutePath().normalize(), homePath, port(env.get("QC_PORT")),
                bind(env.get("QC_BIND")), interactive);
    }

    /**
     * An IPv4 or IPv6 literal (brackets allowed) or a host name, which must name an address of this
     * machine (or every interface): refused here, before the framework starts, because Jetty failing
     * to bind would leave a platform running without HTTP.
     */
    static String bind(String value) {
        if (value == null || value.isBlank()) {
            return DEFAULT_BIND;
        }
        String host = value.trim();
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        boolean literal = IPV4.matcher(host).matches() || host.contains(":");
        if (!literal && !HOST_NAME.matcher(host).matches()) {
            throw new IllegalArgumentException("QC_BIND must be an IP address or a host name (e.g. 127.0.0.1, ::1,"
                    + " localhost), was '" + value + "' / QC_BIND 须为 IP 地址或主机名");
        }
        InetAddress address;
        try {
            // a literal is parsed, not looked up; a host name is resolved once, here
            address = InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("QC_BIND '" + value + "' is " + (literal ? "not a valid IP address"
                    : "a host name that does not resolve") + " / QC_BIND 无法解析为地址");
        }
        if (!isOfThisMachine(address)) {
            throw new IllegalArgumentException("QC_BIND '" + value + "' (" + address.getHostAddress() + ") is no"
                    + " address of this machine, so nothing could listen there / QC_BIND 不是本机地址");
        }
        return host;
    }

    private static boolean isOfThisMachine(InetAddress address) {
        if (address.isAnyLocalAddress() || address.isLoopbackAddress()) {
            return true;
        }
        try {
            return NetworkInterface.getByInetAddress(address) != null;
        } catch (SocketException e) {
            return false;
        }
    }

    /** Where this machine reaches the platform: localhost when it listens on every interface. */
    public String localUrl() {
        InetAddress any;
        try {
            any = InetAddress.getByName(bind);
        } catch (UnknownHostException e) {
            any = null;
        }
        String host = any == null || any.isAnyLocalAddress() ? "localhost" : bind.contains(":") ? "[" + bind + "]"
                : bind;
        return "http://" + host + ":" + port;
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
