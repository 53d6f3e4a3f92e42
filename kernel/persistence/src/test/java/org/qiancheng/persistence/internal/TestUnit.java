package org.qiancheng.persistence.internal;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.net.MalformedURLException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Function;
import javax.sql.DataSource;
import org.eclipse.persistence.jpa.PersistenceProvider;
import org.qiancheng.persistence.internal.workflow.AuditKey;

/**
 * The kernel's persistence unit outside the framework: the same entity list, unit description and
 * EclipseLink properties as {@link PersistenceUnitComponent}, on the database the tests are given
 * ({@code -Dqc.test.db.url}, {@code qc.test.db.user}, {@code qc.test.db.password}) or else the
 * default HSQLDB file database in a temporary folder.
 */
final class TestUnit implements JpaUnit, AutoCloseable {

    /**
     * The audit key of every store the tests start: on PostgreSQL the test classes of one run share a
     * database, hence one chain, which must be sealed with one key.
     */
    static final byte[] AUDIT_KEY_BYTES = "qiancheng persistence tests key!".getBytes(StandardCharsets.US_ASCII);
    static final AuditKey AUDIT_KEY = AuditKey.of(AUDIT_KEY_BYTES);

    final Database database;
    private final DataSource source;
    private final EntityManagerFactory factory;
    private final String product;

    TestUnit(Database database) throws SQLException {
        this(database, PersistenceUnitComponent.UNIT_NAME);
    }

    /**
     * @param name the unit's name: EclipseLink keeps one deployed session per unit name and root
     *        while a factory of it is open, so another name is another start on the same tables
     */
    TestUnit(Database database, String name) throws SQLException {
        this(database, name, java.util.Map.of());
    }

    /**
     * @param extra unit properties over the component's, e.g. the shared cache off as on PostgreSQL
     *        for a second node
     */
    TestUnit(Database database, String name, java.util.Map<String, String> extra) throws SQLException {
        this.database = database;
        this.source = database.dataSource();
        try (Connection connection = source.getConnection()) {
            this.product = connection.getMetaData().getDatabaseProductName();
        }
        try {
            UnitInfo unit = new UnitInfo(name, PersistenceUnitComponent.ENTITIES, source,
                    TestUnit.class.getClassLoader(), Path.of("target", "classes").toUri().toURL());
            java.util.Map<String, String> properties = new java.util.HashMap<>(
                    PersistenceUnitComponent.unitProperties(database, "WARNING", "create-or-extend-tables"));
            properties.putAll(extra);
            this.factory = new PersistenceProvider().createContainerEntityManagerFactory(unit, properties);
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        }
        // deploys the unit: creates or extends the tables, always (tests change tables behind it)
        factory.createEntityManager().close();
        Schema.migrations(source);
    }

    /** The unit's factory, for checks that read EclipseLink's mapping. */
    EntityManagerFactory factory() {
        return factory;
    }

    /** The database the tests were pointed at, or the default file database under {@code home}. */
    static Database configured(Path home) {
        String url = System.getProperty("qc.test.db.url", "");
        if (url.isBlank()) {
            return Database.defaultFor(home, "", "");
        }
        return new Database(url, System.getProperty("qc.test.db.user", ""),
                System.getProperty("qc.test.db.password", ""));
    }

    @Override
    public <T> T inTransaction(Function<EntityManager, T> work) {
        return JpaUnit.inTransaction(factory, work);
    }

    @Override
    public <T> T read(Function<EntityManager, T> work) {
        return JpaUnit.read(factory, work);
    }

    @Override
    public String product() {
        return product;
    }

    @Override
    public java.sql.Connection connect() throws SQLException {
        return source.getConnection();
    }

    /** Closes this unit; the database stays open (see {@link #shutdown()}). */
    @Override
    public void close() {
        factory.close();
    }

    /** Closes this unit and shuts an embedded database down, as the component does when it stops. */
    void shutdown() throws SQLException {
        factory.close();
        database.shutdown(source);
    }
}
