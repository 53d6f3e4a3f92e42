package org.qiancheng.distribution;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.qiancheng.distribution.RunningPlatform.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import org.junit.Test;
import org.qiancheng.testing.seed.WorkflowSeed;

/**
 * A settlement of 50 000 claims on the assembled platform, killed with SIGKILL part-way and taken
 * over after a restart (the new process takes the run once the killed one's lease expired), ends with exactly the claims, count and yuan of an uninterrupted run of the same
 * data: nothing lost, nothing twice. Both runs settle one seeded database: the claims and runs of
 * the clean run are deleted before the killed one. Runs on HSQLDB, or on the database the build
 * names with {@code -Dqc.test.db.url} (scripts/test-postgres.sh).
 */
public class SettlementKillE2EIT {

    private static final int CLASSES = 1_000;
    private static final int TRAINEES_PER_CLASS = 50;
    private static final int LATE_EVERY = 100;
    private static final String START = "{\"regionCode\": \"510000\", \"month\": \"2026-10\"}";
    private static final Duration RUN_TIMEOUT = Duration.ofMinutes(15);

    @Test
    public void aKilledSettlementResumesToTheSameClaimsAsACleanRun() throws Exception {
        Path home = Files.createTempDirectory(Path.of("target"), "e2e-settle-").toAbsolutePath();
        try (RunningPlatform platform = RunningPlatform.start(home, "e2e-settle-schema.log")) {
            assertEquals(0, platform.terminate()); // the first start creates the schema
        }
        try (Connection connection = connect(home)) {
            WorkflowSeed.seed(connection, new WorkflowSeed.Plan("510104", "6-31-01-03", "JUNIOR", CLASSES,
                    TRAINEES_PER_CLASS, LocalDate.parse("2026-09-07"), LocalDate.parse("2026-10-01"), LATE_EVERY));
            closeEmbedded(connection);
        }

        JsonNode cleanRun;
        try (RunningPlatform platform = RunningPlatform.start(home, "e2e-settle-clean.log")) {
            awaitSichuan(platform);
            refusesBadInput(platform);
            cleanRun = awaitStatus(platform, started(platform).get("id").asLong(), "COMPLETED");
            HttpResponse<String> again = platform.post("/api/v1/settlements", START);
            assertEquals(again.body(), 202, again.statusCode());
            JsonNode second = json(again);
            assertTrue("a second run of a completed month is a new run", second.get("id").asLong()
                    != cleanRun.get("id").asLong());
            JsonNode secondDone = awaitStatus(platform, second.get("id").asLong(), "COMPLETED");
            assertEquals("settling again stores nothing twice", 0, secondDone.get("claimsCreated").asLong());
            assertEquals(409, platform.post("/api/v1/settlements/" + cleanRun.get("id").asLong() + "/resume", "")
                    .statusCode());
            whatIfTheRevisionHadDecided(platform, cleanRun);
            assertEquals(0, platform.terminate());
        }
        int settledClasses = CLASSES - CLASSES / LATE_EVERY;
        long expectedClaims = (long) settledClasses * TRAINEES_PER_CLASS;
        assertEquals(CLASSES, cleanRun.get("classesTotal").asInt());
        assertEquals(CLASSES, cleanRun.get("classesDone").asInt());
        assertEquals("every late-filed class is skipped [K1]", CLASSES / LATE_EVERY,
                cleanRun.get("classesSkipped").asInt());
        assertEquals(expectedClaims, cleanRun.get("claimsCreated").asLong());
        long[] cleanRows = claimRows(home);
        BigDecimal cleanSum = sum(home);
        assertEquals("the run's count is what is stored", expectedClaims, cleanRows[0]);
        assertEquals("one claim per enrolment", cleanRows[0], cleanRows[1]);
        assertEquals("the run's yuan is what is stored", cleanRun.get("amount").decimalValue(), cleanSum);
        assertTrue("amounts vary with outcomes", cleanRun.get("amount").decimalValue().signum() > 0);
        forgetSettlements(home);
        assertEquals("the clean run's claims are gone", 0, claimRows(home)[0]);

        long runId;
        try (RunningPlatform platform = RunningPlatform.start(home, "e2e-settle-killed.log")) {
            awaitSichuan(platform);
            runId = started(platform).get("id").asLong();
            HttpResponse<String> partWay = platform.await("/api/v1/settlements/" + runId, r -> {
                JsonNode run = json(r);
                return run.get("classesDone").asInt() >= CLASSES / 4;
            }, RUN_TIMEOUT);
            assertEquals("killed part-way", "RUNNING", json(partWay).get("status").asText());
            platform.kill();
        }
        try (RunningPlatform platform = RunningPlatform.start(home, "e2e-settle-resumed.log")) {
            awaitSichuan(platform);
            // the killed node's run stays RUNNING under its lease; once that expires this node takes it over
            JsonNode left = json(platform.get("/api/v1/settlements/" + runId));
            int done = left.get("classesDone").asInt();
            assertTrue("killed mid-way: " + done, done >= CLASSES / 4 && done < CLASSES);
            assertEquals(left.toString(), "RUNNING", left.get("status").asText());
            HttpResponse<String> resumed = platform.post("/api/v1/settlements", START);
            assertEquals(resumed.body(), 202, resumed.statusCode());
            assertEquals("starting the month again answers the same run (taken over here once its lease expired)", runId,
                    json(resumed).get("id").asLong());
            JsonNode finished = awaitStatus(platform, runId, "COMPLETED");
            assertEquals(cleanRun.get("claimsCreated").asLong(), finished.get("claimsCreated").asLong());
            assertEquals(cleanRun.get("amount").decimalValue(), finished.get("amount").decimalValue());
            assertEquals(cleanRun.get("classesSkipped").asInt(), finished.get("classesSkipped").asInt());
            assertEquals(0, platform.terminate());
        }
        long[] killedRows = claimRows(home);
        assertEquals("the same claims as the clean run", cleanRows[0], killedRows[0]);
        assertEquals("no enrolment claimed twice", killedRows[0], killedRows[1]);
        assertEquals("the same yuan as the clean run", cleanSum, sum(home));
    }

