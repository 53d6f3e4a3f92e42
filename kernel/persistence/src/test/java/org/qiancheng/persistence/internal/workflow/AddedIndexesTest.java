package org.qiancheng.persistence.internal.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.hsqldb.jdbc.JDBCDataSource;
import org.junit.jupiter.api.Test;

/** A table made before an index was declared gets it once, by name, with its rows indexed. */
class AddedIndexesTest {

    @Test
    void anOlderTableGetsTheIndexOnceAndKeepsItsRows() throws SQLException {
        JDBCDataSource source = new JDBCDataSource();
        source.setUrl("jdbc:hsqldb:mem:addedindexes;shutdown=true");
        source.setUser("SA");
        try (Connection keep = source.getConnection(); Statement sql = keep.createStatement()) {
            sql.execute("CREATE TABLE QC_ENROLMENT (ID BIGINT PRIMARY KEY, EMPLOYMENT_RECORDED_ON DATE)");
            sql.execute("INSERT INTO QC_ENROLMENT VALUES (1, DATE '2026-10-05'), (2, NULL), (3, DATE '2026-09-30')");

            assertEquals(List.of("index IX_QC_ENROLMENT_EMPLOYMENT created"), AddedIndexes.migrate(source));
            assertEquals(List.of("EMPLOYMENT_RECORDED_ON"),
                    SchemaChange.indexes(keep, "QC_ENROLMENT", false).get("IX_QC_ENROLMENT_EMPLOYMENT"));
            assertEquals(List.of(), AddedIndexes.migrate(source), "an index of the name is there already");

            try (var plan = sql.executeQuery("EXPLAIN PLAN FOR SELECT ID FROM QC_ENROLMENT WHERE"
                    + " EMPLOYMENT_RECORDED_ON BETWEEN DATE '2026-10-01' AND DATE '2026-10-31' AND ID > 0 ORDER BY ID")) {
                StringBuilder text = new StringBuilder();
                while (plan.next()) {
                    text.append(plan.getString(1));
                }
                assertTrue(text.toString().contains("index=IX_QC_ENROLMENT_EMPLOYMENT"), text::toString);
            }
            try (var rows = sql.executeQuery("SELECT ID FROM QC_ENROLMENT WHERE EMPLOYMENT_RECORDED_ON"
                    + " BETWEEN DATE '2026-10-01' AND DATE '2026-10-31'")) {
                assertTrue(rows.next());
                assertEquals(1, rows.getLong(1));
                assertTrue(!rows.next());
            }
            sql.execute("SHUTDOWN");
        }
    }
}
