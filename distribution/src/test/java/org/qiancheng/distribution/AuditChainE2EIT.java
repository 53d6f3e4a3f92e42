package org.qiancheng.distribution;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.qiancheng.distribution.RunningPlatform.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.Test;
import org.qiancheng.testing.seed.WorkflowSeed;

/**
 * The tamper-evident audit trail of the assembled platform, over HTTP: the key created in
 * {@code etc/} at the first start, sequence numbers in {@code GET /audit}, an intact chain and a
 * signed checkpoint; then, with the platform stopped, entries changed in the database behind its
 * back (on PostgreSQL past the append-only trigger, as its owner can), and after a restart
 * {@code GET /audit/verify} naming the first broken entry, and a checkpoint catching a tail deleted
 * together with the head row.
 */
public class AuditChainE2EIT {

    @Test
    public void theChainCatchesWhatIsChangedBehindThePlatformsBack() throws Exception {
        Path home = Files.createTempDirectory(Path.of("target"), "e2e-audit-").toAbsolutePath();
        JsonNode checkpoint;
        long entries;
        String secondActor = null;
        try (RunningPlatform platform = RunningPlatform.start(home, "e2e-audit-first.log")) {
            Path key = home.resolve("etc/audit.key");
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(key)));
            for (String name : new String[] {"成都市链一培训学校", "成都市链二培训学校", "成都市链三培训学校"}) {
                HttpResponse<String> created = platform.send("POST", "/api/v1/institutions",
                        "{\"name\": \"" + name + "\", \"regionCode\": \"510100\"}");
                assertEquals(created.body(), 201, created.statusCode());
            }
            JsonNode trail = json(platform.get("/api/v1/audit?limit=500"));
            entries = trail.get("total").asLong();
            assertTrue("the three creations at least", entries >= 3);
            for (int i = 0; i < trail.get("items").size(); i++) {
                assertEquals("newest first, numbered without gaps", entries - i,
                        trail.get("items").get(i).get("sequence").asLong());
                if (entries - i == 2) {
                    secondActor = trail.get("items").get(i).get("actor").asText();
                }
            }
            JsonNode verified = json(platform.get("/api/v1/audit/verify"));
            assertEquals(verified.toString(), true, verified.get("ok").asBoolean());
            assertEquals(entries, verified.get("entries").asLong());
            assertTrue(verified.get("firstBroken").isNull());

            checkpoint = json(platform.get("/api/v1/audit/checkpoint"));
            assertEquals(entries, checkpoint.get("sequence").asLong());
            assertEquals(200, platform.get("/api/v1/audit/verify" + query(checkpoint, null)).statusCode());
            HttpResponse<String> forged = platform.get("/api/v1/audit/verify" + query(checkpoint, "0".repeat(64)));
            assertEquals(forged.body(), 422, forged.statusCode());
            assertEquals("signature", json(forged).get("violations").get(0).get("field").asText());
            assertEquals(0, platform.terminate());
        }

        tamper(home, "UPDATE QC_AUDIT SET ACTOR = 'mallory' WHERE SEQ = 2");
        try (RunningPlatform platform = RunningPlatform.start(home, "e2e-audit-edited.log")) {
            JsonNode verified = json(platform.get("/api/v1/audit/verify"));
            assertFalse(verified.toString(), verified.get("ok").asBoolean());
            assertEquals(2, verified.get("firstBroken").asLong());
            assertTrue(verified.toString(), verified.get("reason").get("en").asText().contains("entry 2"));
            assertFalse(verified.get("reason").get("zh").asText().isBlank());
            assertEquals(0, platform.terminate());
        }

        // the edit undone, the last two entries deleted and the head row made to match what is left
        tamper(home, "UPDATE QC_AUDIT SET ACTOR = '" + secondActor + "' WHERE SEQ = 2",
                "DELETE FROM QC_AUDIT WHERE SEQ > " + (entries - 2),
                "UPDATE QC_AUDIT_HEAD SET SEQ = " + (entries - 2) + ", MAC = (SELECT MAC FROM QC_AUDIT WHERE SEQ = "
                        + (entries - 2) + ")");
        try (RunningPlatform platform = RunningPlatform.start(home, "e2e-audit-truncated.log")) {
            JsonNode alone = json(platform.get("/api/v1/audit/verify"));
            // the start and the staff's logins append entries that chain onto what is left: the trail alone
            // looks whole, only a checkpoint kept elsewhere tells that entries were lost
            assertTrue(alone.toString(), alone.get("ok").asBoolean());
            JsonNode against = json(platform.get("/api/v1/audit/verify" + query(checkpoint, null)));
            assertFalse(against.toString(), against.get("ok").asBoolean());
            long broken = against.get("firstBroken").asLong();
            assertTrue(against.toString(), broken > entries - 2 && broken <= entries);
            assertEquals(0, platform.terminate());
        }
    }

    private static String query(JsonNode checkpoint, String signature) {
        return "?sequence=" + checkpoint.get("sequence").asLong() + "&headMac=" + checkpoint.get("headMac").asText()
                + "&at=" + checkpoint.get("at").asText() + "&signature="
                + (signature == null ? checkpoint.get("signature").asText() : signature);
    }

    /** Runs statements on the stopped platform's database as someone with write access to it would. */
    private static void tamper(Path home, String... statements) throws SQLException {
        boolean postgresql = TestDatabase.configured();
        try (Connection connection = postgresql
                ? DriverManager.getConnection(TestDatabase.url(), System.getProperty("qc.test.db.user", ""),
                        System.getProperty("qc.test.db.password", ""))
                : DriverManager.getConnection(WorkflowSeed.hsqldbUrl(home), "SA", "");
                Statement statement = connection.createStatement()) {
            if (postgresql) {
                statement.execute("SET session_replication_role = replica"); // past the append-only trigger
            }
            for (String sql : statements) {
                statement.executeUpdate(sql);
            }
            if (!postgresql) {
                statement.execute("SHUTDOWN");
            }
        }
    }
}
