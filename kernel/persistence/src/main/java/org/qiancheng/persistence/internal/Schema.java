package org.qiancheng.persistence.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import javax.sql.DataSource;
import org.qiancheng.persistence.internal.workflow.AddedIndexes;
import org.qiancheng.persistence.internal.workflow.ClaimKey;
import org.qiancheng.persistence.internal.workflow.DecisionColumn;
import org.qiancheng.persistence.internal.workflow.RowIds;
import org.qiancheng.persistence.internal.workflow.SchemaChange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A database's tables against this build's mapping. Bringing them to it (EclipseLink's
 * {@code create-or-extend-tables} pass, then the migrations) reads the database's metadata table by
 * table: on an existing HSQLDB database ≈ 0.35 s of a start on two cores (docs/benchmarks.md). So the
 * fingerprint of the mapping it was brought to is kept in {@value #TABLE}, and a start that finds its
 * own there skips the pass. The fingerprint covers the classes that shape the tables (the entities, the
 * migrations, this class and the unit's), EclipseLink's version and the database's product and version:
 * a new build, an upgraded driver or a restored older database is checked in full again.
 */
final class Schema {

    /** One row (ID 1): the fingerprint of the mapping the tables were last brought to, and when. */
    static final String TABLE = "QC_SCHEMA";

    private static final Logger LOG = LoggerFactory.getLogger(Schema.class);

    private final DataSource source;
    private final String fingerprint;
    private final boolean current;

    private Schema(DataSource source, String fingerprint, boolean current) {
        this.source = source;
        this.fingerprint = fingerprint;
        this.current = current;
    }

    /**
     * @param shaping the classes whose bytes make the fingerprint, read through {@code loader}
     * @param product the database product and version, and EclipseLink's version
     */
    static Schema of(DataSource source, ClassLoader loader, List<String> shaping, String product) throws SQLException {
        String fingerprint = fingerprint(loader, shaping, product);
        return new Schema(source, fingerprint, fingerprint.equals(recorded(source)));
    }

    /** Whether the tables were brought to this very mapping before: nothing to create, extend or migrate. */
    boolean current() {
        return current;
    }

    /** EclipseLink's DDL generation for this start: none when the tables are current. */
    String ddlGeneration() {
        return current ? "none" : "create-or-extend-tables";
    }

    /**
     * After EclipseLink's pass: the migrations, each in its transaction, then the fingerprint in one of its
     * own. Nothing when the tables are current.
     *
     * @return what the migrations changed
     */
    List<String> migrate() throws SQLException {
        if (current) {
            return List.of();
        }
        List<String> changed = migrations(source);
        try {
            SchemaChange.inTransaction(source, connection -> {
                record(connection, fingerprint);
                return List.of();
            });
        } catch (SQLException e) {
            // another node recording the same start at the same moment, say: the next start checks again
            LOG.warn("Schema fingerprint not recorded (the next start checks the tables again): {}", e.getMessage());
        }
        return changed;
    }

    /** Every migration a database of an older shape needs, each in its own transaction; idempotent. */
    static List<String> migrations(DataSource source) throws SQLException {
        List<String> changed = new ArrayList<>(ClaimKey.migrate(source));
        DecisionColumn.migrate(source).ifPresent(changed::add);
        changed.addAll(RowIds.migrate(source));
        changed.addAll(AddedIndexes.migrate(source));
        return changed;
    }

    /** The fingerprint recorded in the database, or null when there is none (or no table yet). */
    static String recorded(DataSource source) throws SQLException {
        try (Connection connection = source.getConnection(); Statement sql = connection.createStatement()) {
            try (ResultSet row = sql.executeQuery("SELECT FINGERPRINT FROM " + TABLE + " WHERE ID = 1")) {
                return row.next() ? row.getString(1) : null;
            } catch (SQLException noTable) {
                return null;
            }
        }
    }

    private static void record(Connection connection, String fingerprint) throws SQLException {
        try (Statement ddl = connection.createStatement()) {
            ddl.execute("CREATE TABLE IF NOT EXISTS " + TABLE + " (ID INTEGER NOT NULL PRIMARY KEY,"
                    + " FINGERPRINT VARCHAR(64) NOT NULL, RECORDED_AT TIMESTAMP NOT NULL)");
        }
        Timestamp now = Timestamp.from(Instant.now());
        try (PreparedStatement update = connection.prepareStatement("UPDATE " + TABLE
                + " SET FINGERPRINT = ?, RECORDED_AT = ? WHERE ID = 1")) {
            update.setString(1, fingerprint);
            update.setTimestamp(2, now);
            if (update.executeUpdate() == 1) {
                return;
            }
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + TABLE
                + " (ID, FINGERPRINT, RECORDED_AT) VALUES (1, ?, ?)")) {
            insert.setString(1, fingerprint);
            insert.setTimestamp(2, now);
            insert.executeUpdate();
        }
    }

    static String fingerprint(ClassLoader loader, List<String> shaping, String product) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(product.getBytes(StandardCharsets.UTF_8));
            for (String name : shaping) {
                try (InputStream bytes = loader.getResourceAsStream(name.replace('.', '/') + ".class")) {
                    if (bytes == null) {
                        throw new IllegalStateException("no class " + name + " to fingerprint the schema with");
                    }
                    sha.update(name.getBytes(StandardCharsets.UTF_8));
                    sha.update(bytes.readAllBytes());
                }
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException | IOException e) {
            throw new IllegalStateException("cannot fingerprint the schema: " + e, e);
        }
    }
}