    /**
     * The stored claims decided again by Sichuan 2025.2.0 (on STANDBY): the 25% share of 2026 changes
     * every granted claim of these 2026 classes, none of the refused ones; nothing is stored.
     */
    private void whatIfTheRevisionHadDecided(RunningPlatform platform, JsonNode cleanRun) throws Exception {
        String compare = "/api/v1/policies/510000/compare";
        assertEquals(422, platform.post(compare, "{\"candidate\": \"2031.1.0\", \"from\": \"2026-01-01\","
                + " \"to\": \"2026-12-31\"}").statusCode());
        assertEquals(422, platform.post(compare, "{\"candidate\": \"2025.2.0\", \"from\": \"2026-12-31\","
                + " \"to\": \"2026-01-01\"}").statusCode());
        long begin = System.nanoTime();
        HttpResponse<String> answer = platform.post(compare, "{\"candidate\": \"2025.2.0\", \"from\": \"2026-01-01\","
                + " \"to\": \"2026-12-31\", \"top\": 5}", Duration.ofMinutes(5));
        long millis = (System.nanoTime() - begin) / 1_000_000;
        assertEquals(answer.body(), 200, answer.statusCode());
        JsonNode comparison = json(answer);
        long claims = comparison.get("claims").asLong();
        System.out.printf("compare: %d stored claims decided again by 2025.2.0 in %d ms%n", claims, millis);
        assertEquals(cleanRun.get("claimsCreated").asLong(), claims);
        assertEquals("2025.2.0", comparison.get("candidate").get("version").asText());
        assertEquals(cleanRun.get("amount").decimalValue(), comparison.get("storedTotal").decimalValue());
        BigDecimal delta = comparison.get("delta").decimalValue();
        assertEquals(comparison.get("candidateTotal").decimalValue().subtract(comparison.get("storedTotal")
                .decimalValue()), delta);
        long changed = comparison.get("changed").asLong();
        // 2025.2.0 moves the assessment share from 20 % to 25 %, and SC2 pays the assessment part to every
        // enrolled trainee, passed or not (the seeded classes all have certificates): every claim changes
        assertEquals("the revision changes every claim", claims, changed);
        assertEquals(1, comparison.get("byOccupation").size());
        assertEquals(delta, comparison.get("byOccupation").get(0).get("delta").decimalValue());
        JsonNode largest = comparison.get("largest");
        assertEquals(5, largest.size());
        for (int i = 1; i < largest.size(); i++) {
            assertTrue("largest first", largest.get(i - 1).get("delta").decimalValue().abs()
                    .compareTo(largest.get(i).get("delta").decimalValue().abs()) >= 0);
        }
        assertEquals("2025.1.0", largest.get(0).get("storedDecision").get("policy").get("version").asText());
        assertEquals("2025.2.0", largest.get(0).get("candidateDecision").get("policy").get("version").asText());
    }

