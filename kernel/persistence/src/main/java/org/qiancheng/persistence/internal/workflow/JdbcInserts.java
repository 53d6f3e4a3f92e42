package org.qiancheng.persistence.internal.workflow;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import org.eclipse.persistence.sessions.UnitOfWork;

/**
 * Inserts rows of the two kinds a settlement writes by the million (claims, audit entries) with plain
 * JDBC batches on the transaction's own connection, not through the entity manager. EclipseLink would
 * register each row, build its change set at the flush and turn that into a statement: about a third
 * of what inserting a claim cost (docs/benchmarks.md), for rows that are never changed by the
 * transaction that inserts them. The rows are not managed afterwards; what the transaction reads of
 * them again it reads from the database, on the same connection.
 *
 * <p>Ids come from EclipseLink's sequencing of the entity, the blocks of {@link RowIds}: the same
 * blocks, taken the same way (in the transaction on HSQLDB, on a connection of their own on
 * PostgreSQL), as for the rows of that kind the entity manager inserts.
 */
final class JdbcInserts {

    /** A row that binds its columns, in the order of its entity's {@code INSERT}, after its id is set. */
    interface Row {

        void id(long id);

        void bind(PreparedStatement insert) throws SQLException;
    }

    private JdbcInserts() {
    }

    /**
     * Gives each row its id and inserts them all in one batch, after the entity manager has written
     * what it holds (a row may refer to one of those).
     *
     * @throws PersistenceException when the database refuses a row, with the JDBC exception as its cause
     *         (a unique key is a CONFLICT for {@link JpaWorkflowStore#translated})
     */
    static <E extends Row> void insert(EntityManager manager, Class<E> type, String sql, List<E> rows) {
        if (rows.isEmpty()) {
            return;
        }
        manager.flush();
        // the connection first: EclipseLink then has its transaction open, and takes a block in it on HSQLDB
        Connection connection = manager.unwrap(Connection.class);
        UnitOfWork work = manager.unwrap(UnitOfWork.class);
        try (PreparedStatement insert = connection.prepareStatement(sql)) {
            for (E row : rows) {
                row.id(work.getNextSequenceNumberValue(type).longValue());
                row.bind(insert);
                insert.addBatch();
            }
            insert.executeBatch();
        } catch (SQLException e) {
            throw new PersistenceException("inserting " + rows.size() + " rows of " + type.getSimpleName()
                    + " failed: " + e.getMessage(), cause(e));
        }
    }

    /** Binds a value that may be null, as the SQL type the column takes a null as. */
    static void nullable(PreparedStatement insert, int index, Object value, int sqlType) throws SQLException {
        if (value == null) {
            insert.setNull(index, sqlType);
        } else {
            insert.setObject(index, value);
        }
    }

    /** The failure of the row the database refused, where the driver reports the batch's failure apart. */
    private static SQLException cause(SQLException e) {
        SQLException next = e.getNextException();
        if (next != null && next != e) {
            next.addSuppressed(e);
            return next;
        }
        return e;
    }
}
