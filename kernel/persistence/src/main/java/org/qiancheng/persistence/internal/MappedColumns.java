package org.qiancheng.persistence.internal;

import jakarta.persistence.EntityManagerFactory;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.eclipse.persistence.descriptors.ClassDescriptor;
import org.eclipse.persistence.internal.helper.DatabaseField;
import org.eclipse.persistence.jpa.JpaHelper;

/**
 * Every table and column the unit maps, checked against the database in one read of
 * {@code INFORMATION_SCHEMA.COLUMNS}. EclipseLink only logs a table it could not create, and a start on
 * current tables ({@link Schema}) runs no DDL pass at all: without this a missing table or column would
 * fail requests later instead of stopping the unit at start. One query for all tables, where reading a
 * row of every entity took 25 queries (≈ 150 ms of a start on two cores, docs/benchmarks.md).
 */
final class MappedColumns {

    private MappedColumns() {
    }

    /** Table → columns the unit maps, upper-cased (the databases fold unquoted names alike). */
    static Map<String, Set<String>> of(EntityManagerFactory factory) {
        Map<String, Set<String>> mapped = new TreeMap<>();
        for (ClassDescriptor descriptor : JpaHelper.getServerSession(factory).getDescriptors().values()) {
            String primary = descriptor.getTableName();
            for (DatabaseField field : descriptor.getFields()) {
                String table = field.getTableName() == null || field.getTableName().isEmpty() ? primary
                        : field.getTableName();
                mapped.computeIfAbsent(upper(table), t -> new TreeSet<>()).add(upper(field.getName()));
            }
        }
        return mapped;
    }

    /**
     * @param mapped table → columns, as {@link #of} gives them
     * @return each missing table ({@code QC_X}) and each missing column of a present table ({@code QC_X.COL});
     *         empty when the database has them all
     */
    static List<String> missing(DataSource source, Map<String, Set<String>> mapped) throws SQLException {
        Map<String, Set<String>> present = new HashMap<>();
        try (Connection connection = source.getConnection();
                PreparedStatement columns = connection.prepareStatement(
                        "SELECT TABLE_NAME, COLUMN_NAME FROM INFORMATION_SCHEMA.COLUMNS WHERE TABLE_SCHEMA = ?")) {
            columns.setString(1, connection.getSchema());
            try (ResultSet row = columns.executeQuery()) {
                while (row.next()) {
                    present.computeIfAbsent(upper(row.getString(1)), t -> new HashSet<>()).add(upper(row.getString(2)));
                }
            }
        }
        List<String> missing = new ArrayList<>();
        new TreeMap<>(mapped).forEach((table, wanted) -> {
            Set<String> there = present.get(table);
            if (there == null) {
                missing.add(table);
                return;
            }
            new TreeSet<>(wanted).stream().filter(column -> !there.contains(column))
                    .forEach(column -> missing.add(table + "." + column));
        });
        return missing;
    }

    private static String upper(String name) {
        return name.toUpperCase(Locale.ROOT);
    }
}
