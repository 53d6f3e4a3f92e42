package org.qiancheng.launcher;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class SystemBundleTest {

    @Rule
    public TemporaryFolder temp = new TemporaryFolder();

    @Test
    public void readsNamesFragmentsAndStartLevels() throws Exception {
        Path dist = distribution();
        jar(dist.resolve("system/b-scr.jar"), "org.apache.felix.scr;singleton:=true", null);
        jar(dist.resolve("system/a-spifly.jar"), "org.apache.aries.spifly.dynamic.framework.extension", "system.bundle");
        jar(dist.resolve("system/c-core.jar"), "org.qiancheng.core", null);

        List<SystemBundle> bundles = SystemBundle.list(dist);

        assertEquals(List.of("org.apache.aries.spifly.dynamic.framework.extension", "org.apache.felix.scr",
                "org.qiancheng.core"), bundles.stream().map(SystemBundle::symbolicName).toList());
        assertEquals(List.of(true, false, false), bundles.stream().map(SystemBundle::fragment).toList());
        assertEquals(List.of(2, 1, 2), bundles.stream().map(SystemBundle::startLevel).toList());
    }

    @Test
    public void aJarThatIsNotABundleIsRefused() throws Exception {
        Path dist = distribution();
        jar(dist.resolve("system/plain.jar"), null, null);
        assertThrows(IOException.class, () -> SystemBundle.list(dist));
    }

    private Path distribution() throws IOException {
        Path dist = temp.newFolder("dist").toPath();
        Files.createDirectories(dist.resolve("system"));
        Files.createDirectories(dist.resolve("conf"));
        Files.write(dist.resolve(SystemBundle.START_LEVELS), List.of("org.apache.felix.scr=1"), StandardCharsets.UTF_8);
        return dist;
    }

    private static void jar(Path file, String symbolicName, String host) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        if (symbolicName != null) {
            manifest.getMainAttributes().putValue("Bundle-SymbolicName", symbolicName);
        }
        if (host != null) {
            manifest.getMainAttributes().putValue("Fragment-Host", host);
        }
        try (OutputStream out = Files.newOutputStream(file); JarOutputStream jar = new JarOutputStream(out, manifest)) {
            jar.flush();
        }
    }
}
