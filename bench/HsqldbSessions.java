import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Whether HSQLDB runs a settlement's reads on a second session beside its writes, which a settlement
 * split into a reading thread and a writing thread would need to be faster on the embedded database.
 * On a seeded database (bench/hsqldb-sessions.sh), in the platform's own HSQLDB mode (cached tables,
 * MVCC, every commit written through):
 * <ul>
 * <li>{@code W}: one session inserts what a settlement writes, BATCHES commits of 1 000 claims and 1 000
 * audit entries (the claims' and the audit table's own indexes), in JDBC batches of 50;</li>
 * <li>{@code R}: another session reads what a settlement reads for BATCHES batches of 20 classes: the
 * classes' enrolments, their trainees, and each trainee's earlier claims;</li>
 * <li>{@code WR}: both at once, each on its own thread and connection.</li>
 * </ul>
 * Prints one line: MODE, wall-clock ms, the writer's and the reader's ms, rows written and read. Exits 1
 * when a session that was to work wrote or read nothing.
 * <pre>java -cp HSQLDB_JAR bench/HsqldbSessions.java DATA_DIR MODE BATCHES</pre>
 */
public class HsqldbSessions {

    private static final int CLASSES_PER_BATCH = 20;
    private static final int CLAIMS_PER_COMMIT = 1000;

    public static void main(String[] args) throws Exception {
        String url = "jdbc:hsqldb:file:" + args[0] + "/qiancheng;hsqldb.default_table_type=cached"
                + ";hsqldb.write_delay=false;hsqldb.tx=mvcc;hsqldb.nio_data_file=false;hsqldb.cache_rows=10000";
        String mode = args[1];
        int batches = Integer.parseInt(args[2]);
        long[] classes = classIds(url);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        long begin = System.nanoTime();
        Future<long[]> writer = mode.contains("W") ? threads.submit(() -> write(url, batches)) : null;
        Future<long[]> reader = mode.contains("R") ? threads.submit(() -> read(url, classes, batches)) : null;
        long[] wrote = writer == null ? new long[2] : writer.get();
        long[] read = reader == null ? new long[2] : reader.get();
        long ms = (System.nanoTime() - begin) / 1_000_000;
        threads.shutdown();
        try (Connection connection = DriverManager.getConnection(url, "SA", "")) {
            connection.createStatement().execute("SHUTDOWN");
        }
        System.out.printf("%s %d ms; writer %d ms, %d rows; reader %d ms, %d rows%n", mode, ms, wrote[0], wrote[1],
                read[0], read[1]);
        if ((writer != null && wrote[1] == 0) || (reader != null && read[1] == 0)) {
            System.err.println("a session wrote or read nothing: nothing measured");
            System.exit(1);
        }
    }

