package org.qiancheng.persistence.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The row cache the default URL asks for reaches a database made before with HSQLDB's own size. */
class RowCacheTest {

    @TempDir
    Path home;

    @Test
    void anOlderDatabaseGetsTheUrlsSizeOnceAndKeepsItsRows() throws SQLException {
        String file = "jdbc:hsqldb:file:" + home.resolve("db").toAbsolutePath() + ";hsqldb.default_table_type=cached";
        Database older = new Database(file, "", "");
        DataSource before = older.dataSource();
        try (Connection connection = before.getConnection(); Statement sql = connection.createStatement()) {
            sql.execute("CREATE TABLE KEPT (ID INT PRIMARY KEY)");
            sql.execute("INSERT INTO KEPT VALUES (7)");
        }
        assertEquals(Optional.empty(), RowCache.apply(older, before), "a URL without a size changes nothing");
        assertEquals(50_000, cacheRows(before), "HSQLDB's default, which the database was made with");

        Database current = new Database(file + ";hsqldb.cache_rows=" + Database.CACHED_ROWS, "", "");
        DataSource after = current.dataSource();
        Optional<String> changed = RowCache.apply(current, after);

        assertTrue(changed.orElseThrow().contains("50000 → " + Database.CACHED_ROWS), changed.toString());
        assertEquals(Database.CACHED_ROWS, cacheRows(after), "in force once the database is opened again");
        assertEquals(Optional.empty(), RowCache.apply(current, after), "the next start finds it set");
        try (Connection connection = after.getConnection(); Statement sql = connection.createStatement();
                ResultSet row = sql.executeQuery("SELECT ID FROM KEPT")) {
            assertTrue(row.next());
            assertEquals(7, row.getInt(1), "closing and opening the database lost nothing");
            sql.execute("SHUTDOWN");
        }
    }

    @Test
    void aServerDatabaseIsNeverClosedFromHere() throws SQLException {
        Database server = new Database("jdbc:hsqldb:hsql://db.example/qc;hsqldb.cache_rows=10000", "", "");
        // no connection is tried: a server's database is shared, and closing it is its operator's call
        assertEquals(Optional.empty(), RowCache.apply(server, null));
    }

    @Test
    void theDefaultDatabaseIsMadeWithIt() throws SQLException {
        Database database = Database.defaultFor(home, "", "");
        DataSource source = database.dataSource();
        assertEquals(Optional.empty(), RowCache.apply(database, source), "made with the URL's size, nothing to set");
        assertEquals(Database.CACHED_ROWS, cacheRows(source));
        try (Connection connection = source.getConnection(); Statement sql = connection.createStatement()) {
            sql.execute("SHUTDOWN");
        }
    }

    private static long cacheRows(DataSource source) throws SQLException {
        try (Connection connection = source.getConnection(); Statement sql = connection.createStatement();
                ResultSet row = sql.executeQuery("SELECT PROPERTY_VALUE FROM INFORMATION_SCHEMA.SYSTEM_PROPERTIES"
                        + " WHERE PROPERTY_NAME = 'hsqldb.cache_rows'")) {
            row.next();
            return Long.parseLong(row.getString(1));
        }
    }
}
