package org.qiancheng.persistence.internal.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import org.hsqldb.jdbc.JDBCDataSource;
import org.junit.jupiter.api.Test;

/** A claim table whose decision JSON is NOT NULL, as before {@link DecisionCodec}, takes rows without it once moved. */
class DecisionColumnTest {

    @Test
    void anOldTableTakesClaimsWithoutJsonAndKeepsItsRows() throws SQLException {
        JDBCDataSource source = new JDBCDataSource();
        source.setUrl("jdbc:hsqldb:mem:decisioncolumn;shutdown=true");
        source.setUser("SA");
        try (Connection keep = source.getConnection(); Statement sql = keep.createStatement()) {
            sql.execute("CREATE TABLE QC_CLAIM (ID BIGINT PRIMARY KEY, DECISION_JSON VARCHAR(16777216) NOT NULL,"
                    + " DECISION_DATA VARBINARY(16777216))");
            sql.execute("INSERT INTO QC_CLAIM (ID, DECISION_JSON) VALUES (1, '{}')");

            assertTrue(DecisionColumn.migrate(source).isPresent());
            sql.execute("INSERT INTO QC_CLAIM (ID, DECISION_DATA) VALUES (2, X'01')");
            try (var rows = sql.executeQuery("SELECT COUNT(*) FROM QC_CLAIM WHERE DECISION_JSON = '{}'")) {
                rows.next();
                assertEquals(1, rows.getInt(1), "the old row keeps its JSON");
            }
            assertEquals(Optional.empty(), DecisionColumn.migrate(source), "a moved table is left alone");
            sql.execute("SHUTDOWN");
        }
    }
}
