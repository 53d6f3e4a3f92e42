package org.qiancheng.launcher;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.junit.Test;

public class LaunchSettingsTest {

    private static final Path DIST = Path.of("/opt/qiancheng");

    @Test
    public void defaultsArePort8080AndRuntimeInTheWorkingDirectory() {
        LaunchSettings settings = LaunchSettings.from(Map.of(), DIST, false);
        assertEquals(8080, settings.port());
        assertEquals(Path.of("runtime").toAbsolutePath(), settings.home());
        assertEquals(settings.home().resolve("deploy"), settings.deploy());
    }

    @Test
    public void environmentChoosesHomeAndPort() {
        LaunchSettings settings = LaunchSettings.from(Map.of("QC_HOME", "/srv/qc/../qc", "QC_PORT", " 18080 "), DIST,
                true);
        assertEquals(Path.of("/srv/qc"), settings.home());
        assertEquals(18080, settings.port());
        assertTrue(settings.interactive());
    }

    @Test
    public void aPortThatIsNotAPortIsRefusedNamingTheVariableAndTheRule() {
        for (String bad : new String[] {"http", "0", "65536", "-1"}) {
            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                    () -> LaunchSettings.from(Map.of("QC_PORT", bad), DIST, false));
            assertTrue(refused.getMessage(), refused.getMessage().startsWith("QC_PORT must be a TCP port number"));
        }
    }
}
