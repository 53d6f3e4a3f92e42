package org.qiancheng.distribution;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.bundle;
import static org.qiancheng.distribution.WorkflowSteps.assertProblem;
import static org.qiancheng.distribution.WorkflowSteps.body;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.qiancheng.api.security.Role;

/**
 * Two-person activation of a policy version (issue 12): a policy administrator requests the activation
 * of the shipped Sichuan revision 2025.2.0 with a reason; the requester may not confirm it; another
 * policy administrator does, and the version decides at once; a request not confirmed within 24 hours
 * expires and activates nothing; either administrator may cancel; a region outside an administrator's
 * regions does not exist for them; a rollback stays one person's decision; all of it is audited as
 * entity {@code policy}.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class TwoPersonActivationIT extends WorkflowTestSupport {

    /** A Sichuan class of 2026: 980.00 under 2025.1.0, 975.00 under 2025.2.0. */
    private static final Path CLASS_OF_2026 = Path.of("src/test/resources/examples/preview-sichuan-2026.json");
    private static final String REVISION = "/policies/510000/2025.2.0/activate";
    private static final String REQUESTS = "/policies/activation-requests";

    @Configuration
    @Override
    public Option[] configuration() throws Exception {
        return baseConfiguration(
                bundle(DIST.resolve("defaults/deploy/region-sichuan-2025.1.0.jar").toUri().toString()),
                bundle(DIST.resolve("defaults/deploy/region-sichuan-2025-2-2025.2.0.jar").toUri().toString()),
                bundle(DIST.resolve("defaults/deploy/region-jiangsu-2019.1.0.jar").toUri().toString()),
                bundle(Path.of(System.getProperty("qc.fixtures", "target/fixtures"))
                        .resolve("policy-fixture-2-2025.1.0.jar").toUri().toString()));
    }

    @Test
    public void oneAdministratorRequestsAnotherConfirmsRequestsExpireAndRollbackStaysOnePerson() throws Exception {
        WorkflowSteps.awaitActive(registry, "320000");
        Http first = http.as(Role.POLICY_ADMIN);
        Http second = http.staff().member(http, "policy-admin-2", Set.of(Role.POLICY_ADMIN), "100000");
        assertEquals("2025.1.0", decided("980.00"));

        // refusals store nothing
        assertProblem(first.post("/policies/510000/2031.1.0/activate", "{}"), 404);
        assertEquals(0, first.get(REQUESTS).body().size());

        // request: pending, nothing changes yet
        Http.Answer requested = first.post(REVISION, "{\"reason\": \"终稿发布 final text\"}");
        assertEquals(body(requested), 202, requested.status());
        JsonNode request = requested.body();
        long id = request.get("id").asLong();
        assertEquals("PENDING", request.get("status").asText());
        assertEquals("510000", request.get("regionCode").asText());
        assertEquals("2025.2.0", request.get("version").asText());
        assertEquals("终稿发布 final text", request.get("reason").asText());
        assertEquals("policy-admin", request.get("requestedBy").asText());
        assertEquals(Instant.parse(TODAY), Instant.parse(request.get("requestedAt").asText()));
        assertEquals(Instant.parse(TODAY).plus(Duration.ofHours(24)), Instant.parse(request.get("expiresAt").asText()));
        assertEquals("STANDBY", status("2025.2.0"));
        assertProblem(second.post(REVISION, "{}"), 409, "version", "pending-request");
        JsonNode pending = second.get(REQUESTS + "?status=PENDING").body();
        assertEquals(1, pending.size());
        assertEquals(id, pending.get(0).get("id").asLong());
        assertProblem(second.get(REQUESTS + "?status=pending"), 422, "status", null);

        // the requester may not confirm; another administrator does, and it decides at once
        Http.Answer own = first.post(REQUESTS + "/" + id + "/confirm", "");
        assertProblem(own, 403, null, "separation-of-duties");
        assertTrue(body(own), own.body().path("detailZh").asText().contains("另一名政策管理员"));
        assertEquals("STANDBY", status("2025.2.0"));
        Http.Answer confirmed = second.post(REQUESTS + "/" + id + "/confirm", "");
        assertEquals(body(confirmed), 200, confirmed.status());
        assertEquals("ACTIVATED", confirmed.body().get("kind").asText());
        assertEquals("policy-admin-2", confirmed.body().get("actor").asText());
        assertEquals("2025.1.0", confirmed.body().get("retired").get(0).asText());
        String reason = confirmed.body().get("reason").asText();
        assertTrue(reason, reason.startsWith("终稿发布 final text") && reason.contains("requested by policy-admin")
                && reason.contains("confirmed by policy-admin-2"));
        assertEquals("ACTIVE", status("2025.2.0"));
        assertEquals("RETIRED", status("2025.1.0"));
        assertEquals("the preview uses it", "2025.2.0", decided("975.00"));
        assertEquals("CONFIRMED", second.get(REQUESTS).body().get(0).get("status").asText());
        assertProblem(second.post(REQUESTS + "/" + id + "/confirm", ""), 409, "id", "status:CONFIRMED");
        assertProblem(first.delete(REQUESTS + "/" + id), 409, "id", "status:CONFIRMED");
        assertProblem(first.post(REVISION, "{}"), 409, "version", "already-active");

        // rollback: one person, at once
        Http.Answer rolledBack = first.post("/policies/510000/rollback", "{\"reason\": \"紧急回退 emergency\"}");
        assertEquals(body(rolledBack), 200, rolledBack.status());
        assertEquals("policy-admin", rolledBack.body().get("actor").asText());
        assertEquals("STANDBY", status("2025.2.0"));
        assertEquals("2025.1.0", decided("980.00"));

        // a request older than 24 hours expires and activates nothing
        long late = first.post(REVISION, "{\"reason\": \"迟到 late\"}").body().get("id").asLong();
        try {
            clockAt(Instant.parse(TODAY).plus(Duration.ofHours(24)).plus(Duration.ofMinutes(1)));
            assertProblem(second.post(REQUESTS + "/" + late + "/confirm", ""), 409, "id", "expired");
            assertEquals("STANDBY", status("2025.2.0"));
            assertEquals("EXPIRED", second.get(REQUESTS + "?status=EXPIRED").body().get(0).get("status").asText());
            assertEquals(late, second.get(REQUESTS + "?status=EXPIRED").body().get(0).get("id").asLong());
            assertProblem(second.post(REQUESTS + "/" + late + "/confirm", ""), 409, "id", "expired");
        } finally {
            today(BASE_DAY);
        }
        assertEquals("2025.1.0", decided("980.00"));

        // either administrator cancels a pending request
        long cancelled = first.post(REVISION, "{}").body().get("id").asLong();
        Http.Answer cancel = second.delete(REQUESTS + "/" + cancelled);
        assertEquals(body(cancel), 200, cancel.status());
        assertEquals("CANCELLED", cancel.body().get("status").asText());
        assertEquals("policy-admin-2", cancel.body().get("decidedBy").asText());
        assertProblem(first.delete(REQUESTS + "/" + cancelled), 409, "id", "status:CANCELLED");
        assertProblem(second.post(REQUESTS + "/" + cancelled + "/confirm", ""), 409, "id", "status:CANCELLED");
        assertEquals("STANDBY", status("2025.2.0"));
        assertProblem(second.post(REQUESTS + "/987654/confirm", ""), 404);

        // a region outside an administrator's regions does not exist for them
        Http sichuan = http.staff().member(http, "policy-sichuan", Set.of(Role.POLICY_ADMIN), "510000");
        Http jiangsu = http.staff().member(http, "policy-jiangsu", Set.of(Role.POLICY_ADMIN), "320000");
        assertProblem(first.post("/policies/320000/2019.1.0/activate", "{}"), 409, "version", "already-active");
        Http.Answer outside = sichuan.post("/policies/320000/2019.1.0/activate", "{}");
        assertProblem(outside, 404);
        assertProblem(sichuan.post("/policies/320000/2099.1.0/activate", "{}"), 404);
        long sichuanRequest = sichuan.post(REVISION, "{}").body().get("id").asLong();
        List<Long> seen = new ArrayList<>();
        jiangsu.get(REQUESTS).body().forEach(r -> seen.add(r.get("id").asLong()));
        assertEquals("none of Sichuan's requests", List.of(), seen);
        assertProblem(jiangsu.post(REQUESTS + "/" + sichuanRequest + "/confirm", ""), 404);
        assertProblem(jiangsu.delete(REQUESTS + "/" + sichuanRequest), 404);
        assertEquals(200, first.delete(REQUESTS + "/" + sichuanRequest).status());

        // pins stay one person's decision too
        assertEquals(200, first.put("/policies/510000/pin", "{\"version\": \"2025.1.0\"}").status());
        assertEquals(200, first.delete("/policies/510000/pin").status());

        // every decision carries the region's decision sequence; one made at a sequence the region has left is 409
        long sequence = sequence(first);
        assertEquals("confirmed activation, rollback, pin, unpin: four decisions of Sichuan", 4, sequence);
        Http.Answer stalePin = second.put("/policies/510000/pin", "{\"version\": \"2025.1.0\", \"expectedSequence\": "
                + (sequence - 1) + "}");
        assertProblem(stalePin, 409, "expectedSequence", "sequence:" + sequence);
        assertTrue(body(stalePin), stalePin.body().path("detail").asText().contains("#4 UNPINNED")
                && !stalePin.body().path("detailZh").asText().isBlank());
        assertProblem(second.delete("/policies/510000/pin?expectedSequence=-1"), 422, "expectedSequence", null);
        assertProblem(first.post("/policies/510000/rollback", "{\"expectedSequence\": " + (sequence + 3) + "}"), 409,
                "expectedSequence", "sequence:" + sequence);
        assertEquals("nothing stored by the refusals", sequence, sequence(first));
        // a request keeps the sequence it was made at; its confirmation after another decision is 409 and it stays PENDING
        JsonNode raced = first.post(REVISION, "{\"expectedSequence\": " + sequence + "}").body();
        assertEquals(sequence, raced.get("sequence").asLong());
        assertEquals(200, second.put("/policies/510000/pin", "{\"version\": \"2025.1.0\", \"expectedSequence\": "
                + sequence + "}").status());
        Http.Answer late2 = second.post(REQUESTS + "/" + raced.get("id").asLong() + "/confirm", "");
        assertProblem(late2, 409, "expectedSequence", "sequence:" + (sequence + 1));
        assertTrue(body(late2), late2.body().path("detail").asText().contains("PINNED 2025.1.0 by policy-admin-2"));
        assertEquals("PENDING", second.get(REQUESTS + "?status=PENDING").body().get(0).get("status").asText());
        assertEquals(200, first.delete(REQUESTS + "/" + raced.get("id").asLong()).status());
        // two administrators deciding at the same moment at the same sequence: exactly one is stored
        long now = sequence(first);
        java.util.concurrent.ExecutorService both = java.util.concurrent.Executors.newFixedThreadPool(2);
        java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.Future<Integer> one = both.submit(() -> {
            go.await();
            return first.delete("/policies/510000/pin?expectedSequence=" + now).status();
        });
        java.util.concurrent.Future<Integer> other = both.submit(() -> {
            go.await();
            return second.delete("/policies/510000/pin?expectedSequence=" + now).status();
        });
        go.countDown();
        List<Integer> statuses = new ArrayList<>(List.of(one.get(), other.get()));
        both.shutdown();
        statuses.sort(null);
        assertEquals(List.of(200, 409), statuses);
        assertEquals(now + 1, sequence(first));

        // all of it in the audit trail, as entity policy, under the authenticated users
        JsonNode trail = http.as(Role.AUDITOR).get("/audit?entity=policy&limit=500").body().get("items");
        List<String> actions = new ArrayList<>();
        trail.forEach(e -> actions.add(e.get("action").asText() + " " + e.get("actor").asText() + " "
                + e.get("entityId").asLong()));
        for (String expected : List.of("policy.activation-requested policy-admin " + id,
                "policy.activation-confirmed policy-admin-2 " + id, "policy.rolled-back policy-admin 0",
                "policy.activation-expired policy-admin-2 " + late,
                "policy.activation-cancelled policy-admin-2 " + cancelled,
                "policy.activation-cancelled policy-admin " + sichuanRequest,
                "policy.activation-requested policy-sichuan " + sichuanRequest,
                "policy.pinned policy-admin 0", "policy.unpinned policy-admin 0")) {
            assertTrue(expected + " in " + actions, actions.contains(expected));
        }
        assertEquals("refusals store nothing: five requests", 5,
                actions.stream().filter(a -> a.startsWith("policy.activation-requested ")).count());
    }

    /** The region's decision sequence: that of Sichuan's latest decision, 0 when none. */
    private static long sequence(Http as) throws Exception {
        JsonNode decisions = as.get("/policies/510000/activations").body();
        return decisions.size() == 0 ? 0 : decisions.get(decisions.size() - 1).get("sequence").asLong();
    }

    /** Previews the 2026 class; checks the amount and answers the version that decided it. */
    private String decided(String amount) throws Exception {
        Http.Answer answer = http.post("/claims/preview", Files.readString(CLASS_OF_2026));
        assertEquals(body(answer), 200, answer.status());
        assertEquals(body(answer), new BigDecimal(amount), answer.body().get("amount").decimalValue());
        return answer.body().get("policy").get("version").asText();
    }

    private String status(String version) throws Exception {
        for (JsonNode v : http.get("/policies").body()) {
            if (v.get("descriptor").get("regionCode").asText().equals("510000")
                    && v.get("descriptor").get("version").asText().equals(version)) {
                return v.get("status").asText();
            }
        }
        throw new AssertionError("no 510000 " + version);
    }

    private void clockAt(Instant instant) throws Exception {
        WorkflowSteps.clockAt(configurations, context, instant);
    }
}
