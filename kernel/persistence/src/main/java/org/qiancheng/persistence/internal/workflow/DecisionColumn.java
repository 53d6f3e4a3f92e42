package org.qiancheng.persistence.internal.workflow;

import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The claim's decision moved from {@code DECISION_JSON} to {@code DECISION_DATA} ({@link DecisionCodec}).
 * EclipseLink's {@code create-or-extend-tables} adds the new column but never relaxes the old one's
 * NOT NULL, so at every start this lets a database of the old shape take rows without JSON, and does
 * nothing on one that does. Rows written before keep their JSON and read as before.
 */
public final class DecisionColumn {

    private static final String TABLE = "QC_CLAIM";
    private static final String COLUMN = "DECISION_JSON";

    private DecisionColumn() {
    }

    /** @return what it changed, empty when the column already takes {@code NULL} */
    public static Optional<String> migrate(DataSource source) throws SQLException {
        return SchemaChange.inTransaction(source, connection -> {
            DatabaseMetaData meta = connection.getMetaData();
            boolean lower = meta.storesLowerCaseIdentifiers();
            String table = lower ? TABLE.toLowerCase(Locale.ROOT) : TABLE;
            String column = lower ? COLUMN.toLowerCase(Locale.ROOT) : COLUMN;
            try (ResultSet columns = meta.getColumns(connection.getCatalog(), connection.getSchema(), table, column)) {
                if (!columns.next() || !"NO".equals(columns.getString("IS_NULLABLE"))) {
                    return List.<String>of();
                }
            }
            boolean postgres = meta.getDatabaseProductName().startsWith("PostgreSQL");
            try (Statement statement = connection.createStatement()) {
                statement.execute("ALTER TABLE " + TABLE + " ALTER COLUMN " + COLUMN
                        + (postgres ? " DROP NOT NULL" : " SET NULL"));
            }
            return List.of(TABLE + "." + COLUMN + " takes NULL (decisions are stored in DECISION_DATA)");
        }).stream().findFirst();
    }
}
