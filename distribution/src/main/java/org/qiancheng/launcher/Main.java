package org.qiancheng.launcher;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.osgi.framework.FrameworkEvent;
import sun.misc.Signal;

/**
 * {@code qiancheng start}: runs the platform in the foreground until SIGTERM or Ctrl-C, then stops
 * every bundle (closing the database cleanly) and exits 0.
 */
public final class Main {

    private static final long STOP_TIMEOUT_MILLIS = 60_000;

    private Main() {
    }

    public static void main(String[] args) throws Exception {
        long launched = System.nanoTime();
        if (args.length > 1 || (args.length == 1 && !"start".equals(args[0]))) {
            System.err.println("usage: qiancheng start");
            System.exit(2);
        }
        LaunchSettings settings;
        try {
            settings = LaunchSettings.from(System.getenv(), distribution(), System.console() != null);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        boolean first = HomeLayout.prepare(settings);
        ConsoleLog.teeTo(settings.log().resolve("qiancheng.log"));
        FrameworkConfig.applySystemDefaults(settings);

        Map<String, String> properties = new HashMap<>(FrameworkConfig.load(settings));
        // QC_CLOCK_FIXED freezes "today" (demonstrations, tests); QC_DB_URL, QC_DB_USER and
        // QC_DB_PASSWORD choose the database unless etc/ configures one, which wins
        properties.putAll(FrameworkConfig.fromEnvironment(System.getenv()));
        properties.putAll(FrameworkConfig.databaseFromEtc(settings.etc()));
        FrameworkCache cache = FrameworkCache.of(Path.of(properties.get(FrameworkCache.STORAGE)),
                settings.distribution());
        String rebuild = cache.reasonToRebuild();
        cache.forget();
        if (rebuild == null) {
            properties.put(FrameworkCache.CLEAN, "none");
        } else {
            properties.put(FrameworkCache.CLEAN, "onFirstInit");
            if (!first) {
                System.out.println("Framework cache rebuilt 重建框架缓存: " + rebuild);
            }
        }
        Platform platform = Platform.start(properties, SystemBundle.list(settings.distribution()));
        AtomicBoolean stopping = new AtomicBoolean();
        Runnable stop = () -> {
            if (!stopping.compareAndSet(false, true)) {
                return;
            }
            System.out.println("Qiancheng stopping 正在停止 …");
            try {
                platform.stop(STOP_TIMEOUT_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
        Signal.handle(new Signal("TERM"), signal -> new Thread(stop, "qiancheng-stop").start());
        Signal.handle(new Signal("INT"), signal -> new Thread(stop, "qiancheng-stop").start());
        Runtime.getRuntime().addShutdownHook(new Thread(stop, "qiancheng-shutdown-hook"));

        System.out.printf("Qiancheng 前程 starting 正在启动: %s/api/v1/health%n"
                + "  home %s%s%n", settings.localUrl(), settings.home(), first ? " (first start: defaults copied)" : "");
        Readiness.announceWhenReady(settings.localUrl(), launched);

        FrameworkEvent end = platform.awaitStop();
        boolean clean = end.getType() == FrameworkEvent.STOPPED;
        if (clean && platform.systemBundlesUnchanged()) {
            try {
                cache.remember();
            } catch (java.io.IOException e) {
                System.out.println("Framework cache not kept for the next start: " + e);
            }
        }
        System.out.println(clean ? "Qiancheng stopped cleanly 已正常停止" : "Qiancheng stopped with " + end);
        System.exit(clean ? 0 : 1);
    }

    /** The assembled distribution: the folder above {@code lib/}, or {@code -Dqc.dist}. */
    private static Path distribution() throws URISyntaxException {
        String explicit = System.getProperty("qc.dist");
        if (explicit != null) {
            return Path.of(explicit);
        }
        Path jar = Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        return jar.getParent().getParent();
    }
}
