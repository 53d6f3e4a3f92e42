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
 *   jdbc-baseline HOME                        time a plain JDBC batch insert of its stored claims and their audit rows
 *   storage HOME                              what the stored claims, their audit rows and the dictionaries take
 *   jdbc-baseline-db URL USER PASSWORD -, storage-db URL USER PASSWORD -
 *                                             the same on a database server
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
        } else if (args.length == 2 && (args[0].equals("jdbc-baseline") || args[0].equals("storage"))) {
            try (Connection connection = DriverManager.getConnection(WorkflowSeed.hsqldbUrl(Path.of(args[1])), "SA", "")) {
                if (args[0].equals("storage")) {
                    storage(connection);
                } else {
                    baseline(connection);
                }
                try (Statement statement = connection.createStatement()) {
                    statement.execute("SHUTDOWN");
                }
            }
        } else if (args.length == 5 && (args[0].equals("jdbc-baseline-db") || args[0].equals("storage-db"))) {
            try (Connection connection = DriverManager.getConnection(args[1], args[2], args[3])) {
                if (args[0].equals("storage-db")) {
                    storage(connection);
                } else {
                    baseline(connection);
                }
            }
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
                    + " TRAINEES_PER_CLASS | jdbc-baseline HOME | storage HOME | jdbc-baseline-db URL USER PASSWORD -"
                    + " | storage-db URL USER PASSWORD -"
                    + " | swap-load BASE_URL SECONDS RATE DEPLOY_DIR BUNDLE_JAR"
                    + " | console-paint BASE_URL USERNAME PASSWORD RUNS"
                    + " | staff BASE_URL ADMIN_INITIAL_PASSWORD"
                    + " | login-bench BASE_URL USERNAME PASSWORD SEQUENTIAL CLIENTS SECONDS"
                    + " | load BASE_URL METHOD PATH BODY_FILE|- CLIENTS SECONDS WARM_UP_SECONDS");
            System.exit(2);
        }
    }

    /**
     * Copies what a settlement stored, as it is, into tables of the same columns and indexes with plain
     * JDBC batches (1 000 rows a batch, a commit every 10 000): every claim row, and every audit row of
     * a claim. Times only the inserts and commits; prints the rows and the milliseconds, then drops the
     * copies.
     */
    private static void baseline(Connection connection) throws SQLException {
        try (Statement ddl = connection.createStatement()) {
            connection.setAutoCommit(false);
            long[] claims = copy(connection, ddl, "QC_CLAIM", "TRUE", new String[] {"CLASS_ID", "TRAINEE_ID",
                "INSTITUTION_ID"}, "ENROLMENT_ID, SUPPLEMENT");
            // COALESCE keeps the entity's index out of the plan: on it, HSQLDB read every claim's entry and sorted
            // them for each chunk (minutes at 10^6 before the timed part); on the primary key it reads each once
            long[] audit = copy(connection, ddl, "QC_AUDIT", "COALESCE(ENTITY_KIND, ENTITY_KIND) = 'claim'",
                    new String[] {"ENTITY_KIND, ENTITY_ID"}, "SEQ");
            long nanos = claims[1] + audit[1];
            System.out.printf("jdbc baseline: %d rows (%d claims, %d audit entries) in %d ms (%.0f rows/s)%n",
                    claims[0] + audit[0], claims[0], audit[0], nanos / 1_000_000, (claims[0] + audit[0]) / (nanos / 1e9));
        }
    }

    /** @return the rows copied and the nanoseconds their inserts and commits took */
    private static long[] copy(Connection connection, Statement ddl, String table, String where, String[] indexes,
            String unique) throws SQLException {
        String copy = table + "_JDBC";
        ddl.execute("DROP TABLE IF EXISTS " + copy);
        ddl.execute("CREATE TABLE " + copy + " AS (SELECT * FROM " + table + ") WITH NO DATA");
        ddl.execute("ALTER TABLE " + copy + " ADD PRIMARY KEY (ID)");
        for (int i = 0; i < indexes.length; i++) {
            ddl.execute("CREATE INDEX IX_" + copy + "_" + i + " ON " + copy + " (" + indexes[i] + ")");
        }
        ddl.execute("CREATE UNIQUE INDEX IX_" + copy + "_KEY ON " + copy + " (" + unique + ")");
        connection.commit();
        long rows = 0;
        long insertNanos = 0;
        long after = -1;
        try (PreparedStatement read = connection.prepareStatement("SELECT * FROM " + table + " WHERE ID > ? AND "
                + where + " ORDER BY ID LIMIT " + CHUNK)) {
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
                insert(connection, copy, chunk, columns);
                insertNanos += System.nanoTime() - begin;
                rows += chunk.size();
            }
        }
        ddl.execute("DROP TABLE " + copy);
        connection.commit();
        return new long[] {rows, insertNanos};
    }

    /**
     * What the settlement stored, column by column: the average stored decision, the average audit
     * entry of a claim, and the decision dictionaries.
     */
    private static void storage(Connection connection) throws SQLException {
        try (Statement sql = connection.createStatement()) {
            try (ResultSet r = sql.executeQuery("SELECT COUNT(*), AVG(OCTET_LENGTH(DECISION_DATA)),"
                    + " AVG(CHAR_LENGTH(DECISION_JSON)) FROM QC_CLAIM")) {
                r.next();
                System.out.printf("claims: %d, stored decision %s bytes on average (%s characters of JSON in older rows)%n",
                        r.getLong(1), r.getString(2), r.getString(3));
            }
            try (ResultSet r = sql.executeQuery("SELECT COUNT(*), AVG(CHAR_LENGTH(AFTER_JSON)) FROM QC_AUDIT"
                    + " WHERE ENTITY_KIND = 'claim'")) {
                r.next();
                System.out.printf("audit entries of claims: %d, %s characters of JSON on average%n", r.getLong(1),
                        r.getString(2));
            }
            try (ResultSet r = sql.executeQuery("SELECT COUNT(*), SUM(OCTET_LENGTH(SAMPLE)) FROM QC_DECISION_DICT")) {
                r.next();
                System.out.printf("decision dictionaries: %d, %s bytes%n", r.getLong(1), r.getString(2));
            }
        }
    }

    private static void insert(Connection connection, String table, java.util.List<Object[]> rows, int columns)
            throws SQLException {
        String marks = String.join(", ", java.util.Collections.nCopies(columns, "?"));
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + table + " VALUES (" + marks + ")")) {
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
