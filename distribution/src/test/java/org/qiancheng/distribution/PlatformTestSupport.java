package org.qiancheng.distribution;

import static org.ops4j.pax.exam.CoreOptions.bundle;
import static org.ops4j.pax.exam.CoreOptions.cleanCaches;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;
import static org.ops4j.pax.exam.CoreOptions.junitBundles;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.options.UrlProvisionOption;
import org.qiancheng.launcher.FrameworkConfig;
import org.qiancheng.launcher.HomeLayout;
import org.qiancheng.launcher.LaunchSettings;
import org.qiancheng.launcher.SystemBundle;

/**
 * The one base configuration of every in-framework test: the assembled distribution's own
 * {@code system/} bundles, start levels and framework properties, read by the launcher's own
 * code, on a fresh home and a free port. A test adds only what it needs on top.
 */
public abstract class PlatformTestSupport {

    static final Path DIST = Path.of(System.getProperty("qc.dist", "target/qiancheng"));

    /** "Today" for every test, so that no test depends on the day it runs. */
    static final String TODAY = "2026-11-25T00:00:00Z";

    protected static Option[] baseConfiguration(Option... extra) throws IOException {
        Path home = Files.createTempDirectory(Path.of("target"), "it-home-");
        LaunchSettings settings = new LaunchSettings(DIST.toAbsolutePath(), home.toAbsolutePath(), freePort(), false);
        HomeLayout.prepare(settings);
        // in-framework tests provision what they test themselves; the shipped regions are
        // exercised end to end by DistributionE2EIT
        try (var shipped = Files.list(settings.deploy())) {
            for (Path region : shipped.toList()) {
                Files.delete(region);
            }
        }
        FrameworkConfig.applySystemDefaults(settings);

        List<Option> options = new ArrayList<>();
        for (Map.Entry<String, String> property : FrameworkConfig.load(settings).entrySet()) {
            // Pax Exam owns the framework cache
            if (!property.getKey().startsWith("org.osgi.framework.storage")) {
                options.add(frameworkProperty(property.getKey()).value(property.getValue()));
            }
        }
        for (SystemBundle system : SystemBundle.list(settings.distribution())) {
            UrlProvisionOption option = bundle(system.jar().toUri().toString());
            options.add(system.fragment() ? option.noStart() : option.startLevel(system.startLevel()));
        }
        options.add(frameworkProperty("qc.clock.fixed").value(TODAY));
        options.add(frameworkProperty("qc.admin.password").value(Staff.ADMIN_INITIAL));
        options.addAll(TestDatabase.frameworkProperties());
        options.add(junitBundles());
        // Pax Exam brings pax-logging, which otherwise logs every bundle event at DEBUG
        options.add(systemProperty("org.ops4j.pax.logging.DefaultServiceLog.level").value("WARN"));
        options.add(cleanCaches(true));
        options.addAll(List.of(extra));
        return options.toArray(Option[]::new);
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
