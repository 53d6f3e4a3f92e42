package org.qiancheng.distribution;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import javax.inject.Inject;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.service.jakartars.runtime.dto.RuntimeDTO;
import org.osgi.util.tracker.ServiceTracker;
import org.qiancheng.api.system.HealthReport;
import org.qiancheng.api.system.HealthService;
import org.qiancheng.api.system.HealthStatus;
import org.qiancheng.persistence.DatabaseProbe;

/** The distribution's bundle set, booted in a real framework by Pax Exam. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class PlatformIT extends PlatformTestSupport {

    private static final long TIMEOUT = 30_000;

    @Inject
    private BundleContext context;

    @Inject
    private HealthService health;

    @Configuration
    public Option[] configuration() throws Exception {
        return baseConfiguration();
    }

    @Test
    public void everyBundleIsActiveAndEveryFragmentResolved() {
        List<String> wrong = Stream.of(context.getBundles())
                .filter(b -> b.getBundleId() != 0)
                .filter(b -> b.getState() != (isFragment(b) ? Bundle.RESOLVED : Bundle.ACTIVE))
                .map(b -> b.getSymbolicName() + " is in state " + b.getState())
                .toList();
        assertTrue("bundles not started: " + wrong, wrong.isEmpty());
        assertTrue("the kernel bundles are part of the set", Stream.of(context.getBundles())
                .map(Bundle::getSymbolicName).toList()
                .containsAll(List.of("org.qiancheng.api", "org.qiancheng.engine", "org.qiancheng.core",
                        "org.qiancheng.persistence", "org.qiancheng.rest", "org.qiancheng.shell")));
    }

    @Test
    public void whiteboardServesTheKernelResourcesWithNoFailures() throws Exception {
        RuntimeDTO dto = Whiteboard.await(context, d -> Dtos.resources(d).containsAll(
                List.of("qiancheng.health", "qiancheng.regions", "qiancheng.policies", "qiancheng.preview")), TIMEOUT);
        assertTrue(Dtos.describe(dto), Dtos.extensions(dto).containsAll(List.of("qiancheng.json", "qiancheng.problems")));
        assertEquals(List.of(), Dtos.failed(dto));
    }

    @Test
    public void healthAnswersOverHttpFromTheRealServer() throws Exception {
        Whiteboard.await(context, d -> Dtos.resources(d).contains("qiancheng.health"), TIMEOUT);
        URL url = new URL("http://127.0.0.1:" + context.getProperty("org.osgi.service.http.port") + "/api/v1/health");
        HttpURLConnection connection = (HttpURLConnection) url.openConnection();
        assertEquals(200, connection.getResponseCode());
        assertTrue(connection.getContentType().startsWith("application/json"));
        try (InputStream body = connection.getInputStream()) {
            String json = new String(body.readAllBytes(), StandardCharsets.UTF_8);
            assertEquals("anonymous: the status alone", "{\"status\":\"UP\"}", json);
        }
        Http.Answer details = new Http(context.getProperty("org.osgi.service.http.port")).get("/health/details");
        assertEquals(200, details.status());
        assertEquals("ACTIVE", details.body().get("frameworkState").asText());
        String node = details.body().get("node").get("id").asText();
        assertFalse("the details name the node", node.isBlank());
        assertTrue(details.body().get("node").get("leases").isArray());
        // the node's heartbeat lists it among the live nodes, first as the one answering
        Http.Answer nodes = new Http(context.getProperty("org.osgi.service.http.port")).get("/nodes");
        assertEquals(200, nodes.status());
        assertEquals(node, nodes.body().get(0).get("id").asText());
        assertTrue(nodes.body().get(0).get("self").asBoolean());
        assertFalse(nodes.body().get(0).get("lastHeartbeat").asText().isBlank());
    }

    @Test
    public void databaseRoundTripsARowThroughJpaAcrossAPersistenceRestart() throws Exception {
        HealthReport before = health.health();
        assertEquals(before.toString(), HealthStatus.UP, before.status());
        String product = before.database().product();
        assertTrue(product, product.startsWith(TestDatabase.expectedProduct()));
        long boots = before.database().bootCount();
        assertTrue("this start was recorded", boots >= 1);

        Bundle persistence = bundle("org.qiancheng.persistence");
        persistence.stop();
        assertEquals("without the persistence bundle the database is reported down",
                HealthStatus.DOWN, health.health().database().status());
        persistence.start();

        // the restarted unit wrote a new row through JPA and the probe reads it back with JPQL
        assertEquals(boots + 1, awaitProbe().probe().bootCount());
        assertEquals(HealthStatus.UP, health.health().status());
    }

    private DatabaseProbe awaitProbe() throws InterruptedException {
        ServiceTracker<DatabaseProbe, DatabaseProbe> tracker = new ServiceTracker<>(context, DatabaseProbe.class, null);
        tracker.open();
        try {
            DatabaseProbe probe = tracker.waitForService(TIMEOUT);
            assertNotNull("database probe came back", probe);
            return probe;
        } finally {
            tracker.close();
        }
    }

    private Bundle bundle(String symbolicName) {
        return Stream.of(context.getBundles()).filter(b -> symbolicName.equals(b.getSymbolicName())).findFirst()
                .orElseThrow();
    }

    private static boolean isFragment(Bundle bundle) {
        return bundle.getHeaders().get(Constants.FRAGMENT_HOST) != null;
    }
}
