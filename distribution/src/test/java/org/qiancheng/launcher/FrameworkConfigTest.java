package org.qiancheng.launcher;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class FrameworkConfigTest {

    @Rule
    public TemporaryFolder temp = new TemporaryFolder();

    @Test
    public void placeholdersAreFilledFromTheSettings() throws Exception {
        Path dist = temp.newFolder("dist").toPath();
        Files.createDirectories(dist.resolve("conf"));
        Files.write(dist.resolve(FrameworkConfig.FILE), List.of(
                "felix.fileinstall.dir=${qc.home}/deploy,${qc.home}/etc",
                "org.osgi.service.http.port=${qc.port}",
                "org.apache.felix.http.host=${qc.bind}",
                "plain=value"), StandardCharsets.UTF_8);
        LaunchSettings settings = new LaunchSettings(dist, Path.of("/srv/qc"), 9090, "127.0.0.1", false);

        Map<String, String> properties = FrameworkConfig.load(settings);

        assertEquals("/srv/qc/deploy,/srv/qc/etc", properties.get("felix.fileinstall.dir"));
        assertEquals("9090", properties.get("org.osgi.service.http.port"));
        assertEquals("QC_BIND becomes Jetty's host", "127.0.0.1", properties.get("org.apache.felix.http.host"));
        assertEquals("0.0.0.0", FrameworkConfig.load(new LaunchSettings(dist, Path.of("/srv/qc"), 9090, false))
                .get("org.apache.felix.http.host"));
        assertEquals("value", properties.get("plain"));
        assertEquals("without a console the shell neither reads stdin nor stops the platform",
                "--nointeractive --noshutdown", properties.get("gosh.args"));
    }

    @Test
    public void aDatabaseInEtcIsKnownFromTheStartAndWinsOverTheEnvironment() throws Exception {
        Path etc = temp.newFolder("etc").toPath();
        assertEquals(Map.of(), FrameworkConfig.databaseFromEtc(etc));
        Files.write(etc.resolve(FrameworkConfig.DATABASE_CFG), List.of("logLevel=INFO"), StandardCharsets.UTF_8);
        assertEquals("no url, nothing chosen", Map.of(), FrameworkConfig.databaseFromEtc(etc));
        Files.write(etc.resolve(FrameworkConfig.DATABASE_CFG), List.of(
                "url = jdbc:postgresql://127.0.0.1:5432/qc", "user=qiancheng", "password= s3cret "),
                StandardCharsets.UTF_8);

        assertEquals(Map.of("qc.db.url", "jdbc:postgresql://127.0.0.1:5432/qc", "qc.db.user", "qiancheng",
                "qc.db.password", "s3cret "), FrameworkConfig.databaseFromEtc(etc));
    }

    @Test
    public void theClockAndTheDatabaseComeFromTheEnvironment() {
        Map<String, String> properties = FrameworkConfig.fromEnvironment(Map.of(
                "QC_CLOCK_FIXED", " 2026-11-25T00:00:00Z ",
                "QC_DB_URL", "jdbc:postgresql://db:5432/qiancheng",
                "QC_DB_USER", "qiancheng",
                "QC_DB_PASSWORD", " s3cret ",
                "QC_ADMIN_PASSWORD", " Admin-Pass-2026 ",
                "QC_PORT", "9090",
                "PATH", "/usr/bin"));

        assertEquals(Map.of(
                "qc.clock.fixed", "2026-11-25T00:00:00Z",
                "qc.db.url", "jdbc:postgresql://db:5432/qiancheng",
                "qc.db.user", "qiancheng",
                "qc.db.password", " s3cret ",
                "qc.admin.password", " Admin-Pass-2026 "), properties);
        assertEquals("blank variables set nothing, so the configured or default database is used", Map.of(),
                FrameworkConfig.fromEnvironment(Map.of("QC_DB_URL", " ", "QC_CLOCK_FIXED", "")));
    }

    @Test
    public void anUnknownPlaceholderIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> FrameworkConfig.substitute("${qc.nothing}/x", Map.of("qc.home", "/srv")));
    }
}
