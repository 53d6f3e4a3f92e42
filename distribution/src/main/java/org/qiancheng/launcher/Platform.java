package org.qiancheng.launcher;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;
import org.osgi.framework.startlevel.BundleStartLevel;

/**
 * The OSGi framework with the platform's system bundles. The framework cache is cleaned at every
 * start: the system set comes from {@code system/}, region bundles from {@code deploy/} via
 * FileInstall, configuration from {@code etc/}, and durable state from the database, so nothing
 * of value lives in the cache and a stale one can never shadow a newer distribution.
 */
final class Platform {

    private final Framework framework;

    private Platform(Framework framework) {
        this.framework = framework;
    }

    static Platform start(Map<String, String> properties, List<SystemBundle> bundles)
            throws BundleException, IOException {
        FrameworkFactory factory = ServiceLoader.load(FrameworkFactory.class).findFirst()
                .orElseThrow(() -> new IllegalStateException("no OSGi framework on the class path"));
        Framework framework = factory.newFramework(properties);
        framework.init();
        BundleContext context = framework.getBundleContext();
        for (SystemBundle system : bundles) {
            Bundle bundle = context.installBundle(system.jar().toUri().toString());
            if (!system.fragment()) {
                bundle.adapt(BundleStartLevel.class).setStartLevel(system.startLevel());
                bundle.start();
            }
        }
        framework.start();
        return new Platform(framework);
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
