package org.qiancheng.persistence.internal.workflow;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
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
}
