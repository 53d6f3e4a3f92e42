package org.qiancheng.persistence.internal.workflow;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;

/** A change a start makes to a database of an older shape, in one transaction of its own. */
public final class SchemaChange {

    /** The statements of one change, on its connection; answers what it changed. */
    @FunctionalInterface
    public interface Work {
        List<String> apply(Connection connection) throws SQLException;
    }

    private SchemaChange() {
    }

    /** Runs the work in one transaction: committed when it returns, rolled back when it throws. */
    public static List<String> inTransaction(DataSource source, Work work) throws SQLException {
        try (Connection connection = source.getConnection()) {
            boolean auto = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                List<String> changed = work.apply(connection);
                connection.commit();
                return changed;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(auto);
            }
        }
    }

    /**
     * A table of the connection's current schema: its indexes by name, each with its columns in upper
     * case, in order; only the unique ones when {@code unique}.
     */
    static Map<String, List<String>> indexes(Connection connection, String table, boolean unique) throws SQLException {
        DatabaseMetaData meta = connection.getMetaData();
        String name = meta.storesLowerCaseIdentifiers() ? table.toLowerCase(Locale.ROOT) : table;
        Map<String, List<String>> indexes = new LinkedHashMap<>();
        try (ResultSet rows = meta.getIndexInfo(connection.getCatalog(), connection.getSchema(), name, unique, false)) {
            while (rows.next()) {
                String index = rows.getString("INDEX_NAME");
                String column = rows.getString("COLUMN_NAME");
                if (index != null && column != null) {
                    indexes.computeIfAbsent(index, n -> new ArrayList<>()).add(column.toUpperCase(Locale.ROOT));
                }
            }
        }
        return indexes;
    }
}
