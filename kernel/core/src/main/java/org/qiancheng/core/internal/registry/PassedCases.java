package org.qiancheng.core.internal.registry;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import org.osgi.framework.Bundle;
import org.osgi.framework.wiring.BundleWire;
import org.osgi.framework.wiring.BundleWiring;
import org.qiancheng.engine.ContentHash;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The policy versions whose cases passed, remembered across starts so that a start does not run
 * again the cases of a version it already ran on the same code (≈ 25 ms a version on the start-level
 * thread, docs/benchmarks.md). A case's outcome is a function of the version's bundle content and of
 * the code that loads and decides it, so the key covers both:
 * <ul>
 * <li>the version's content hash [K5];</li>
 * <li>every bundle its classes are wired to, transitively, and the bundles of the kernel that load and
 * run it (engine, core; the libraries they use come from {@code system/} with them), each by symbolic
 * name, version and last-modified time. The launcher reinstalls
 * the bundles of {@code system/} when a jar there changes, and a bundle updated in place gets a new
 * time; a bundle from {@code deploy/} is installed again at every start, so a city plugin over its
 * province runs its cases at every start;</li>
 * <li>the Java runtime's version.</li>
 * </ul>
 * Kept in {@code data/policy-cases-passed} of the home, one key a line, the newest {@value #KEPT}; without
 * a home (tests in a bare framework) nothing is remembered and every version runs its cases.
 */
final class PassedCases {

    static final String FILE = "policy-cases-passed";
    static final int KEPT = 256;

    private static final Logger LOG = LoggerFactory.getLogger(PassedCases.class);

    private final Path file;
    private final Deque<String> keys = new ArrayDeque<>();

    private PassedCases(Path file) {
        this.file = file;
    }

    /** Remembered in {@code data/} of the home, or nowhere when there is none. */
    static PassedCases in(Path data) {
        PassedCases passed = new PassedCases(data == null ? null : data.resolve(FILE));
        passed.read();
        return passed;
    }

    synchronized boolean contains(String key) {
        return keys.contains(key);
    }

    /** Remembers a key whose cases all passed; a failure to write only costs the next start a run. */
    synchronized void add(String key) {
        if (keys.contains(key)) {
            return;
        }
        keys.addLast(key);
        while (keys.size() > KEPT) {
            keys.removeFirst();
        }
        if (file == null) {
            return;
        }
        try {
            Files.createDirectories(file.getParent());
            Path part = Files.createTempFile(file.getParent(), FILE, ".part");
            Files.write(part, keys, StandardCharsets.US_ASCII);
            Files.move(part, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            LOG.warn("Passed cases not remembered (the next start runs them again): {}", e.toString());
        }
    }

    private void read() {
        if (file == null || !Files.isRegularFile(file)) {
            return;
        }
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.US_ASCII)) {
                if (line.matches("[0-9a-f]{64}")) {
                    keys.addLast(line);
                }
            }
        } catch (IOException e) {
            LOG.warn("Passed cases not read (every version runs its cases): {}", e.toString());
        }
    }

    /**
     * @param contentHash the version's bundle content hash
     * @param code one entry per bundle of the code it runs on ({@link #code})
     * @param java the Java runtime's version
     */
    static String key(String contentHash, Collection<String> code, String java) {
        // the same hash as a bundle's content [K5], over the key's named parts
        SortedMap<String, byte[]> parts = new TreeMap<>();
        parts.put("content", contentHash.getBytes(StandardCharsets.UTF_8));
        parts.put("code", String.join("\n", new TreeSet<>(code)).getBytes(StandardCharsets.UTF_8));
        parts.put("java", java.getBytes(StandardCharsets.UTF_8));
        return ContentHash.of(parts);
    }

    /**
     * The code a version runs on: the bundles its wiring reaches, transitively, and the kernel's given
     * ones (their own wiring not followed), each as {@code symbolic-name;version;last-modified}.
     */
    static Set<String> code(Bundle version, Bundle... kernel) {
        Set<Bundle> seen = new LinkedHashSet<>(List.of(kernel));
        // the kernel's own wiring is not followed: what its optional imports resolve to varies from start
        // to start, and its libraries come from system/ like the kernel itself
        Deque<Bundle> next = new ArrayDeque<>(List.of(version));
        while (!next.isEmpty()) {
            BundleWiring wiring = next.removeFirst().adapt(BundleWiring.class);
            for (BundleWire wire : wiring == null ? List.<BundleWire>of() : wiring.getRequiredWires(null)) {
                Bundle provider = wire.getProvider().getBundle();
                if (provider.getBundleId() != 0 && !provider.equals(version) && seen.add(provider)) {
                    next.addLast(provider);
                }
            }
        }
        Set<String> code = new TreeSet<>();
        for (Bundle bundle : seen) {
            code.add(bundle.getSymbolicName() + ";" + bundle.getVersion() + ";" + bundle.getLastModified());
        }
        return code;
    }
}
