package org.qiancheng.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Prepares {@code QC_HOME}. The first start seeds {@code etc/} and {@code deploy/} from the
 * distribution's {@code defaults/}; later starts leave them as the operator left them, so a
 * removed region bundle or an edited configuration stays that way.
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

    private static void copyFiles(Path from, Path to) throws IOException {
        if (!Files.isDirectory(from)) {
            return;
        }
        try (Stream<Path> files = Files.list(from)) {
            for (Path file : files.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().startsWith("."))
                    .toList()) {
                Files.copy(file, to.resolve(file.getFileName()));
            }
        }
    }
}
