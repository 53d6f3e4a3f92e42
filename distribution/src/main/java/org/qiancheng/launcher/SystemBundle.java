package org.qiancheng.launcher;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * One bundle of the platform's fixed set: every jar in the distribution's {@code system/} folder,
 * which the build fills from the distribution POM's dependency list. Start levels come from
 * {@code conf/startlevels.properties} (by symbolic name); anything unnamed starts at level 2.
 *
 * @param jar the bundle file
 * @param symbolicName its Bundle-SymbolicName, without directives
 * @param fragment whether it is a fragment, which is resolved but never started
 * @param startLevel when it starts
 */
public record SystemBundle(Path jar, String symbolicName, boolean fragment, int startLevel) {

    static final String START_LEVELS = "conf/startlevels.properties";
    static final int DEFAULT_START_LEVEL = 2;

    /** Lists the system bundles of a distribution in a stable order. */
    public static List<SystemBundle> list(Path distribution) throws IOException {
        Properties levels = new Properties();
        try (Reader reader = Files.newBufferedReader(distribution.resolve(START_LEVELS), StandardCharsets.UTF_8)) {
            levels.load(reader);
        }
        List<SystemBundle> bundles = new ArrayList<>();
        try (Stream<Path> jars = Files.list(distribution.resolve("system"))) {
            for (Path jar : jars.filter(p -> p.toString().endsWith(".jar")).sorted().toList()) {
                bundles.add(read(jar, levels));
            }
        }
        return List.copyOf(bundles);
    }

    private static SystemBundle read(Path jar, Properties levels) throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            Attributes main = file.getManifest() == null ? new Attributes() : file.getManifest().getMainAttributes();
            String name = main.getValue("Bundle-SymbolicName");
            if (name == null) {
                throw new IOException(jar + " is not an OSGi bundle (no Bundle-SymbolicName)");
            }
            name = name.split(";")[0].trim();
            int level = Integer.parseInt(levels.getProperty(name, Integer.toString(DEFAULT_START_LEVEL)).trim());
            return new SystemBundle(jar, name, main.getValue("Fragment-Host") != null, level);
        }
    }
}
