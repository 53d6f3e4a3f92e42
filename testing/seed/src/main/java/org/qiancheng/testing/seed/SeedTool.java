package org.qiancheng.testing.seed;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;

/**
 * The command line of the bench/ harnesses:
 * <pre>
 *   seed HOME CLASSES TRAINEES_PER_CLASS     seed a stopped platform's database
 *   seed-db URL USER PASSWORD CLASSES TRAINEES_PER_CLASS
 *                                             the same on a database server (PostgreSQL: the driver on the class path)
 *   jdbc-baseline HOME                        time a plain JDBC batch insert of its stored claims
 *   staff BASE_URL ADMIN_INITIAL_PASSWORD     set up the users of a fresh platform, print their tokens
 *                                             ({@link BenchStaff}; bench/lib.sh login_staff)
 *   login-bench …, load …                     closed-loop HTTP harnesses ({@link HttpBench})
 *   swap-load …                               the swap-under-load harness ({@link SwapLoad})
 *   console-paint BASE USER PASSWORD RUNS     the console's dashboard in chromium ({@link ConsolePaint})
 * </pre>
 */
public final class SeedTool {

    private static final int CHUNK = 10_000;
    private static final int BATCH = 1_000;

    private SeedTool() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 4 && args[0].equals("seed")) {
            WorkflowSeed.Plan plan = new WorkflowSeed.Plan("510104", "6-31-01-03", "JUNIOR", Integer.parseInt(args[2]),
                    Integer.parseInt(args[3]), LocalDate.parse("2026-09-07"), LocalDate.parse("2026-10-01"), 0);
            long begin = System.nanoTime();
            long[] classes = WorkflowSeed.seedHome(Path.of(args[1]), plan);
            System.out.printf("seeded %d classes (ids %d–%d), %d enrolments with outcomes in %d ms%n", plan.classes(),
                    classes[0], classes[1], plan.enrolments(), (System.nanoTime() - begin) / 1_000_000);
        } else if (args.length == 6 && args[0].equals("seed-db")) {
            WorkflowSeed.Plan plan = new WorkflowSeed.Plan("510104", "6-31-01-03", "JUNIOR", Integer.parseInt(args[4]),
                    Integer.parseInt(args[5]), LocalDate.parse("2026-09-07"), LocalDate.parse("2026-10-01"), 0);
            long begin = System.nanoTime();
            try (Connection connection = DriverManager.getConnection(args[1], args[2], args[3])) {
                long[] classes = WorkflowSeed.seed(connection, plan);
                System.out.printf("seeded %d classes (ids %d–%d), %d enrolments with outcomes in %d ms%n",
                        plan.classes(), classes[0], classes[1], plan.enrolments(), (System.nanoTime() - begin) / 1_000_000);
            }
        } else if (args.length == 2 && args[0].equals("jdbc-baseline")) {
            baseline(Path.of(args[1]));
        } else if (args.length > 0 && args[0].equals("staff")) {
            BenchStaff.main(java.util.Arrays.copyOfRange(args, 1, args.length));
        } else if (args.length > 0 && (args[0].equals("login-bench") || args[0].equals("load"))) {
            HttpBench.main(args);
        } else if (args.length == 5 && args[0].equals("console-paint")) {
            ConsolePaint.main(java.util.Arrays.copyOfRange(args, 1, args.length));
        } else if (args.length > 0 && args[0].equals("swap-load")) {
            SwapLoad.main(java.util.Arrays.copyOfRange(args, 1, args.length));
        } else {
            System.err.println("usage: seed HOME CLASSES TRAINEES_PER_CLASS | seed-db URL USER PASSWORD CLASSES"
                    + " TRAINEES_PER_CLASS | jdbc-baseline HOME"
                    + " | swap-load BASE_URL SECONDS RATE DEPLOY_DIR BUNDLE_JAR"
                    + " | console-paint BASE_URL USERNAME PASSWORD RUNS"
                    + " | staff BASE_URL ADMIN_INITIAL_PASSWORD"
                    + " | login-bench BASE_URL USERNAME PASSWORD SEQUENTIAL CLIENTS SECONDS"
                    + " | load BASE_URL METHOD PATH BODY_FILE|- CLIENTS SECONDS WARM_UP_SECONDS");
            System.exit(2);
        }
    }

    /**
     * Copies every stored claim row, as it is, into a table of the same columns and indexes with
     * plain JDBC batches (1 000 rows a batch, a commit every 10 000), timing only the inserts and
     * commits; prints the rows and the milliseconds, then drops the copy.
     */
    private static void baseline(Path home) throws SQLException {
        try (Connection connection = DriverManager.getConnection(WorkflowSeed.hsqldbUrl(home), "SA", "");
                Statement ddl = connection.createStatement()) {
            connection.setAutoCommit(false);
            ddl.execute("DROP TABLE QC_CLAIM_JDBC IF EXISTS");
            ddl.execute("CREATE TABLE QC_CLAIM_JDBC AS (SELECT * FROM QC_CLAIM) WITH NO DATA");
            for (String column : new String[] {"CLASS_ID", "TRAINEE_ID", "INSTITUTION_ID"}) {
                ddl.execute("CREATE INDEX IX_JDBC_" + column + " ON QC_CLAIM_JDBC (" + column + ")");
            }
            ddl.execute("CREATE UNIQUE INDEX IX_JDBC_ENROLMENT ON QC_CLAIM_JDBC (ENROLMENT_ID)");
            connection.commit();
            long rows = 0;
            long insertNanos = 0;
            long after = -1;
            try (PreparedStatement read = connection.prepareStatement("SELECT * FROM QC_CLAIM WHERE ID > ? ORDER BY ID"
                    + " LIMIT " + CHUNK)) {
                while (true) {
                    read.setLong(1, after);
                    java.util.List<Object[]> chunk = new java.util.ArrayList<>(CHUNK);
                    int columns;
                    try (ResultSet result = read.executeQuery()) {
                        ResultSetMetaData meta = result.getMetaData();
                        columns = meta.getColumnCount();
                        while (result.next()) {
                            Object[] row = new Object[columns];
                            for (int i = 0; i < columns; i++) {
                                row[i] = result.getObject(i + 1);
                            }
                            chunk.add(row);
                            after = result.getLong("ID");
                        }
                    }
                    if (chunk.isEmpty()) {
                        break;
                    }
                    long begin = System.nanoTime();
                    insert(connection, chunk, columns);
                    insertNanos += System.nanoTime() - begin;
                    rows += chunk.size();
                }
            }
            System.out.printf("jdbc baseline: %d rows in %d ms (%.0f rows/s)%n", rows, insertNanos / 1_000_000,
                    rows / (insertNanos / 1e9));
            ddl.execute("DROP TABLE QC_CLAIM_JDBC");
            connection.commit();
            ddl.execute("SHUTDOWN");
        }
    }

    private static void insert(Connection connection, java.util.List<Object[]> rows, int columns) throws SQLException {
        String marks = String.join(", ", java.util.Collections.nCopies(columns, "?"));
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO QC_CLAIM_JDBC VALUES (" + marks + ")")) {
            int pending = 0;
            for (Object[] row : rows) {
                for (int i = 0; i < columns; i++) {
                    insert.setObject(i + 1, row[i]);
                }
                insert.addBatch();
                if (++pending == BATCH) {
                    insert.executeBatch();
                    pending = 0;
                }
            }
            if (pending > 0) {
                insert.executeBatch();
            }
        }
        connection.commit();
    }
}
