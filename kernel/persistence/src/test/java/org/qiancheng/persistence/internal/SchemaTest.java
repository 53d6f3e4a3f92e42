package org.qiancheng.persistence.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A start checks the tables only when they were not brought to this very mapping before. */
class SchemaTest {

    private static final ClassLoader LOADER = SchemaTest.class.getClassLoader();
    private static final String PRODUCT = "HSQL Database Engine 2.7.4, EclipseLink 4.0.9";

    @TempDir
    Path home;

    private DataSource source;

    @AfterEach
    void dropTheRecord() throws SQLException {
        // on a shared PostgreSQL database the platform's own starts must not find a test's fingerprint
        if (source != null) {
            try (Connection connection = source.getConnection(); Statement sql = connection.createStatement()) {
                sql.execute("DROP TABLE IF EXISTS " + Schema.TABLE);
            }
        }
    }

    @Test
    void aFirstStartChecksAndRecordsASecondSkipsTheCheck() throws SQLException {
        try (TestUnit unit = new TestUnit(TestUnit.configured(home))) {
            source = unit.database.dataSource();
            dropTheRecord();
            Schema first = Schema.of(source, LOADER, PersistenceUnitComponent.SHAPING, PRODUCT);
            assertFalse(first.current(), "no fingerprint recorded yet");
            assertEquals("create-or-extend-tables", first.ddlGeneration());
            assertEquals(List.of(), first.migrate(), "the test unit's tables need no migration");
            assertEquals(64, Schema.recorded(source).length(), "a SHA-256 in hex");

            Schema second = Schema.of(source, LOADER, PersistenceUnitComponent.SHAPING, PRODUCT);
            assertTrue(second.current());
            assertEquals("none", second.ddlGeneration());
            assertEquals(List.of(), second.migrate());
        }
    }

    @Test
    void anotherBuildDriverOrDatabaseVersionIsCheckedAgain() throws SQLException {
        try (TestUnit unit = new TestUnit(TestUnit.configured(home))) {
            source = unit.database.dataSource();
            Schema.of(source, LOADER, PersistenceUnitComponent.SHAPING, PRODUCT).migrate();

            assertFalse(Schema.of(source, LOADER, PersistenceUnitComponent.SHAPING,
                    "HSQL Database Engine 2.7.5, EclipseLink 4.0.9").current(), "another database version");
            List<String> fewer = new ArrayList<>(PersistenceUnitComponent.SHAPING);
            fewer.remove(Schema.class.getName());
            assertFalse(Schema.of(source, LOADER, fewer, PRODUCT).current(), "other classes, another mapping");
            // a checked start records its own: the one before is no longer current
            Schema.of(source, LOADER, fewer, PRODUCT).migrate();
            assertFalse(Schema.of(source, LOADER, PersistenceUnitComponent.SHAPING, PRODUCT).current());
        }
    }

    @Test
    void aDatabaseWithoutTheTableHasNoFingerprint() throws SQLException {
        try (TestUnit unit = new TestUnit(TestUnit.configured(home))) {
            source = unit.database.dataSource();
            dropTheRecord();
            assertNull(Schema.recorded(source));
        }
    }

    @Test
    void aShapingClassThatCannotBeReadIsAnError() {
        IllegalStateException missing = assertThrows(IllegalStateException.class,
                () -> Schema.fingerprint(LOADER, List.of("org.qiancheng.persistence.internal.NoSuchEntity"), PRODUCT));
        assertTrue(missing.getMessage().contains("NoSuchEntity"), missing.getMessage());
    }
}
