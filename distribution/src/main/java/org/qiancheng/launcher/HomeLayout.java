package org.qiancheng.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Prepares {@code QC_HOME}. The first start seeds {@code etc/} (with {@code etc/trust/}, the
 * certificates uploads may be signed by) and {@code deploy/} from the distribution's
 * {@code defaults/}; later starts leave them as the operator left them, so a removed region
 * bundle, an edited configuration or a removed certificate stays that way.
 */
public final class HomeLayout {

    private HomeLayout() {
    }

    /** @return whether this was the first start on this home */
    public static boolean prepare(LaunchSettings settings) throws IOException {
        boolean first = !Files.isDirectory(settings.etc());
        for (Path dir : new Path[] {settings.deploy(), settings.etc(), settings.data(), settings.log()}) {
            Files.createDirectories(dir);
        }
        if (first) {
            Path defaults = settings.distribution().resolve("defaults");
            copyFiles(defaults.resolve("etc"), settings.etc());
            copyFiles(defaults.resolve("deploy"), settings.deploy());
        }
        return first;
    }

    /** Copies the files of {@code from} and of its folders ({@code etc/trust/}), skipping hidden ones. */
    private static void copyFiles(Path from, Path to) throws IOException {
        if (!Files.isDirectory(from)) {
            return;
        }
        try (Stream<Path> files = Files.list(from)) {
            for (Path file : files.filter(f -> !f.getFileName().toString().startsWith(".")).toList()) {
                if (Files.isDirectory(file)) {
                    Path folder = Files.createDirectories(to.resolve(file.getFileName().toString()));
                    copyFiles(file, folder);
                } else if (Files.isRegularFile(file)) {
                    Files.copy(file, to.resolve(file.getFileName().toString()));
                }
            }
        }
    }
}
