package org.qiancheng.persistence.internal.workflow;

import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Indexes an entity gained after its table existed. EclipseLink's {@code create-or-extend-tables} makes
 * an entity's {@code @Index} only with its table, so a database made by an older build gets them here,
 * at the start of the build that brings them; a database that has one by its name is left alone.
 */
public final class AddedIndexes {

    /** An index by name, on a table's columns. */
    record Added(String table, String name, String columns) {
    }

    /**
     * The top-ups' scan of a settlement [K12] reads the enrolments whose employment evidence was recorded
     * in the month; without its index it reads every enrolment of every region at each settlement.
     */
    private static final List<Added> ALL = List.of(new Added("QC_ENROLMENT", EnrolmentEntity.EMPLOYMENT_INDEX,
            "EMPLOYMENT_RECORDED_ON"));

    private AddedIndexes() {
    }

    /** @return the indexes it created, empty when the database had them all */
    public static List<String> migrate(DataSource source) throws SQLException {
        return SchemaChange.inTransaction(source, connection -> {
            List<String> changed = new ArrayList<>();
            try (Statement statement = connection.createStatement()) {
                for (Added index : ALL) {
                    Map<String, List<String>> present = SchemaChange.indexes(connection, index.table(), false);
                    if (present.keySet().stream().noneMatch(index.name()::equalsIgnoreCase)) {
                        statement.execute("CREATE INDEX " + index.name() + " ON " + index.table() + " ("
                                + index.columns() + ")");
                        changed.add("index " + index.name() + " created");
                    }
                }
            }
            return changed;
        });
    }
}