    private static long[] classIds(String url) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(url, "SA", "");
                ResultSet rows = connection.createStatement().executeQuery("SELECT ID FROM QC_CLASS ORDER BY ID")) {
            while (rows.next()) {
                ids.add(rows.getLong(1));
            }
        }
        return ids.stream().mapToLong(Long::longValue).toArray();
    }

    /** @return ms, rows written */
    private static long[] write(String url, int batches) throws SQLException {
        long begin = System.nanoTime();
        long rows = 0;
        byte[] decision = new byte[260];
        new Random(1).nextBytes(decision);
        String after = "x".repeat(120);
        String mac = "0123456789abcdef".repeat(4);
        BigDecimal amount = new BigDecimal("1200.00");
        Date start = Date.valueOf("2026-10-01");
        Timestamp now = new Timestamp(System.currentTimeMillis());
        try (Connection connection = DriverManager.getConnection(url, "SA", "");
                PreparedStatement claim = connection.prepareStatement("INSERT INTO QC_CLAIM (ID, CLASS_ID,"
                        + " ENROLMENT_ID, SUPPLEMENT, TRAINEE_ID, INSTITUTION_ID, AMOUNT, CLASS_START, SKILL_LEVEL,"
                        + " OCCUPATION_CODE, REGION_CODE, STATUS, DECISION_DATA, COMPUTED_BY, VERSION)"
                        + " VALUES (?, ?, ?, 0, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)");
                PreparedStatement audit = connection.prepareStatement("INSERT INTO QC_AUDIT (ID, OCCURRED_AT, ACTOR,"
                        + " ACTION_NAME, ENTITY_KIND, ENTITY_ID, AFTER_JSON, MAC, SEQ) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            connection.setAutoCommit(false);
            // ids far above the seed's, so that no key collides with a seeded row
            long id = 50_000_000L;
            for (int batch = 0; batch < batches; batch++) {
                for (int i = 0; i < CLAIMS_PER_COMMIT; i++) {
                    id++;
                    claim.setLong(1, id);
                    claim.setLong(2, 9_000_000L + batch * CLASSES_PER_BATCH + i / 50);
                    claim.setLong(3, id);
                    claim.setLong(4, 1 + (id * 7919) % 1_000_000);
                    claim.setLong(5, 1 + batch % 50);
                    claim.setBigDecimal(6, amount);
                    claim.setDate(7, start);
                    claim.setString(8, "INTERMEDIATE");
                    claim.setString(9, "6-01-02-00");
                    claim.setString(10, "510000");
                    claim.setString(11, "COMPUTED");
                    claim.setBytes(12, decision);
                    claim.setString(13, "finance");
                    claim.addBatch();
                    audit.setLong(1, id);
                    audit.setTimestamp(2, now);
                    audit.setString(3, "finance");
                    audit.setString(4, "computed");
                    audit.setString(5, "claim");
                    audit.setLong(6, id);
                    audit.setString(7, after);
                    audit.setString(8, mac);
                    audit.setLong(9, id);
                    audit.addBatch();
                    if (i % 50 == 49) {
                        rows += claim.executeBatch().length + audit.executeBatch().length;
                    }
                }
                connection.commit();
            }
        }
        return new long[] {(System.nanoTime() - begin) / 1_000_000, rows};
    }

    /** @return ms, rows read */
    private static long[] read(String url, long[] classes, int batches) throws SQLException {
        long begin = System.nanoTime();
        long rows = 0;
        String classMarks = String.join(", ", Collections.nCopies(CLASSES_PER_BATCH, "?"));
        try (Connection connection = DriverManager.getConnection(url, "SA", "");
                PreparedStatement enrolments = connection.prepareStatement("SELECT ID, CLASS_ID, TRAINEE_ID,"
                        + " ATTENDED_DAYS, CERTIFICATE_LEVEL, PASSED, POLICY_HASH, EMPLOYMENT FROM QC_ENROLMENT"
                        + " WHERE CLASS_ID IN (" + classMarks + ") ORDER BY ID");
                PreparedStatement earlier = connection.prepareStatement(
                        "SELECT TRAINEE_ID, AMOUNT, CLASS_START FROM QC_CLAIM WHERE TRAINEE_ID = ?")) {
            connection.setAutoCommit(false);
            for (int batch = 0; batch < batches; batch++) {
                List<Long> trainees = new ArrayList<>();
                for (int i = 0; i < CLASSES_PER_BATCH; i++) {
                    enrolments.setLong(i + 1, classes[(batch * CLASSES_PER_BATCH + i) % classes.length]);
                }
                try (ResultSet result = enrolments.executeQuery()) {
                    while (result.next()) {
                        trainees.add(result.getLong(3));
                        result.getString(7);
                        rows++;
                    }
                }
                rows += trainees(connection, trainees);
                for (long trainee : trainees) {
                    earlier.setLong(1, trainee);
                    try (ResultSet result = earlier.executeQuery()) {
                        while (result.next()) {
                            rows++;
                        }
                    }
                }
                connection.commit();
            }
        }
        return new long[] {(System.nanoTime() - begin) / 1_000_000, rows};
    }

    private static long trainees(Connection connection, List<Long> ids) throws SQLException {
        long rows = 0;
        for (int from = 0; from < ids.size(); from += 500) {
            List<Long> part = ids.subList(from, Math.min(ids.size(), from + 500));
            String marks = String.join(", ", Collections.nCopies(part.size(), "?"));
            try (PreparedStatement query = connection.prepareStatement("SELECT ID, RESIDENT_ID, NAME, HOUSEHOLD_REGION,"
                    + " RESIDENCE_REGION, RECEIVES_PENSION, TARGET_GROUPS FROM QC_TRAINEE WHERE ID IN (" + marks + ")")) {
                for (int i = 0; i < part.size(); i++) {
                    query.setLong(i + 1, part.get(i));
                }
                try (ResultSet result = query.executeQuery()) {
                    while (result.next()) {
                        result.getString(2);
                        rows++;
                    }
                }
            }
        }
        return rows;
    }
}