    private void refusesBadInput(RunningPlatform platform) throws Exception {
        HttpResponse<String> future = platform.post("/api/v1/settlements",
                "{\"regionCode\": \"510000\", \"month\": \"2027-01\"}");
        assertEquals(future.body(), 422, future.statusCode());
        assertTrue(future.body(), future.body().contains("\"month\"") && future.body().contains("not-future"));
        HttpResponse<String> region = platform.post("/api/v1/settlements", "{\"regionCode\": \"51\", \"month\": \"2026-10\"}");
        assertEquals(region.body(), 422, region.statusCode());
        assertTrue(region.body(), region.body().contains("\"regionCode\""));
        HttpResponse<String> month = platform.post("/api/v1/settlements", "{\"regionCode\": \"510000\", \"month\": \"10/2026\"}");
        assertEquals(month.body(), 422, month.statusCode());
        assertEquals(404, platform.get("/api/v1/settlements/999999").statusCode());
        assertEquals("nothing was started", 0, json(platform.get("/api/v1/settlements")).get("total").asInt());
    }

    private JsonNode started(RunningPlatform platform) throws Exception {
        HttpResponse<String> answer = platform.post("/api/v1/settlements", START);
        assertEquals(answer.body(), 202, answer.statusCode());
        JsonNode run = json(answer);
        assertTrue(answer.headers().firstValue("Location").orElseThrow().endsWith("/api/v1/settlements/"
                + run.get("id").asLong()));
        return run;
    }

    private JsonNode awaitStatus(RunningPlatform platform, long id, String status) throws Exception {
        return json(platform.await("/api/v1/settlements/" + id, r -> {
            JsonNode run = json(r);
            if ("FAILED".equals(run.get("status").asText())) {
                throw new AssertionError("settlement failed: " + r.body());
            }
            return status.equals(run.get("status").asText());
        }, RUN_TIMEOUT));
    }

    private static void awaitSichuan(RunningPlatform platform) throws Exception {
        platform.await("/api/v1/regions", r -> r.body().contains("510000"), Duration.ofSeconds(30));
    }


    /** The stored claims: how many, and how many distinct enrolments they are for. */
    private static long[] claimRows(Path home) throws SQLException {
        return query(home, "SELECT COUNT(*), COUNT(DISTINCT ENROLMENT_ID) FROM QC_CLAIM", r -> new long[] {
            r.getLong(1), r.getLong(2)});
    }

    private static BigDecimal sum(Path home) throws SQLException {
        return query(home, "SELECT SUM(AMOUNT) FROM QC_CLAIM", r -> r.getBigDecimal(1));
    }

    private interface Row<T> {
        T json(ResultSet row) throws SQLException;
    }

    private static <T> T query(Path home, String sql, Row<T> row) throws SQLException {
        try (Connection connection = connect(home)) {
            T result;
            try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
                rows.next();
                result = row.json(rows);
            }
            closeEmbedded(connection);
            return result;
        }
    }

    /**
     * Deletes the claims, runs and audit entries of the clean run, so the killed run starts from the
     * seed: the audit chain too (entries and head row; the next start begins a new chain). On PostgreSQL
     * the audit table's append-only trigger is disabled for that, as its owner can.
     */
    private static void forgetSettlements(Path home) throws SQLException {
        try (Connection connection = connect(home); Statement statement = connection.createStatement()) {
            statement.executeUpdate("DELETE FROM QC_CLAIM");
            statement.executeUpdate("DELETE FROM QC_SETTLEMENT");
            if (TestDatabase.configured()) {
                statement.executeUpdate("ALTER TABLE QC_AUDIT DISABLE TRIGGER qc_audit_append_only");
            }
            statement.executeUpdate("DELETE FROM QC_AUDIT");
            if (TestDatabase.configured()) {
                statement.executeUpdate("ALTER TABLE QC_AUDIT ENABLE TRIGGER qc_audit_append_only");
            }
            statement.executeUpdate("DELETE FROM QC_AUDIT_HEAD");
            closeEmbedded(connection);
        }
    }

    /** The platform's database while it is stopped: the home's HSQLDB file, or the configured one. */
    private static Connection connect(Path home) throws SQLException {
        return TestDatabase.configured()
                ? DriverManager.getConnection(TestDatabase.url(), System.getProperty("qc.test.db.user", ""),
                        System.getProperty("qc.test.db.password", ""))
                : DriverManager.getConnection(WorkflowSeed.hsqldbUrl(home), "SA", "");
    }

    /** Closes an embedded database cleanly, as the platform does, so its next start needs no recovery. */
    private static void closeEmbedded(Connection connection) throws SQLException {
        if (!TestDatabase.configured()) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("SHUTDOWN");
            }
        }
    }
}
