package org.qiancheng.engine;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * SHA-256 over a bundle's content: every entry's name and bytes, in name order, so the hash does
 * not depend on how the archive was packed.
 */
public final class ContentHash {

    private ContentHash() {
    }

    /**
     * @param entries entry name → content
     * @return lower-case hex SHA-256
     */
    public static String of(SortedMap<String, byte[]> entries) {
        MessageDigest digest = sha256();
        for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
            digest.update(entry.getKey().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(entry.getValue());
            digest.update((byte) 0);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /**
     * Hashes the jar or class folder a class was loaded from (outside a framework).
     *
     * @param type a class of the policy
     * @return the hash, or {@code "unknown"} when the code source cannot be read
     */
    public static String ofCodeSource(Class<?> type) {
        try {
            Path source = Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
            SortedMap<String, byte[]> entries = new TreeMap<>();
            if (Files.isDirectory(source)) {
                try (Stream<Path> files = Files.walk(source)) {
                    for (Path file : files.filter(Files::isRegularFile).toList()) {
                        entries.put(source.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
                    }
                }
            } else {
                try (JarFile jar = new JarFile(source.toFile())) {
                    for (var entry : jar.stream().filter(e -> !e.isDirectory()).toList()) {
                        entries.put(entry.getName(), jar.getInputStream(entry).readAllBytes());
                    }
                }
            }
            return of(entries);
        } catch (IOException | URISyntaxException | RuntimeException e) {
            return "unknown";
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK always has SHA-256", e);
        }
    }
}
