package org.qiancheng.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Build step of the distribution: rewrites every jar of {@code system/} with its entries stored, not
 * deflated. The framework reads a bundle's classes from its jar entry by entry, and inflating them was
 * ≈ 0.3 s of CPU in a start on two cores (docs/benchmarks.md); the bundles are read in place
 * ({@link Platform}), so the larger files are never copied. Entries keep their order, names, bytes and
 * times: a signed jar's signature still holds, and the same inputs give the same file.
 *
 * <p>{@code java org.qiancheng.launcher.StoredJars FOLDER}
 */
public final class StoredJars {

    private StoredJars() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: StoredJars FOLDER");
        }
        List<Path> jars;
        try (Stream<Path> files = Files.list(Path.of(args[0]))) {
            jars = files.filter(p -> p.toString().endsWith(".jar")).sorted().toList();
        }
        for (Path jar : jars) {
            store(jar);
        }
        System.out.printf("%d jars of %s stored uncompressed%n", jars.size(), args[0]);
    }

    /** Rewrites one jar with every entry stored; its modification time is kept. */
    static void store(Path jar) throws IOException {
        FileTime modified = Files.getLastModifiedTime(jar);
        Path stored = jar.resolveSibling(jar.getFileName() + ".stored");
        try (ZipFile in = new ZipFile(jar.toFile()); OutputStream file = Files.newOutputStream(stored);
                ZipOutputStream out = new ZipOutputStream(file)) {
            out.setMethod(ZipOutputStream.STORED);
            for (ZipEntry entry : Collections.list(in.entries())) {
                byte[] bytes;
                try (InputStream content = in.getInputStream(entry)) {
                    bytes = content.readAllBytes();
                }
                CRC32 crc = new CRC32();
                crc.update(bytes);
                ZipEntry copy = new ZipEntry(entry.getName());
                copy.setMethod(ZipEntry.STORED);
                copy.setSize(bytes.length);
                copy.setCompressedSize(bytes.length);
                copy.setCrc(crc.getValue());
                copy.setTime(entry.getTime());
                out.putNextEntry(copy);
                out.write(bytes);
                out.closeEntry();
            }
        }
        Files.move(stored, jar, StandardCopyOption.REPLACE_EXISTING);
        Files.setLastModifiedTime(jar, modified);
    }
}
