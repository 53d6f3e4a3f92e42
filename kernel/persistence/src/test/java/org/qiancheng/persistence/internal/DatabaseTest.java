package org.qiancheng.persistence.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.Map;
import org.hsqldb.jdbc.JDBCDataSource;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

class DatabaseTest {

    private static final Path HOME = Path.of("/srv/qiancheng");

    @Test
    void theConfiguredUrlComesFirst() {
        Database chosen = Database.choose("jdbc:postgresql://db:5432/qc", "qc", "s3cret",
                Map.of("qc.db.url", "jdbc:postgresql://other/qc", "qc.db.user", "env")::get, HOME);
        assertEquals(new Database("jdbc:postgresql://db:5432/qc", "qc", "s3cret"), chosen);
    }

    @Test
    void aBlankUrlFallsBackToThePlatformsThenToTheFileDatabase() {
        Database fromEnvironment = Database.choose(" ", "", "", Map.of("qc.db.url", "jdbc:postgresql://db/qc",
                "qc.db.user", "qc", "qc.db.password", "s3cret")::get, HOME);
        assertEquals(new Database("jdbc:postgresql://db/qc", "qc", "s3cret"), fromEnvironment);

        Database userFromConfiguration = Database.choose("", "operator", "pw",
                Map.of("qc.db.url", "jdbc:postgresql://db/qc")::get, HOME);
        assertEquals(new Database("jdbc:postgresql://db/qc", "operator", "pw"), userFromConfiguration);

        Database file = Database.choose("", "", "", Map.<String, String>of()::get, HOME);
        assertTrue(file.isHsqldb());
        assertTrue(file.url().startsWith("jdbc:hsqldb:file:" + HOME.resolve("data/qiancheng").toAbsolutePath()),
                file.url());
    }

    @Test
    void eachSchemeGetsItsOwnDataSourceObject() {
        JDBCDataSource hsqldb = assertInstanceOf(JDBCDataSource.class,
                new Database("jdbc:hsqldb:mem:x", "", "").dataSource());
        assertEquals("SA", hsqldb.getUser(), "HSQLDB's own default user when none is given");

        PGSimpleDataSource postgres = assertInstanceOf(PGSimpleDataSource.class,
                new Database("jdbc:postgresql://db.example:5433/qiancheng?sslmode=disable", "qc", "s3cret")
                        .dataSource());
        assertEquals("db.example", postgres.getServerNames()[0]);
        assertEquals(5433, postgres.getPortNumbers()[0]);
        assertEquals("qiancheng", postgres.getDatabaseName());
        assertEquals("qc", postgres.getUser());
        assertEquals("s3cret", postgres.getPassword());

        PGSimpleDataSource fromUrl = assertInstanceOf(PGSimpleDataSource.class,
                new Database("jdbc:postgresql://db/qc?user=u&password=p", "", "").dataSource());
        assertEquals("u", fromUrl.getUser(), "a blank user leaves the URL's");
        assertEquals("p", fromUrl.getPassword());

        assertTrue(postgres.getReWriteBatchedInserts(), "a batch of inserts goes as multi-row inserts");
        PGSimpleDataSource asTheUrlSays = assertInstanceOf(PGSimpleDataSource.class,
                new Database("jdbc:postgresql://db/qc?reWriteBatchedInserts=false", "", "").dataSource());
        assertFalse(asTheUrlSays.getReWriteBatchedInserts(), "unless the URL says otherwise");
    }

    @Test
    void aPostgresqlUrlWithoutTheDriverIsRefusedNamingTheField() throws Exception {
        Database database = new Database("jdbc:postgresql://db/qc?password=s3cret", "qc", "s3cret");
        try (URLClassLoader withoutDriver = new URLClassLoader(new URL[0], null)) {
            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                    () -> database.dataSource(withoutDriver));
            assertTrue(refused.getMessage().startsWith("url: "), refused.getMessage());
            assertTrue(refused.getMessage().contains("PostgreSQL JDBC driver"), refused.getMessage());
            assertFalse(refused.getMessage().contains("s3cret"), refused.getMessage());
        }
    }

    @Test
    void otherSchemesAndBrokenUrlsAreRefusedNamingTheField() {
        IllegalArgumentException mysql = assertThrows(IllegalArgumentException.class,
                () -> new Database("jdbc:mysql://db/qc", "qc", "").dataSource());
        assertTrue(mysql.getMessage().startsWith("url: unsupported JDBC URL scheme"), mysql.getMessage());

        IllegalArgumentException broken = assertThrows(IllegalArgumentException.class,
                () -> new Database("jdbc:postgresql://db:notaport/qc?password=s3cret", "qc", "").dataSource());
        assertTrue(broken.getMessage().startsWith("url: "), broken.getMessage());
        assertFalse(broken.getMessage().contains("s3cret"), broken.getMessage());
    }

    @Test
    void thePasswordIsNeverPrinted() {
        Database database = new Database("jdbc:postgresql://db/qc?user=qc&password=s3cret", "qc", "s3cret");
        assertEquals("jdbc:postgresql://db/qc?user=qc&…", database.redactedUrl());
        assertFalse(database.toString().contains("s3cret"), database.toString());
    }
}
