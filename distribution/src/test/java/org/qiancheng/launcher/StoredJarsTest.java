package org.qiancheng.launcher;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** The build's rewrite of system/: every entry stored, nothing else of the jar changed. */
public class StoredJarsTest {

    private static final byte[] CLASS = "class bytes ".repeat(500).getBytes(StandardCharsets.UTF_8);
    private static final byte[] MANIFEST = "Manifest-Version: 1.0\r\nBundle-SymbolicName: x\r\n\r\n"
            .getBytes(StandardCharsets.UTF_8);

    @Rule
    public TemporaryFolder temporary = new TemporaryFolder();

    @Test
    public void everyEntryIsStoredWithItsNameOrderBytesAndTime() throws IOException {
        Path folder = temporary.getRoot().toPath();
        Path jar = folder.resolve("x-1.0.jar");
        long time = 1_767_225_600_000L;
        try (OutputStream file = Files.newOutputStream(jar); ZipOutputStream zip = new ZipOutputStream(file)) {
            for (String name : List.of("META-INF/", JarFile.MANIFEST_NAME, "org/x/A.class", "org/x/B.class")) {
                ZipEntry entry = new ZipEntry(name);
                entry.setTime(time);
                zip.putNextEntry(entry);
                zip.write(name.endsWith("/") ? new byte[0] : name.endsWith(".MF") ? MANIFEST : CLASS);
                zip.closeEntry();
            }
        }
        FileTime modified = FileTime.fromMillis(1_767_225_600_000L);
        Files.setLastModifiedTime(jar, modified);
        Files.writeString(folder.resolve("notes.txt"), "not a jar");

        StoredJars.main(new String[] {folder.toString()});

        try (ZipFile stored = new ZipFile(jar.toFile())) {
            List<String> names = new ArrayList<>();
            for (ZipEntry entry : Collections.list(stored.entries())) {
                names.add(entry.getName());
                assertEquals(entry.getName(), ZipEntry.STORED, entry.getMethod());
                assertEquals(entry.getName(), time, entry.getTime());
            }
            assertEquals(List.of("META-INF/", JarFile.MANIFEST_NAME, "org/x/A.class", "org/x/B.class"), names);
            assertArrayEquals(CLASS, stored.getInputStream(stored.getEntry("org/x/B.class")).readAllBytes());
            assertArrayEquals(MANIFEST, stored.getInputStream(stored.getEntry(JarFile.MANIFEST_NAME)).readAllBytes());
        }
        assertEquals("the framework cache compares jars by size and time", modified, Files.getLastModifiedTime(jar));
        assertEquals("not a jar", Files.readString(folder.resolve("notes.txt")));
        long once = Files.size(jar);
        StoredJars.main(new String[] {folder.toString()});
        assertEquals("storing a stored jar again changes nothing", once, Files.size(jar));
    }
}
