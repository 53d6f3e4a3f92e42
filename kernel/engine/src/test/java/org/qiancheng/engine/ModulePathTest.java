package org.qiancheng.engine;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.module.Configuration;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qiancheng.api.spi.RegionPolicy;
import org.qiancheng.engine.modulefixture.TinyPolicy;

/**
 * The API jar is a named JPMS module: on a plain module path, with no OSGi framework, a region
 * policy packed as an automatic module is found through {@link ServiceLoader}.
 */
class ModulePathTest {

    private static final String API = "org.qiancheng.api";
    private static final String PROVIDER = "org.qiancheng.engine.modulefixture";
    private static final String SERVICE = "org.qiancheng.api.spi.RegionPolicy";

    @TempDir
    Path temp;

    private static Path apiJar() {
        String property = System.getProperty("qc.api.jar");
        assertNotNull(property, "the surefire configuration sets qc.api.jar to the API jar");
        Path jar = Path.of(property);
        assertTrue(Files.isRegularFile(jar), jar + " must exist: kernel/api is packaged before the test kit");
        return jar;
    }

    /** The tiny policy's package from the test classes, with a service file: an automatic module. */
    private Path providerJar() throws Exception {
        Path classes = Path.of(TinyPolicy.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path folder = classes.resolve(PROVIDER.replace('.', '/'));
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(new Attributes.Name("Automatic-Module-Name"), PROVIDER);
        Path jar = temp.resolve("tiny-policy.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest);
                Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).sorted().toList()) {
                out.putNextEntry(new JarEntry(classes.relativize(file).toString().replace('\\', '/')));
                out.write(Files.readAllBytes(file));
                out.closeEntry();
            }
            out.putNextEntry(new JarEntry("META-INF/services/" + SERVICE));
            out.write((TinyPolicy.class.getName() + "\n").getBytes(UTF_8));
            out.closeEntry();
        }
        return jar;
    }

    /** A layer over the boot layer whose loader sees neither the class path nor the test's classes. */
    private static ModuleLayer layer(ModuleFinder finder, Set<String> roots) {
        Configuration configuration = ModuleLayer.boot().configuration().resolveAndBind(finder, ModuleFinder.of(),
                roots);
        return ModuleLayer.boot().defineModulesWithOneLoader(configuration, ClassLoader.getPlatformClassLoader());
    }

    private ModuleLayer layerWithProvider() throws Exception {
        return layer(ModuleFinder.of(apiJar(), providerJar()), Set.of(API, PROVIDER));
    }

    private static <S> List<ServiceLoader.Provider<S>> providers(ModuleLayer layer, Class<S> service) {
        return ServiceLoader.load(layer, service).stream().toList();
    }

    private static Class<?> serviceIn(ModuleLayer layer) throws ClassNotFoundException {
        return layer.findLoader(API).loadClass(SERVICE);
    }

    @Test
    void theApiJarIsANamedModuleThatExportsTheSpi() throws Exception {
        ModuleLayer layer = layerWithProvider();
        Module api = layer.findModule(API).orElseThrow();
        ModuleDescriptor descriptor = api.getDescriptor();
        assertFalse(descriptor.isAutomatic(), "the API jar carries its own module-info");
        assertTrue(descriptor.exports().stream()
                .anyMatch(e -> e.source().equals("org.qiancheng.api.spi") && !e.isQualified()), descriptor.toString());
        assertTrue(descriptor.exports().stream().anyMatch(e -> e.source().equals("org.qiancheng.api.claim")));
    }

    @Test
    void theServiceTypeComesFromTheModuleInTheLayer() throws Exception {
        ModuleLayer layer = layerWithProvider();
        Class<?> service = serviceIn(layer);
        assertNotSame(RegionPolicy.class, service, "the layer has its own copy of the API, not the class path's");
        assertEquals(API, service.getModule().getName());
        assertSame(layer, service.getModule().getLayer());
    }

    @Test
    void serviceLoaderFindsExactlyThePolicyOfTheProviderModule() throws Exception {
        ModuleLayer layer = layerWithProvider();
        Class<?> service = serviceIn(layer);
        List<? extends ServiceLoader.Provider<?>> found = providers(layer, service);
        assertEquals(1, found.size(), found.toString());
        Class<?> type = found.get(0).type();
        assertEquals(TinyPolicy.class.getName(), type.getName());
        assertNotSame(TinyPolicy.class, type);
        assertEquals(PROVIDER, type.getModule().getName());
        assertTrue(type.getModule().getDescriptor().isAutomatic());
    }

    @Test
    void theProviderFoundIsAWorkingPolicy() throws Exception {
        ModuleLayer layer = layerWithProvider();
        Class<?> service = serviceIn(layer);
        Object policy = providers(layer, service).get(0).get();
        assertTrue(service.isInstance(policy));
        Object descriptor = service.getMethod("descriptor").invoke(policy);
        assertEquals(TinyPolicy.REGION, descriptor.getClass().getMethod("regionCode").invoke(descriptor));
        assertEquals(TinyPolicy.VERSION, descriptor.getClass().getMethod("version").invoke(descriptor));
    }

    @Test
    void theProviderModuleDeclaresTheServiceFromItsServiceFile() throws Exception {
        ModuleLayer layer = layerWithProvider();
        ModuleDescriptor provider = layer.findModule(PROVIDER).orElseThrow().getDescriptor();
        assertEquals(1, provider.provides().size());
        ModuleDescriptor.Provides provides = provider.provides().iterator().next();
        assertEquals(SERVICE, provides.service());
        assertEquals(List.of(TinyPolicy.class.getName()), provides.providers());
        assertTrue(layer.findModule(PROVIDER).orElseThrow().canRead(layer.findModule(API).orElseThrow()));
    }

    @Test
    void withoutTheProviderModuleNoPolicyIsFound() throws Exception {
        ModuleLayer layer = layer(ModuleFinder.of(apiJar()), Set.of(API));
        assertTrue(providers(layer, serviceIn(layer)).isEmpty());
    }
}
