package org.qiancheng.launcher;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class HomeLayoutTest {

    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    @Test
    public void aNewHomeGetsTheTrustedCertificatesAndALaterStartLeavesARemovedOneRemoved() throws Exception {
        Path dist = folder.newFolder("dist").toPath();
        Files.createDirectories(dist.resolve("defaults/etc/trust"));
        Files.createDirectories(dist.resolve("defaults/deploy"));
        Files.writeString(dist.resolve("defaults/etc/a.config"), "x=\"1\"");
        Files.writeString(dist.resolve("defaults/etc/trust/qiancheng-dev.crt"), "certificate");
        Files.writeString(dist.resolve("defaults/etc/trust/.hidden"), "skipped");
        LaunchSettings settings = LaunchSettings.from(Map.of("QC_HOME", folder.getRoot() + "/home"), dist, false);

        assertTrue(HomeLayout.prepare(settings));
        assertEquals("certificate", Files.readString(settings.etc().resolve("trust/qiancheng-dev.crt")));
        assertTrue(Files.exists(settings.etc().resolve("a.config")));
        assertFalse(Files.exists(settings.etc().resolve("trust/.hidden")));

        Files.delete(settings.etc().resolve("trust/qiancheng-dev.crt"));
        assertFalse(HomeLayout.prepare(settings));
        assertFalse("the operator removed it", Files.exists(settings.etc().resolve("trust/qiancheng-dev.crt")));
    }
}
