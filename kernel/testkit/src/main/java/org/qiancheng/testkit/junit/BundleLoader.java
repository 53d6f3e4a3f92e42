package org.qiancheng.testkit.junit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.List;
import java.util.ServiceLoader;
import org.qiancheng.api.spi.RegionPolicy;

/**
 * A region bundle's jar as the platform sees it, without a framework: its own classes and only its
 * own resources, the API and the JDK from the test's class loader.
 *
 * <p>A policy finds its parameter files, rules and cases through its class's loader. On the test's
 * flat class path a parent's {@code parameters/subsidy/standard.json} would be shadowed by the
 * city's override of the same name (and the parent's {@code cases/} mixed into the city's), so the
 * parent is never put on that class path: it is read from its jar here, classes child-first and
 * resources from the jar alone.
 */
final class BundleLoader extends URLClassLoader {

    private BundleLoader(Path jar, ClassLoader parent) throws IOException {
        super("bundle:" + jar.getFileName(), new URL[] {jar.toUri().toURL()}, parent);
    }

    /**
     * @param jar a region bundle
     * @return the loader of that bundle; close it when its policies are no longer used
     */
    static BundleLoader of(Path jar) {
        try {
            return new BundleLoader(jar, PolicyTestKit.class.getClassLoader());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return the policies the bundle lists in {@code META-INF/services} */
    List<RegionPolicy> policies() {
        PolicyTestKit.class.getModule().addUses(RegionPolicy.class);
        return ServiceLoader.load(RegionPolicy.class, this).stream().map(ServiceLoader.Provider::get).toList();
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        synchronized (getClassLoadingLock(name)) {
            Class<?> loaded = findLoadedClass(name);
            if (loaded == null) {
                try {
                    loaded = findClass(name);
                } catch (ClassNotFoundException notInTheBundle) {
                    return super.loadClass(name, resolve);
                }
            }
            if (resolve) {
                resolveClass(loaded);
            }
            return loaded;
        }
    }

    @Override
    public URL getResource(String name) {
        return findResource(name);
    }

    @Override
    public Enumeration<URL> getResources(String name) throws IOException {
        return findResources(name);
    }
}
