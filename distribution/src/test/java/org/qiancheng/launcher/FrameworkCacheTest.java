package org.qiancheng.launcher;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Collectors;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

public class FrameworkCacheTest {

    @Rule
    public TemporaryFolder temp = new TemporaryFolder();

    @Test
    public void keptOnlyAfterACleanStopWithTheSameDistribution() throws Exception {
        Path dist = distribution();
        Path storage = temp.getRoot().toPath().resolve("home/cache");
        Files.createDirectories(storage.getParent());

        FrameworkCache first = FrameworkCache.of(storage, dist);
        assertTrue(first.reasonToRebuild().startsWith("no fingerprint"));
        first.remember();
        assertEquals(storage.resolveSibling("cache.fingerprint"), first.file());

        assertNull("same jars, same conf/, same Java: kept", FrameworkCache.of(storage, dist).reasonToRebuild());

        FrameworkCache second = FrameworkCache.of(storage, dist);
        second.forget(); // what every start does before the framework touches the cache
        assertFalse(Files.exists(second.file()));
        assertNotNull("a run that did not stop cleanly leaves nothing to trust",
                FrameworkCache.of(storage, dist).reasonToRebuild());
    }

    @Test
    public void aRebuiltSystemBundleOrAChangedConfRebuildsTheCache() throws Exception {
        Path dist = distribution();
        Path storage = temp.getRoot().toPath().resolve("cache");
        FrameworkCache.of(storage, dist).remember();

        Path core = dist.resolve("system/core.jar");
        Files.setLastModifiedTime(core, FileTime.fromMillis(Files.getLastModifiedTime(core).toMillis() + 2000));
        assertEquals("changed since the last stop: system/core.jar", FrameworkCache.of(storage, dist).reasonToRebuild());

        FrameworkCache.of(storage, dist).remember();
        Files.writeString(dist.resolve("conf/startlevels.properties"), "org.qiancheng.core=3\n");
        assertEquals("changed since the last stop: conf/startlevels.properties",
                FrameworkCache.of(storage, dist).reasonToRebuild());

        FrameworkCache.of(storage, dist).remember();
        Files.delete(dist.resolve("system/core.jar"));
        assertNotNull("a removed bundle", FrameworkCache.of(storage, dist).reasonToRebuild());
    }

    /**
     * The real framework: a kept cache still holds the system bundles, but a bundle installed from
     * elsewhere (deploy/, the shell) in the last run is gone before the framework starts, so deploy/
     * is read afresh; a rebuilt cache starts empty.
     */
    @Test
    public void aKeptCacheHoldsTheSystemBundlesAndNothingElse() throws Exception {
        Path dist = distribution();
        Path storage = temp.getRoot().toPath().resolve("home/cache");
        List<SystemBundle> system = SystemBundle.list(dist);

        Platform platform = Platform.start(properties(storage, "onFirstInit"), system);
        BundleContext context = context(platform);
        Path deployed = temp.getRoot().toPath().resolve("home/deploy/region.jar");
        Files.createDirectories(deployed.getParent());
        jar(deployed, "org.qiancheng.region-test");
        context.installBundle("qiancheng:deploy/region.jar#sha#1", Files.newInputStream(deployed));
        long coreId = bundle(context, "org.qiancheng.core").getBundleId();
        assertTrue(platform.stop(30_000));
        assertTrue(platform.systemBundlesUnchanged());

        Platform kept = Platform.start(properties(storage, "none"), system);
        BundleContext keptContext = context(kept);
        assertEquals("the same bundle, from the cache", coreId, bundle(keptContext, "org.qiancheng.core").getBundleId());
        assertEquals(List.of("org.apache.felix.framework", "org.qiancheng.api", "org.qiancheng.core"), names(keptContext));
        assertTrue(kept.stop(30_000));

        Platform rebuilt = Platform.start(properties(storage, "onFirstInit"), system);
        assertEquals(List.of("org.apache.felix.framework", "org.qiancheng.api", "org.qiancheng.core"),
                names(context(rebuilt)));
        assertTrue(rebuilt.stop(30_000));
    }

    private static BundleContext context(Platform platform) throws Exception {
        java.lang.reflect.Field field = Platform.class.getDeclaredField("framework");
        field.setAccessible(true);
        return ((Bundle) field.get(platform)).getBundleContext();
    }

    private static Bundle bundle(BundleContext context, String name) {
        for (Bundle bundle : context.getBundles()) {
            if (name.equals(bundle.getSymbolicName())) {
                return bundle;
            }
        }
        throw new AssertionError(name + " not installed");
    }

    private static List<String> names(BundleContext context) {
        return java.util.Arrays.stream(context.getBundles()).map(Bundle::getSymbolicName).sorted()
                .collect(Collectors.toList());
    }

    private static Map<String, String> properties(Path storage, String clean) {
        Map<String, String> properties = new HashMap<>();
        properties.put(FrameworkCache.STORAGE, storage.toString());
        properties.put(FrameworkCache.CLEAN, clean);
        properties.put("org.osgi.framework.startlevel.beginning", "3");
        return properties;
    }

    private Path distribution() throws IOException {
        Path dist = temp.newFolder("dist").toPath();
        Files.createDirectories(dist.resolve("system"));
        Files.createDirectories(dist.resolve("lib"));
        Files.createDirectories(dist.resolve("conf"));
        Files.write(dist.resolve(SystemBundle.START_LEVELS), List.of("org.qiancheng.api=1"), StandardCharsets.UTF_8);
        Files.writeString(dist.resolve("conf/framework.properties"), "felix.cm.pm=memory\n");
        jar(dist.resolve("system/api.jar"), "org.qiancheng.api");
        jar(dist.resolve("system/core.jar"), "org.qiancheng.core");
        jar(dist.resolve("lib/launcher.jar"), null);
        return dist;
    }

    private static void jar(Path file, String symbolicName) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        if (symbolicName != null) {
            manifest.getMainAttributes().putValue("Bundle-ManifestVersion", "2");
            manifest.getMainAttributes().putValue("Bundle-SymbolicName", symbolicName);
            manifest.getMainAttributes().putValue("Bundle-Version", "1.0.0");
        }
        try (OutputStream out = Files.newOutputStream(file); JarOutputStream jar = new JarOutputStream(out, manifest)) {
            jar.flush();
        }
    }
}
