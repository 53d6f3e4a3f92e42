package org.qiancheng.persistence.internal;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.eclipse.persistence.Version;
import org.eclipse.persistence.jpa.PersistenceProvider;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.Designate;
import org.qiancheng.persistence.internal.workflow.AddedIndexes;
import org.qiancheng.persistence.internal.workflow.ClaimKey;
import org.qiancheng.persistence.internal.workflow.DecisionColumn;
import org.qiancheng.persistence.internal.workflow.RowIds;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the persistence unit when the bundle starts (creating or extending the tables), records
 * this start, and shuts the database down cleanly when the bundle stops. A configuration change
 * restarts the unit on the new database.
 */
@Component(service = JpaUnit.class, configurationPid = "org.qiancheng.persistence", immediate = true)
@Designate(ocd = PersistenceConfiguration.class)
public final class PersistenceUnitComponent implements JpaUnit {

    static final String UNIT_NAME = "qiancheng";
    static final List<String> ENTITIES = List.of(BootRecord.class.getName(),
            "org.qiancheng.persistence.internal.workflow.InstitutionEntity",
            "org.qiancheng.persistence.internal.workflow.ProjectEntity",
            "org.qiancheng.persistence.internal.workflow.ClassEntity",
            "org.qiancheng.persistence.internal.workflow.TraineeEntity",
            "org.qiancheng.persistence.internal.workflow.EnrolmentEntity",
            "org.qiancheng.persistence.internal.workflow.AttendanceEntity",
            "org.qiancheng.persistence.internal.workflow.ClaimEntity",
            "org.qiancheng.persistence.internal.workflow.DecisionDictionaryEntity",
            "org.qiancheng.persistence.internal.workflow.IdempotencyEntity",
            "org.qiancheng.persistence.internal.workflow.DisbursementEntity",
            "org.qiancheng.persistence.internal.workflow.AuditEventEntity",
            "org.qiancheng.persistence.internal.workflow.AuditHeadEntity",
            "org.qiancheng.persistence.internal.workflow.SettlementEntity",
            "org.qiancheng.persistence.internal.workflow.PolicyEventEntity",
            "org.qiancheng.persistence.internal.workflow.UserEntity",
            "org.qiancheng.persistence.internal.workflow.SessionEntity",
            "org.qiancheng.persistence.internal.workflow.LoginFailureEntity",
            "org.qiancheng.persistence.internal.workflow.ActivationRequestEntity",
            "org.qiancheng.persistence.internal.workflow.SurveyEntity",
            "org.qiancheng.persistence.internal.workflow.PlanEntity",
            "org.qiancheng.persistence.internal.workflow.PlanLineEntity",

            "org.qiancheng.persistence.internal.workflow.NodeEntity",
            "org.qiancheng.persistence.internal.workflow.LeaseEntity",
            "org.qiancheng.persistence.internal.workflow.PolicySequenceEntity");

    /**
     * The classes that shape the tables, whose bytes make {@link Schema}'s fingerprint: the entities, the
     * migrations and the unit's settings. A class added to the migrations belongs here.
     */
    static final List<String> SHAPING = Stream.concat(ENTITIES.stream(), Stream.of(
            PersistenceUnitComponent.class, Schema.class, Database.class, UnitInfo.class, ClaimKey.class,
            DecisionColumn.class, RowIds.class, AddedIndexes.class).map(Class::getName)).toList();

    private static final Logger LOG = LoggerFactory.getLogger(PersistenceUnitComponent.class);

    private final Database database;
    private final DataSource dataSource;
    private final EntityManagerFactory factory;
    private final String product;

    @Activate
    public PersistenceUnitComponent(BundleContext context, PersistenceConfiguration config) throws SQLException {
        this.database = Database.choose(config.url(), config.user(), config.password(), context::getProperty,
                home(context));
        this.dataSource = database.dataSource();
        RowCache.apply(database, dataSource).ifPresent(changed -> LOG.info("Database reopened: {}", changed));
        this.product = readProduct(dataSource);
        Schema schema = Schema.of(dataSource, getClass().getClassLoader(), SHAPING,
                product + ", EclipseLink " + Version.getVersion());
        UnitInfo unit = new UnitInfo(UNIT_NAME, ENTITIES, dataSource, getClass().getClassLoader(),
                context.getBundle().getEntry("/"));
        this.factory = new PersistenceProvider().createContainerEntityManagerFactory(unit,
                unitProperties(database, config.logLevel(), schema.ddlGeneration()));
        verifySchema();
        List<String> migrated = schema.migrate();
        if (!migrated.isEmpty()) {
            LOG.info("Tables migrated: {}", String.join("; ", migrated));
        }
        LOG.info(schema.current() ? "Tables current: brought to this build's mapping before, not checked again"
                : "Tables checked against this build's mapping and recorded");
        recordBoot(node(context));
        LOG.info("Database {} ({}) ready", database.redactedUrl(), product);
    }

    /**
     * How EclipseLink runs the unit: the same on every database but for what {@link Database} adds.
     *
     * @param ddlGeneration {@code create-or-extend-tables}, or {@code none} when the tables are current ({@link Schema})
     */
    static Map<String, String> unitProperties(Database database, String logLevel, String ddlGeneration) {
        Map<String, String> properties = new HashMap<>(Map.of(
                "eclipselink.weaving", "false",
                "eclipselink.ddl-generation", ddlGeneration,
                "eclipselink.ddl-generation.output-mode", "database",
                "eclipselink.logging.logger", "JavaLogger",
                "eclipselink.logging.level", logLevel));
        properties.putAll(database.eclipselinkProperties());
        return properties;
    }

    @Deactivate
    void close() {
        factory.close();
        try {
            database.shutdown(dataSource);
        } catch (SQLException e) {
            LOG.warn("Database shutdown failed: {}", e.getMessage());
        }
        LOG.info("Database {} closed", database.redactedUrl());
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
        return dataSource.getConnection();
    }

    /** Stops the unit at start when a table or column it maps is missing ({@link MappedColumns}). */
    private void verifySchema() throws SQLException {
        List<String> missing = MappedColumns.missing(dataSource, MappedColumns.of(factory));
        if (!missing.isEmpty()) {
            factory.close();
            throw new IllegalStateException("the database lacks what this build maps: " + String.join(", ", missing));
        }
    }

    private void recordBoot(String node) {
        inTransaction(manager -> {
            manager.persist(new BootRecord(OffsetDateTime.now(Clock.systemUTC()), node));
            return null;
        });
    }

    private static String readProduct(DataSource source) throws SQLException {
        try (Connection connection = source.getConnection()) {
            DatabaseMetaData meta = connection.getMetaData();
            return meta.getDatabaseProductName() + " " + meta.getDatabaseProductVersion();
        }
    }

    private static Path home(BundleContext context) {
        String home = context.getProperty("qc.home");
        return Path.of(home == null ? "runtime" : home);
    }

    private static String node(BundleContext context) {
        String node = context.getProperty("qc.node");
        if (node != null) {
            return node;
        }
        String host = System.getenv("HOSTNAME");
        return host == null || host.isBlank() ? "local" : host;
    }
}
