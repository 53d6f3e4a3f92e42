package org.qiancheng.persistence.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qiancheng.api.registry.Activation;
import org.qiancheng.api.registry.StaleDecisionException;
import org.qiancheng.api.security.Role;
import org.qiancheng.api.security.User;
import org.qiancheng.persistence.AccountTx;
import org.qiancheng.persistence.NodeTx;
import org.qiancheng.persistence.WorkflowStore;
import org.qiancheng.persistence.internal.workflow.JpaPolicyActivations;
import org.qiancheng.persistence.internal.workflow.JpaWorkflowStore;

/**
 * Two nodes on one database, as two persistence units of their own (each its own entity manager
 * factory and connection pool, the shared cache off as on PostgreSQL): leases that a live holder
 * keeps and an expired one loses to exactly one taker, heartbeats, decisions of one region stored
 * at the same sequence by both (exactly one is), and a session opened on one node that the other
 * reads and ends. On HSQLDB, or PostgreSQL under scripts/test-postgres.sh.
 */
class TwoNodesStoreTest {

    /** What a node on PostgreSQL runs with (Database#eclipselinkProperties): no second-level cache. */
    private static final Map<String, String> NO_SHARED_CACHE = Map.of("eclipselink.cache.shared.default", "false");

    @TempDir
    static Path home;

    private static TestUnit unitA;
    private static TestUnit unitB;
    private static WorkflowStore nodeA;
    private static WorkflowStore nodeB;

    @BeforeAll
    static void start() throws Exception {
        unitA = new TestUnit(TestUnit.configured(home), "qiancheng-node-a", NO_SHARED_CACHE);
        unitB = new TestUnit(unitA.database, "qiancheng-node-b", NO_SHARED_CACHE);
        nodeA = new JpaWorkflowStore(unitA, TestUnit.AUDIT_KEY);
        nodeB = new JpaWorkflowStore(unitB, TestUnit.AUDIT_KEY);
    }

    @AfterAll
    static void stop() throws Exception {
        unitB.close();
        unitA.shutdown();
    }

    private static String fresh(String prefix) {
        return prefix + UUID.randomUUID().toString().substring(0, 8);
    }

    private static boolean acquire(WorkflowStore store, String resource, String node, Instant until) {
        return store.transaction(tx -> tx.nodes().acquire(resource, node, Instant.now(), until));
    }

    @Test
    void aLiveLeaseIsKeptByItsNodeAndAnExpiredOneIsTakenOver() throws Exception {
        String resource = fresh("test:");
        Instant soon = Instant.now().plusMillis(600);
        assertTrue(acquire(nodeA, resource, "a", soon), "the first taker gets it");
        assertFalse(acquire(nodeB, resource, "b", Instant.now().plusSeconds(30)), "alive: not taken over");
        boolean renewedByB = nodeB.transaction(tx -> tx.nodes().renew(resource, "b", Instant.now().plusSeconds(30)));
        assertFalse(renewedByB, "nor renewed by another node");
        assertTrue(acquire(nodeA, resource, "a", soon), "its holder takes it again");
        assertEquals(List.of(resource), nodeB.transaction(tx -> tx.nodes().held("a", Instant.now())).stream()
                .map(NodeTx.Lease::resource).filter(resource::equals).toList());

        Thread.sleep(Duration.between(Instant.now(), soon).toMillis() + 50);
        assertTrue(acquire(nodeB, resource, "b", Instant.now().plusSeconds(30)), "expired: taken over");
        assertEquals("b", nodeA.transaction(tx -> tx.nodes().lease(resource)).orElseThrow().node());
        boolean renewedByA = nodeA.transaction(tx -> tx.nodes().renew(resource, "a", Instant.now().plusSeconds(30)));
        assertFalse(renewedByA, "the old holder is fenced off: its renewal fails");
        assertFalse(acquire(nodeA, resource, "a", Instant.now().plusSeconds(30)));

        nodeB.transaction(tx -> {
            tx.nodes().release(resource, "b", Instant.now());
            return null;
        });
        assertTrue(acquire(nodeA, resource, "a", Instant.now().plusSeconds(30)), "released: free at once");
    }

    @Test
    void ofManyNodesTakingOneExpiredLeaseAtOnceExactlyOneGetsIt() throws Exception {
        String resource = fresh("race:");
        assertTrue(acquire(nodeA, resource, "dead", Instant.now().minusSeconds(1)));
        int takers = 8;
        ExecutorService pool = Executors.newFixedThreadPool(takers);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Boolean>> results = new ArrayList<>();
        for (int i = 0; i < takers; i++) {
            WorkflowStore store = i % 2 == 0 ? nodeA : nodeB;
            String node = "taker-" + i;
            results.add(pool.submit(() -> {
                go.await();
                try {
                    return acquire(store, resource, node, Instant.now().plusSeconds(30));
                } catch (org.qiancheng.api.workflow.WorkflowException e) {
                    return false;
                }
            }));
        }
        go.countDown();
        int won = 0;
        for (Future<Boolean> result : results) {
            won += result.get() ? 1 : 0;
        }
        pool.shutdown();
        assertEquals(1, won, "exactly one node took the lease over");
        assertTrue(nodeA.transaction(tx -> tx.nodes().lease(resource)).orElseThrow().node().startsWith("taker-"));
    }

