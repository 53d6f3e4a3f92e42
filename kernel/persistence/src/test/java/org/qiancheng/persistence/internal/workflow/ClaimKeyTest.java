package org.qiancheng.persistence.internal.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import org.hsqldb.jdbc.JDBCDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A database of the shape before top-ups — the enrolment alone unique, by a column constraint and by
 * an index, as EclipseLink made it — is moved to the key of enrolment and supplement, keeping its rows;
 * on HSQLDB always, on PostgreSQL when the tests are pointed at one ({@code -Dqc.test.db.url}), in a
 * schema of its own so that the shared tables are not touched.
 */
class ClaimKeyTest {

    @Test
    void anOldHsqldbDatabaseGetsTheNewKeyOnceAndKeepsItsClaims() throws SQLException {
        JDBCDataSource source = new JDBCDataSource();
        source.setUrl("jdbc:hsqldb:mem:claimkey;shutdown=true");
        source.setUser("SA");
        try (Connection keep = source.getConnection(); Statement sql = keep.createStatement()) {
            movesTheOldShape(source, sql);
            sql.execute("SHUTDOWN");
        }
    }

    @Test
    @EnabledIfSystemProperty(named = "qc.test.db.url", matches = "jdbc:postgresql:.*")
    void anOldPostgresqlDatabaseGetsTheNewKeyOnceAndKeepsItsClaims() throws SQLException {
        String schema = "claimkey_" + Long.toHexString(System.nanoTime()).toLowerCase(Locale.ROOT);
        String url = System.getProperty("qc.test.db.url");
        PGSimpleDataSource shared = source(url);
        try (Connection admin = shared.getConnection(); Statement ddl = admin.createStatement()) {
            ddl.execute("CREATE SCHEMA " + schema);
            try {
                PGSimpleDataSource own = source(url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema);
                try (Connection connection = own.getConnection(); Statement sql = connection.createStatement()) {
                    movesTheOldShape(own, sql);
                }
            } finally {
                ddl.execute("DROP SCHEMA " + schema + " CASCADE");
            }
        }
    }

    private static PGSimpleDataSource source(String url) {
        PGSimpleDataSource source = new PGSimpleDataSource();
        source.setUrl(url);
        source.setUser(System.getProperty("qc.test.db.user", ""));
        source.setPassword(System.getProperty("qc.test.db.password", ""));
        return source;
    }

    private static void movesTheOldShape(DataSource source, Statement sql) throws SQLException {
        sql.execute("CREATE TABLE QC_CLAIM (ID BIGINT PRIMARY KEY, ENROLMENT_ID BIGINT NOT NULL UNIQUE,"
                + " AMOUNT DECIMAL(14,2), SUPPLEMENT INTEGER, TOPUP_OF BIGINT)");
        sql.execute("CREATE UNIQUE INDEX INDEX_QC_CLAIM_ENROLMENT_ID ON QC_CLAIM (ENROLMENT_ID)");
        sql.execute("INSERT INTO QC_CLAIM (ID, ENROLMENT_ID, AMOUNT) VALUES (1, 7, 1800.00)");

        List<String> changed = ClaimKey.migrate(source);
        assertTrue(changed.contains("1 claims marked original"), changed.toString());
        assertTrue(changed.stream().anyMatch(c -> c.startsWith("constraint ")), changed.toString());
        assertTrue(changed.stream().anyMatch(c -> c.equalsIgnoreCase("index INDEX_QC_CLAIM_ENROLMENT_ID dropped")),
                changed.toString());
        assertTrue(changed.contains("index " + ClaimKey.INDEX + " created"), changed.toString());

        sql.execute("INSERT INTO QC_CLAIM (ID, ENROLMENT_ID, AMOUNT, SUPPLEMENT, TOPUP_OF) VALUES (2, 7, 900.00, 1, 1)");
        assertThrows(SQLException.class, () -> sql.execute(
                "INSERT INTO QC_CLAIM (ID, ENROLMENT_ID, AMOUNT, SUPPLEMENT) VALUES (3, 7, 1.00, 0)"),
                "a second original claim of the enrolment");
        assertThrows(SQLException.class, () -> sql.execute(
                "INSERT INTO QC_CLAIM (ID, ENROLMENT_ID, AMOUNT, SUPPLEMENT, TOPUP_OF) VALUES (4, 7, 1.00, 1, 1)"),
                "a second top-up of the enrolment");
        try (var rows = sql.executeQuery("SELECT COUNT(*) FROM QC_CLAIM WHERE ENROLMENT_ID = 7 AND SUPPLEMENT = 0")) {
            rows.next();
            assertEquals(1, rows.getInt(1), "the old claim is the original");
        }
        assertEquals(List.of(), ClaimKey.migrate(source), "a database with the key is left alone");
    }
}
