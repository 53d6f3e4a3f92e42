package org.qiancheng.persistence.internal.workflow;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * Ids of the rows a settlement writes by the thousand (claims, audit entries), handed out in blocks from
 * the table {@value #TABLE} rather than by the database one insert at a time: an id known before the
 * insert lets EclipseLink send the inserts in JDBC batches, which an identity column prevents. Each
 * node takes a block of {@value #BLOCK} with one update of the table; ids are unique but, across nodes,
 * not in commit order (the audit chain's order is its sequence number, not the id).
 *
 * <p>These tables had identity columns before; their ids continue above the highest there is. At
 * every start {@link #migrate} raises each block counter to at least the table's highest id, and never
 * lowers one, so a node starting while another runs takes nothing the other holds.
 */
public final class RowIds {

    static final String TABLE = "QC_ID";
    static final String NAME = "ID_NAME";
    static final String NEXT = "NEXT_ID";
    static final int BLOCK = 1000;

    /** The tables whose ids come from {@value #TABLE}; each is also its counter's name. */
    private static final List<String> TABLES = List.of("QC_CLAIM", "QC_AUDIT");

    private RowIds() {
    }

    /** @return what it changed, empty when every counter was above its table's ids */
    public static List<String> migrate(DataSource source) throws SQLException {
        return SchemaChange.inTransaction(source, connection -> {
            List<String> changed = new ArrayList<>();
            try (Statement statement = connection.createStatement()) {
                for (String table : TABLES) {
                    long highest = single(statement, "SELECT COALESCE(MAX(ID), 0) FROM " + table);
                    try (PreparedStatement raise = connection.prepareStatement("UPDATE " + TABLE + " SET " + NEXT
                            + " = ? WHERE " + NAME + " = ? AND " + NEXT + " < ?")) {
                        raise.setLong(1, highest);
                        raise.setString(2, table);
                        raise.setLong(3, highest);
                        if (raise.executeUpdate() > 0) {
                            changed.add(table + " ids continue above " + highest);
                        }
                    }
                    if (counted(connection, table)) {
                        continue;
                    }
                    try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + TABLE + " (" + NAME
                            + ", " + NEXT + ") VALUES (?, ?)")) {
                        insert.setString(1, table);
                        insert.setLong(2, highest);
                        insert.executeUpdate();
                        changed.add(table + " ids counted from " + highest);
                    }
                }
            }
            return changed;
        });
    }

    private static boolean counted(Connection connection, String table) throws SQLException {
        try (PreparedStatement present = connection.prepareStatement("SELECT COUNT(*) FROM " + TABLE + " WHERE "
                + NAME + " = ?")) {
            present.setString(1, table);
            try (ResultSet rows = present.executeQuery()) {
                rows.next();
                return rows.getLong(1) > 0;
            }
        }
    }

    private static long single(Statement statement, String sql) throws SQLException {
        try (ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
