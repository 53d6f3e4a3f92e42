package org.qiancheng.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import org.qiancheng.api.spi.RegionPolicy;
import org.qiancheng.engine.cityfixture.CityPolicy;

/**
 * Stands in for the city plugin's bundle: defines {@link CityPolicy} in a class loader of its own
 * whose {@code parameters/…} resources come from {@code src/test/resources/testkit_city/<folder>/}.
 * A policy's files are found by its class's loader, so without this the city's override would be
 * the very file the province reads ({@code parameters/testkit_city/province/standard.json}).
 * Everything else (the API, the JDK) is delegated to the test's class loader.
 */
final class CityBundle extends ClassLoader {

    private static final String ROOT = "testkit_city/";
    private static final String PARAMETERS = "parameters/";

    private final String folder;

    private CityBundle(String folder) {
        super("city-bundle-" + folder, CityBundle.class.getClassLoader());
        this.folder = ROOT + folder + "/";
    }

    /** @return a new city policy whose parameter files are those of {@code testkit_city/<folder>/} */
    static RegionPolicy city(String folder) {
        try {
            Class<?> type = new CityBundle(folder).loadClass(CityPolicy.class.getName());
            return (RegionPolicy) type.getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (!name.equals(CityPolicy.class.getName()) && !name.startsWith(CityPolicy.class.getName() + "$")) {
            return super.loadClass(name, resolve);
        }
        synchronized (getClassLoadingLock(name)) {
            Class<?> loaded = findLoadedClass(name);
            if (loaded == null) {
                loaded = define(name);
            }
            if (resolve) {
                resolveClass(loaded);
            }
            return loaded;
        }
    }

    private Class<?> define(String name) throws ClassNotFoundException {
        try (InputStream in = getParent().getResourceAsStream(name.replace('.', '/') + ".class")) {
            if (in == null) {
                throw new ClassNotFoundException(name);
            }
            byte[] bytes = in.readAllBytes();
            return defineClass(name, bytes, 0, bytes.length);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parameter files only from the bundle's own folder, like a bundle that sees only its content. */
    @Override
    public URL getResource(String name) {
        if (name.startsWith(PARAMETERS)) {
            return getParent().getResource(folder + name);
        }
        return super.getResource(name);
    }
}
