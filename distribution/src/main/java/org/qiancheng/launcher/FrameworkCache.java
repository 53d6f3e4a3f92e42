package org.qiancheng.launcher;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * Whether the OSGi framework cache of a home may be kept from the last run. Installing the 60-odd
 * system bundles into an empty cache (copying each jar, reading its manifest) is a share of every
 * start; it is needed only when the bundle set changed. The cache is kept when the
 * <em>fingerprint</em> of what built it — the jars of {@code system/} and {@code lib/} (name, size,
 * modification time), the distribution's {@code conf/} files (their content) and the Java runtime
 * — equals the one written beside the cache ({@code cache.fingerprint}) at the last clean stop.
 * Anything else wipes it: another distribution, a rebuilt bundle, another Java, a first start, or a
 * run that ended without a clean stop (the fingerprint is deleted at every start and written again
 * only when the framework stopped cleanly, so a killed platform never leaves a cache to trust).
 *
 * <p>Only the system bundles are kept: the launcher uninstalls every other bundle (region bundles,
 * anything FileInstall installed from {@code deploy/}) before the framework starts, so {@code deploy/}
 * is read as on a first start and an upgraded jar there wins, a removed one is gone. Configuration
 * is never kept either ({@code felix.cm.pm=memory}): it comes from {@code etc/} at every start.
 *
 * <p>The jars are compared by size and modification time, not by their content: a CRC of the 43 MB
 * of {@code system/} costs ≈ 100 ms at every start, and a build or a copy of another distribution
 * changes the modification time. Delete {@code cache/} (or {@code cache.fingerprint}) to force a rebuild.
 */
final class FrameworkCache {

    /** The framework property naming the cache folder. */
    static final String STORAGE = "org.osgi.framework.storage";
    /** The framework property that tells Felix whether to empty the cache at start. */
    static final String CLEAN = "org.osgi.framework.storage.clean";
    static final String FILE_SUFFIX = ".fingerprint";

    private final Path fingerprintFile;
    private final List<String> inputs;

    private FrameworkCache(Path fingerprintFile, List<String> inputs) {
        this.fingerprintFile = fingerprintFile;
        this.inputs = List.copyOf(inputs);
    }

    /**
     * @param storage the framework cache folder ({@code org.osgi.framework.storage})
     * @param distribution the assembled distribution: {@code lib/}, {@code system/}, {@code conf/}
     */
    static FrameworkCache of(Path storage, Path distribution) throws IOException {
        List<String> inputs = new ArrayList<>();
        inputs.add("java " + System.getProperty("java.vm.vendor") + " " + System.getProperty("java.vm.version")
                + " " + System.getProperty("java.home"));
        for (String folder : new String[] {"lib", "system"}) {
            for (Path jar : files(distribution.resolve(folder))) {
                inputs.add(folder + "/" + jar.getFileName() + " " + Files.size(jar) + " "
                        + Files.getLastModifiedTime(jar).toMillis());
            }
        }
        for (Path conf : files(distribution.resolve("conf"))) {
            inputs.add("conf/" + conf.getFileName() + " " + sha256(Files.readAllBytes(conf)));
        }
        return new FrameworkCache(storage.resolveSibling(storage.getFileName() + FILE_SUFFIX), inputs);
    }

    /** The fingerprint of this distribution and runtime: SHA-256 over the inputs, one per line. */
    String fingerprint() {
        return sha256(String.join("\n", inputs).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * @return why the cache must be rebuilt, or {@code null} when the last clean stop left the same
     *         fingerprint and the cache may be kept
     */
    String reasonToRebuild() throws IOException {
        if (!Files.isRegularFile(fingerprintFile)) {
            return "no fingerprint beside it (a first start, or the last run did not stop cleanly)";
        }
        List<String> stored = Files.readAllLines(fingerprintFile, StandardCharsets.UTF_8);
        if (stored.isEmpty() || !stored.get(0).equals(fingerprint())) {
            for (String input : inputs) {
                if (!stored.contains(input)) {
                    return "changed since the last stop: " + input.split(" ")[0];
                }
            }
            return "the distribution or the Java runtime changed since the last stop";
        }
        return null;
    }

    /** At start: the cache is about to change, so no fingerprint may vouch for it until a clean stop. */
    void forget() throws IOException {
        Files.deleteIfExists(fingerprintFile);
    }

    /** After a clean stop: the fingerprint (first line) and its inputs (to name a change later). */
    void remember() throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add(fingerprint());
        lines.addAll(inputs);
        Path aside = fingerprintFile.resolveSibling(fingerprintFile.getFileName() + ".part");
        Files.write(aside, lines, StandardCharsets.UTF_8);
        Files.move(aside, fingerprintFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    Path file() {
        return fingerprintFile;
    }

    private static List<Path> files(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(Files::isRegularFile).sorted().toList();
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