    @Test
    void heartbeatsListTheLiveNodesUntilTheyStop() {
        String a = fresh("node-a-");
        String b = fresh("node-b-");
        Instant started = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        nodeA.transaction(tx -> {
            tx.nodes().heartbeat(a, "host-a:8080", started, started);
            return null;
        });
        nodeB.transaction(tx -> {
            tx.nodes().heartbeat(b, "host-b:8080", started, started.plusSeconds(1));
            return null;
        });
        List<String> live = nodeA.transaction(tx -> tx.nodes().live(started.minusSeconds(1))).stream()
                .map(NodeTx.Node::id).toList();
        assertTrue(live.containsAll(List.of(a, b)), live.toString());
        assertEquals("host-b:8080", nodeA.transaction(tx -> tx.nodes().live(started.minusSeconds(1))).stream()
                .filter(n -> n.id().equals(b)).findFirst().orElseThrow().address());
        assertFalse(nodeB.transaction(tx -> tx.nodes().live(started.plusMillis(500))).stream()
                .anyMatch(n -> n.id().equals(a)), "a heartbeat older than the limit is not live");
        nodeA.transaction(tx -> {
            tx.nodes().stopped(a, Instant.now());
            return null;
        });
        assertFalse(nodeB.transaction(tx -> tx.nodes().live(started.minusSeconds(1))).stream()
                .anyMatch(n -> n.id().equals(a)), "a cleanly stopped node is not live");
    }

    @Test
    void twoDecisionsAtTheSameSequenceFromTwoNodesStoreExactlyOne() throws Exception {
        String region = String.valueOf(700_000 + (int) (Math.random() * 90_000));
        JpaPolicyActivations historyA = new JpaPolicyActivations(unitA, nodeA);
        JpaPolicyActivations historyB = new JpaPolicyActivations(unitB, nodeB);
        Activation first = historyA.append(decision(region, "1.0.0", "policy-a"), 0, (tx, stored) -> {
        });
        assertEquals(1, first.sequence());

        for (int round = 0; round < 5; round++) {
            long at = historyA.all().stream().filter(d -> d.regionCode().equals(region)).count();
            CountDownLatch go = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            String versionA = "2." + round + ".0";
            String versionB = "3." + round + ".0";
            Future<Object> fromA = pool.submit(racing(go, () -> historyA.append(decision(region, versionA, "policy-a"),
                    at, (tx, stored) -> { })));
            Future<Object> fromB = pool.submit(racing(go, () -> historyB.append(decision(region, versionB, "policy-b"),
                    at, (tx, stored) -> { })));
            go.countDown();
            Object a = fromA.get();
            Object b = fromB.get();
            pool.shutdown();
            List<Object> answers = List.of(a, b);
            assertEquals(1, answers.stream().filter(Activation.class::isInstance).count(), "exactly one stored: "
                    + answers);
            StaleDecisionException refused = (StaleDecisionException) answers.stream()
                    .filter(StaleDecisionException.class::isInstance).findFirst().orElseThrow();
            Activation won = (Activation) answers.stream().filter(Activation.class::isInstance).findFirst().orElseThrow();
            assertEquals(at + 1, won.sequence());
            assertEquals(at, refused.expected());
            assertEquals(at + 1, refused.current());
            assertEquals(List.of(won.version()), refused.since().stream().map(Activation::version).toList(),
                    "the refusal says what changed");
        }
        List<Activation> ofRegion = historyB.all().stream().filter(d -> d.regionCode().equals(region)).toList();
        assertEquals(6, ofRegion.size());
        for (int i = 0; i < ofRegion.size(); i++) {
            assertEquals(i + 1, ofRegion.get(i).sequence(), "one decision per step, no gaps");
        }
        StaleDecisionException stale = assertThrows(StaleDecisionException.class, () -> historyB.append(
                decision(region, "9.0.0", "policy-b"), 4, (tx, stored) -> { }));
        assertEquals(2, stale.since().size(), "a decision two steps behind hears of both");
        assertTrue(stale.getMessage().contains("#5"), stale.getMessage());
    }

    private static Callable<Object> racing(CountDownLatch go, Callable<Activation> decision) {
        return () -> {
            go.await();
            try {
                return decision.call();
            } catch (StaleDecisionException e) {
                return e;
            }
        };
    }

    private static Activation decision(String region, String version, String actor) {
        return new Activation(0, region, version, Activation.Kind.PINNED, List.of(), actor,
                Instant.now().truncatedTo(ChronoUnit.MILLIS), null);
    }

    @Test
    void aSessionOpenedOnOneNodeIsReadAndEndedOnTheOther() {
        String name = fresh("user");
        User user = nodeA.transaction(tx -> tx.accounts().insertUser(name, new AccountTx.PasswordHash(
                "PBKDF2WithHmacSHA256", 600_000, new byte[] {1}, new byte[] {2}), Set.of(Role.CLERK),
                List.of("510000"), false, Instant.now()));
        String token = fresh("token-hash-");
        Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        long id = nodeA.transaction(tx -> tx.accounts().openSession(user.id(), token, "csrf", at, at.plusSeconds(3600),
                "10.0.0.1"));
        AccountTx.StoredSession onB = nodeB.transaction(tx -> tx.accounts().session(token)).orElseThrow();
        assertEquals(id, onB.id());
        assertEquals(user.id(), onB.userId());
        assertEquals(null, onB.revokedAt());
        nodeB.transaction(tx -> {
            tx.accounts().revokeSession(id, at.plusSeconds(5));
            return null;
        });
        assertNotNull(nodeA.transaction(tx -> tx.accounts().session(token)).orElseThrow().revokedAt(),
                "node A reads node B's revocation at once");
    }
}
