package org.qiancheng.persistence.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A start stops on a database that lacks a table or column the unit maps, read in one query. */
class MappedColumnsTest {

    @TempDir
    Path home;

    @Test
    void theUnitMapsEveryEntityAndTheDatabaseHasItAll() throws SQLException {
        try (TestUnit unit = new TestUnit(TestUnit.configured(home))) {
            Map<String, Set<String>> mapped = MappedColumns.of(unit.factory());
            assertTrue(mapped.containsKey("QC_CLAIM"), mapped.keySet().toString());
            assertTrue(mapped.get("QC_CLAIM").contains("ID"), mapped.get("QC_CLAIM").toString());
            assertEquals(PersistenceUnitComponent.ENTITIES.size(), mapped.size(),
                    "one table per entity: " + mapped.keySet());
            assertEquals(List.of(), MappedColumns.missing(unit.database.dataSource(), mapped));
        }
    }

    @Test
    void aMissingTableAndAMissingColumnAreEachNamed() throws SQLException {
        try (TestUnit unit = new TestUnit(TestUnit.configured(home))) {
            Map<String, Set<String>> mapped = Map.of(
                    "QC_CLAIM", Set.of("ID", "NO_SUCH_COLUMN"),
                    "QC_NO_SUCH_TABLE", Set.of("ID"));
            assertEquals(List.of("QC_CLAIM.NO_SUCH_COLUMN", "QC_NO_SUCH_TABLE"),
                    MappedColumns.missing(unit.database.dataSource(), mapped));
        }
    }
}
