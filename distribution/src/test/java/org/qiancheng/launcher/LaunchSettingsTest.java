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
        assertEquals("every interface", "0.0.0.0", settings.bind());
        assertEquals("http://localhost:8080", settings.localUrl());
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

    @Test
    public void bindTakesAnAddressOrAHostNameOfThisMachine() {
        assertEquals("127.0.0.1", LaunchSettings.from(Map.of("QC_BIND", " 127.0.0.1 "), DIST, false).bind());
        assertEquals("::1", LaunchSettings.from(Map.of("QC_BIND", "[::1]"), DIST, false).bind());
        assertEquals("localhost", LaunchSettings.from(Map.of("QC_BIND", "localhost"), DIST, false).bind());
        assertEquals("0.0.0.0", LaunchSettings.from(Map.of("QC_BIND", " "), DIST, false).bind());
        assertEquals("::", LaunchSettings.from(Map.of("QC_BIND", "::"), DIST, false).bind());
        LaunchSettings loopback = LaunchSettings.from(Map.of("QC_BIND", "127.0.0.1", "QC_PORT", "9090"), DIST, false);
        assertEquals("the readiness check and the printed URL go where it listens", "http://127.0.0.1:9090",
                loopback.localUrl());
        assertEquals("http://[::1]:8080", LaunchSettings.from(Map.of("QC_BIND", "::1"), DIST, false).localUrl());
    }

    @Test
    public void aBindThatIsNoAddressOfThisMachineIsRefusedNamingTheVariable() {
        for (String bad : new String[] {"127.0.0.256", "127.1", "1.2.3.4.5", "host name", "http://127.0.0.1",
                "127.0.0.1:8080", "-leading-dash", "under_score", "::g", "qc-bind-test-host.invalid",
                "192.0.2.1"}) {
            IllegalArgumentException refused = assertThrows(bad, IllegalArgumentException.class,
                    () -> LaunchSettings.from(Map.of("QC_BIND", bad), DIST, false));
            assertTrue(refused.getMessage(), refused.getMessage().startsWith("QC_BIND"));
            assertTrue(refused.getMessage(), refused.getMessage().contains("QC_BIND 须为")
                    || refused.getMessage().contains("QC_BIND 无法") || refused.getMessage().contains("不是本机"));
        }
    }
}
