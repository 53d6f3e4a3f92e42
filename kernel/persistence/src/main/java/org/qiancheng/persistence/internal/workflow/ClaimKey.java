package org.qiancheng.persistence.internal.workflow;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * The unique key of a claim: its enrolment and whether it is the original or the top-up. Before
 * top-ups the key was the enrolment alone, and EclipseLink's {@code create-or-extend-tables} adds
 * columns but never changes a constraint; so at every start this moves a database of the old shape
 * to the new key, in one transaction, and does nothing on a database that has it. Only the table of
 * the connection's current schema is looked at.
 */
public final class ClaimKey {

    /** The name of the unique index over {@code ENROLMENT_ID, SUPPLEMENT}. */
    static final String INDEX = "QC_CLAIM_ENROLMENT_KEY";
    static final int ORIGINAL = 0;
    static final int TOP_UP = 1;

    private static final String TABLE = "QC_CLAIM";
    private static final String ENROLMENT = "ENROLMENT_ID";

    private ClaimKey() {
    }

    /**
     * Gives rows older than top-ups their {@value #ORIGINAL}, drops a unique constraint or index on the
     * enrolment alone and creates the key where it is missing.
     *
     * @return what it changed, empty when the database had the key already
     */
    public static List<String> migrate(DataSource source) throws SQLException {
        return SchemaChange.inTransaction(source, connection -> {
            List<String> changed = new ArrayList<>();
            try (Statement statement = connection.createStatement()) {
                int old = statement.executeUpdate("UPDATE " + TABLE + " SET SUPPLEMENT = " + ORIGINAL
                        + " WHERE SUPPLEMENT IS NULL");
                if (old > 0) {
                    changed.add(old + " claims marked original");
                }
                for (String constraint : uniqueConstraintsOnTheEnrolmentAlone(connection)) {
                    statement.execute("ALTER TABLE " + TABLE + " DROP CONSTRAINT " + quoted(constraint));
                    changed.add("constraint " + constraint + " dropped");
                }
                Map<String, List<String>> indexes = SchemaChange.indexes(connection, TABLE, true);
                for (Map.Entry<String, List<String>> index : indexes.entrySet()) {
                    if (index.getValue().equals(List.of(ENROLMENT))) {
                        statement.execute("DROP INDEX " + quoted(index.getKey()));
                        changed.add("index " + index.getKey() + " dropped");
                    }
                }
                if (indexes.keySet().stream().noneMatch(INDEX::equalsIgnoreCase)) {
                    statement.execute("CREATE UNIQUE INDEX " + INDEX + " ON " + TABLE + " (" + ENROLMENT
                            + ", SUPPLEMENT)");
                    changed.add("index " + INDEX + " created");
                }
            }
            return changed;
        });
    }

    /** The UNIQUE constraints of the table whose only column is the enrolment. */
    private static List<String> uniqueConstraintsOnTheEnrolmentAlone(Connection connection) throws SQLException {
        String sql = "SELECT tc.CONSTRAINT_NAME FROM INFORMATION_SCHEMA.TABLE_CONSTRAINTS tc"
                + " JOIN INFORMATION_SCHEMA.KEY_COLUMN_USAGE k ON k.CONSTRAINT_NAME = tc.CONSTRAINT_NAME"
                + " AND k.CONSTRAINT_SCHEMA = tc.CONSTRAINT_SCHEMA AND k.TABLE_NAME = tc.TABLE_NAME"
                + " WHERE tc.CONSTRAINT_TYPE = 'UNIQUE' AND UPPER(tc.TABLE_NAME) = ? AND tc.TABLE_SCHEMA = ?"
                + " GROUP BY tc.CONSTRAINT_NAME HAVING COUNT(*) = 1 AND MAX(UPPER(k.COLUMN_NAME)) = ?";
        List<String> names = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, TABLE);
            query.setString(2, connection.getSchema());
            query.setString(3, ENROLMENT);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    names.add(rows.getString(1));
                }
            }
        }
        return names;
    }

    private static String quoted(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }
}
