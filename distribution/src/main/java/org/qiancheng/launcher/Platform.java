package org.qiancheng.launcher;

import java.io.IOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;
import org.osgi.framework.startlevel.BundleStartLevel;

/**
 * The OSGi framework with the platform's system bundles. The system set comes from
 * {@code system/}, region bundles from {@code deploy/} via FileInstall and the kernel's installer,
 * configuration from {@code etc/}, and durable state from the database, so nothing of value lives
 * in the framework cache. It is kept from the last run only when {@link FrameworkCache} vouches that
 * it was built from the same system bundles; even then every other bundle is uninstalled before the
 * framework starts, so {@code deploy/} is read as on a first start.
 */
final class Platform {

    private final Framework framework;
    /** Each system bundle's last modification when the platform started: an update during the run shows. */
    private final Map<Bundle, Long> systemBundles;

    private Platform(Framework framework, Map<Bundle, Long> systemBundles) {
        this.framework = framework;
        this.systemBundles = systemBundles;
    }

    /**
     * @param properties the framework properties, {@value FrameworkCache#CLEAN} included: when it is
     *        not {@code onFirstInit} the cache of the last run is reused
     */
    static Platform start(Map<String, String> properties, List<SystemBundle> bundles)
            throws BundleException, IOException {
        FrameworkFactory factory = ServiceLoader.load(FrameworkFactory.class).findFirst()
                .orElseThrow(() -> new IllegalStateException("no OSGi framework on the class path"));
        long begin = System.nanoTime();
        Framework framework = factory.newFramework(properties);
        framework.init();
        BundleContext context = framework.getBundleContext();
        Set<String> locations = new HashSet<>();
        for (SystemBundle system : bundles) {
            locations.add(location(system));
        }
        int uninstalled = 0;
        for (Bundle kept : context.getBundles()) {
            // a kept cache: what deploy/ or the shell installed last time is installed afresh, or not at all
            if (kept.getBundleId() != 0 && !locations.contains(kept.getLocation())) {
                kept.uninstall();
                uninstalled++;
            }
        }
        if (uninstalled > 0) {
            System.out.printf("Framework cache kept; %d bundles of deploy/ uninstalled, to be read from deploy/ again%n",
                    uninstalled);
        }
        Map<Bundle, Long> installed = new HashMap<>();
        for (SystemBundle system : bundles) {
            // in a kept cache the bundle of this location is there already, and installBundle returns it
            Bundle bundle = context.installBundle(location(system));
            if (!system.fragment()) {
                bundle.adapt(BundleStartLevel.class).setStartLevel(system.startLevel());
                bundle.start();
            }
            installed.put(bundle, bundle.getLastModified());
        }
        long installedAt = System.nanoTime();
        framework.start();
        System.out.printf("Framework 框架: %d bundles installed in %d ms (cache %s), started in %d ms%n", installed.size(),
                (installedAt - begin) / 1_000_000, "none".equals(properties.get(FrameworkCache.CLEAN)) ? "kept" : "rebuilt",
                (System.nanoTime() - installedAt) / 1_000_000);
        return new Platform(framework, installed);
    }

    /**
     * A system bundle is read where it lies, in {@code system/}, not copied into the framework cache: its
     * jar is stored uncompressed ({@link StoredJars}), 2.5 times the size, and a fresh home copied it at
     * every first start. The distribution's folder is replaced only while the platform is stopped, and a
     * start after that rebuilds the cache ({@link FrameworkCache}).
     */
    private static String location(SystemBundle system) {
        return "reference:" + system.jar().toUri();
    }

    /**
     * @return whether the framework holds the system bundles exactly as they were installed at start
     *         (none updated or uninstalled, from the shell say), so its cache may be kept
     */
    boolean systemBundlesUnchanged() {
        return systemBundles.entrySet().stream().allMatch(e -> e.getKey().getState() != Bundle.UNINSTALLED
                && e.getKey().getLastModified() == e.getValue());
    }

    /** Stops the framework and waits for every bundle to stop; true when it stopped in time. */
    boolean stop(long timeoutMillis) throws InterruptedException {
        if ((framework.getState() & (Bundle.STARTING | Bundle.ACTIVE)) != 0) {
            try {
                framework.stop();
            } catch (BundleException e) {
                return false;
            }
        }
        return framework.waitForStop(timeoutMillis).getType() == FrameworkEvent.STOPPED;
    }

    /** Blocks until the framework stops for any reason (signal, shell, failure). */
    FrameworkEvent awaitStop() throws InterruptedException {
        return framework.waitForStop(0);
    }
}
