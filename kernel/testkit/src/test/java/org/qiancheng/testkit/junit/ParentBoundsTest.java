package org.qiancheng.testkit.junit;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;
import org.qiancheng.api.spi.RegionPolicy;
import org.qiancheng.testkit.junit.fixture.CityPolicy;
import org.qiancheng.testkit.junit.fixture.ProvincePolicy;

/**
 * A city plugin's overrides checked against its parent's bounds at build time, with the check the
 * platform runs at installation: each fixture policy is built into a jar of its own, as its bundle,
 * since the city's override has the very resource name of the province's file.
 */
class ParentBoundsTest {

    private static final String ABOVE = "980100:fixture/standard@2025-01-01[4-10-01-05][JUNIOR]: 2500 is above the "
            + "maximum 2000 set by [PROV-2025 §三]";

    @TempDir
    Path dir;

    @Test
    void anOverrideAboveTheParentsBoundFailsNamingParameterValueBoundAndClause() throws Exception {
        RegionPolicy city = city("city_too_high");
        AssertionFailedError failure = assertThrows(AssertionFailedError.class,
                () -> PolicyTestKit.assertWithinParentBounds(city, province()));
        assertTrue(failure.getMessage().contains(ABOVE), failure.getMessage());
        assertTrue(failure.getMessage().startsWith("980100 1.0.0 would be refused next to 980000 1.0.0 (province.jar)"),
                failure.getMessage());
    }

    @Test
    void anOverrideWithinTheParentsBoundsPasses() throws Exception {
        RegionPolicy city = city("city");
        assertDoesNotThrow(() -> PolicyTestKit.assertWithinParentBounds(city, province()));
    }

    @Test
    void theGeneratedSuiteShowsTheBoundsCheckAsATestOfItsOwnBeforeTheCases() throws Throwable {
        List<DynamicNode> tests = PolicyTestKit.cases(city("city_too_high"), province()).toList();

        assertEquals(List.of("overrides within the bounds of region 980000 (province.jar)",
                "The city adds nothing to the province's decision (adds-nothing.json)"),
                tests.stream().map(DynamicNode::getDisplayName).toList());
        AssertionFailedError failure = assertThrows(AssertionFailedError.class,
                () -> ((DynamicTest) tests.get(0)).getExecutable().execute());
        assertTrue(failure.getMessage().contains(ABOVE), failure.getMessage());
        // the case itself states the parent's decision inline and passes: only the bounds test catches it
        ((DynamicTest) tests.get(1)).getExecutable().execute();
    }

    @Test
    void withoutTheParentsBundleTheBoundsTestIsSkippedSayingHowToRunIt() throws Exception {
        List<DynamicNode> tests = PolicyTestKit.cases(city("city_too_high")).toList();

        assertEquals("overrides within the bounds of region 980000: not checked", tests.get(0).getDisplayName());
        TestAbortedException skipped = assertThrows(TestAbortedException.class,
                () -> ((DynamicTest) tests.get(0)).getExecutable().execute());
        assertTrue(skipped.getMessage().contains("-D" + PolicyTestKit.PARENT_BUNDLE + "="), skipped.getMessage());
    }

    @Test
    void aBundleWithoutTheParentRegionFails() throws Exception {
        RegionPolicy city = city("city");
        Path other = jar("other.jar", CityPolicy.class, "city");
        AssertionFailedError failure = assertThrows(AssertionFailedError.class,
                () -> PolicyTestKit.assertWithinParentBounds(city, other));
        assertTrue(failure.getMessage().startsWith("no policy of region 980000 in "), failure.getMessage());
    }

    private Path province() throws Exception {
        return jar("province.jar", ProvincePolicy.class, "province");
    }

    /** The city plugin as its bundle would define it: its classes and resources from its own jar. */
    private RegionPolicy city(String folder) throws Exception {
        Path jar = jar(folder + ".jar", CityPolicy.class, folder);
        Class<?> type = BundleLoader.of(jar).loadClass(CityPolicy.class.getName());
        return (RegionPolicy) type.getDeclaredConstructor().newInstance();
    }

    /** A jar of the fixture class (and its nested classes) and {@code bundles/<folder>/}. */
    private Path jar(String name, Class<?> policy, String folder) throws IOException, URISyntaxException {
        Path jar = dir.resolve(name);
        if (Files.exists(jar)) {
            return jar;
        }
        Path resources = Path.of(ParentBoundsTest.class.getResource("/bundles/" + folder).toURI());
        Path classes = Path.of(policy.getProtectionDomain().getCodeSource().getLocation().toURI());
        String packageFolder = policy.getPackageName().replace('.', '/');
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream zip = new JarOutputStream(out)) {
            try (Stream<Path> files = Files.list(classes.resolve(packageFolder))) {
                for (Path file : files.filter(f -> f.getFileName().toString().startsWith(policy.getSimpleName()))
                        .toList()) {
                    add(zip, packageFolder + "/" + file.getFileName(), file);
                }
            }
            try (Stream<Path> files = Files.walk(resources)) {
                for (Path file : files.filter(f -> !f.equals(resources)).sorted().toList()) {
                    String entry = resources.relativize(file).toString().replace('\\', '/');
                    if (Files.isDirectory(file)) {
                        // folder entries too, as in a bundle: the case files are found by their folder
                        zip.putNextEntry(new JarEntry(entry + "/"));
                        zip.closeEntry();
                    } else {
                        add(zip, entry, file);
                    }
                }
            }
        }
        return jar;
    }

    private static void add(JarOutputStream zip, String entry, Path file) throws IOException {
        zip.putNextEntry(new JarEntry(entry));
        try (InputStream in = Files.newInputStream(file)) {
            in.transferTo(zip);
        }
        zip.closeEntry();
    }
}
