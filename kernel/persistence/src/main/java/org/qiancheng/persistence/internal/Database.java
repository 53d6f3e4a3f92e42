package org.qiancheng.persistence.internal;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import javax.sql.DataSource;
import org.hsqldb.jdbc.JDBCDataSource;

/**
 * Which database the kernel uses, and the few things that differ between products. The data
 * source is built as an object, not looked up by driver class name, because inside the framework
 * the JDBC driver manager cannot see bundle-private drivers.
 */
record Database(String url, String user, String password) {

    static final String HSQLDB = "jdbc:hsqldb:";
    static final String POSTGRESQL = "jdbc:postgresql:";

    /** Framework properties the launcher fills from {@code QC_DB_URL}, {@code QC_DB_USER}, {@code QC_DB_PASSWORD}. */
    static final String URL_PROPERTY = "qc.db.url";
    static final String USER_PROPERTY = "qc.db.user";
    static final String PASSWORD_PROPERTY = "qc.db.password";

    static final String HSQLDB_FILE = HSQLDB + "file:";
    private static final String HSQLDB_DEFAULT_USER = "SA";

    /**
     * Rows HSQLDB keeps in its cache ({@link RowCache}): 10 000 rather than its 50 000, so that the rows a
     * settlement passes through it are collected young. Measured in docs/benchmarks.md: a settlement of
     * 10^6 claims 14 % faster, 16 → 12 s of collector pauses; at 4 000 no faster again.
     */
    static final int CACHED_ROWS = 10_000;
    private static final String POSTGRESQL_DATA_SOURCE = "org.postgresql.ds.PGSimpleDataSource";

    Database {
        user = user == null ? "" : user;
        password = password == null ? "" : password;
    }

    /**
     * The database of this start: the configured {@code url}; when that is blank, the platform's
     * {@code qc.db.url} (from {@code QC_DB_URL}) with {@code qc.db.user} and {@code qc.db.password}
     * where given; when that is blank too, the HSQLDB file database under {@code home}.
     *
     * @param platform the framework properties (null when absent)
     */
    static Database choose(String url, String user, String password, Function<String, String> platform, Path home) {
        if (url != null && !url.isBlank()) {
            return new Database(url.trim(), user, password);
        }
        String fromPlatform = platform.apply(URL_PROPERTY);
        if (fromPlatform != null && !fromPlatform.isBlank()) {
            String platformUser = platform.apply(USER_PROPERTY);
            String platformPassword = platform.apply(PASSWORD_PROPERTY);
            return new Database(fromPlatform.trim(), platformUser != null ? platformUser : user,
                    platformPassword != null ? platformPassword : password);
        }
        return defaultFor(home, user, password);
    }

    /**
     * The default file database: cached tables so a province's year need not fit in memory,
     * and every commit written through to the log so a killed process loses nothing committed. The
     * data file is read and written, not mapped into memory: mapped, its pages (up to 256 MB) counted
     * in the platform's resident memory (issue 15 P7), while the operating system's file cache serves
     * reads as well and HSQLDB keeps its own cache of rows ({@link #CACHED_ROWS}).
     */
    static Database defaultFor(Path home, String user, String password) {
        Path file = home.resolve("data").resolve("qiancheng").toAbsolutePath();
        return new Database(HSQLDB_FILE + file + ";hsqldb.default_table_type=cached;hsqldb.write_delay=false"
                + ";hsqldb.tx=mvcc;hsqldb.nio_data_file=false;hsqldb.cache_rows=" + CACHED_ROWS, user, password);
    }

    boolean isHsqldb() {
        return url.startsWith(HSQLDB);
    }

    boolean isPostgresql() {
        return url.startsWith(POSTGRESQL);
    }

    /**
     * What EclipseLink needs beyond the common unit properties for this product: EclipseLink's own
     * connection pool over the data source for both. Without it every transaction opens and closes
     * a connection: on PostgreSQL a server process with authentication; on HSQLDB a session whose
     * close writes a statement to the log and, with {@code write_delay=false}, syncs the file — at a
     * few hundred requests a second those syncs queued every request thread behind one lock for
     * seconds (bench/swap.sh). PostgreSQL also needs the kernel's platform class, and has no shared
     * (second-level) cache: several nodes may write the same rows (docs/operations.md, several nodes),
     * and an entity cached by one node would hide another node's change from it — a revoked session,
     * a settlement's progress. HSQLDB's file database is opened by one process only.
     *
     * <p>On HSQLDB a block of ids is taken in the transaction that needs it, not on a connection of
     * its own. HSQLDB's automatic checkpoint makes every transaction that starts wait until the ones
     * in progress end; a transaction in progress that then waited for a block on a second connection
     * (a new transaction) waited for the checkpoint, which waited for it: a settlement stopped that
     * way, and every request behind it. In the transaction, EclipseLink hands out the rest of a block
     * only once it commits, so a rollback gives back no id still in use; with one process on the file
     * there is no other node to take the same block.
     */
    Map<String, String> eclipselinkProperties() {
        Map<String, String> properties = new java.util.HashMap<>(Map.of(
                "eclipselink.connection-pool.force-internal-pool", "true",
                "eclipselink.connection-pool.default.initial", "1",
                // min = max: EclipseLink closes every connection above min on release, which is the cost avoided
                "eclipselink.connection-pool.default.min", "16",
                "eclipselink.connection-pool.default.max", "16",
                // inserts of rows whose ids come in blocks (RowIds) go in JDBC batches
                "eclipselink.jdbc.batch-writing", "JDBC",
                "eclipselink.jdbc.batch-writing.size", "500",
                // statements prepared once per pooled connection: HSQLDB compiles a statement when it is prepared
                "eclipselink.jdbc.cache-statements", "true",
                "eclipselink.jdbc.cache-statements.size", "200"));
        if (isPostgresql()) {
            // a block is taken and committed on a connection of its own: a rolled-back transaction must not
            // give back ids this node still hands out, which another node may then take too
            properties.put("eclipselink.jdbc.sequence-connection-pool", "true");
            properties.put("eclipselink.target-database", PostgresqlPlatform.class.getName());
            properties.put("eclipselink.cache.shared.default", "false");
        }
        return properties;
    }

    DataSource dataSource() {
        return dataSource(Database.class.getClassLoader());
    }

    /**
     * @param drivers where the optional drivers are looked for: this bundle's class loader, which
     *        sees {@code org.postgresql} only when the driver bundle was there to wire the import
     * @throws IllegalArgumentException naming the field {@code url} when no driver here serves it
     */
    DataSource dataSource(ClassLoader drivers) {
        if (isHsqldb()) {
            JDBCDataSource source = new JDBCDataSource();
            source.setUrl(url);
            source.setUser(user.isBlank() ? HSQLDB_DEFAULT_USER : user);
            source.setPassword(password);
            return source;
        }
        if (isPostgresql()) {
            if (!present(POSTGRESQL_DATA_SOURCE, drivers)) {
                throw new IllegalArgumentException("url: '" + redactedUrl() + "' needs the PostgreSQL JDBC driver"
                        + " (bundle org.postgresql.jdbc, postgresql-*.jar in system/), which this node does not have;"
                        + " url 需要 PostgreSQL JDBC 驱动（org.postgresql.jdbc），本节点未安装");
            }
            return PostgresqlSource.of(this);
        }
        throw new IllegalArgumentException("url: unsupported JDBC URL scheme in '" + redactedUrl()
                + "' (supported: jdbc:hsqldb:, jdbc:postgresql:; 不支持的数据库地址)");
    }

    /** Closes an embedded database cleanly so its files need no recovery at the next start. */
    void shutdown(DataSource source) throws SQLException {
        if (isHsqldb()) {
            try (Connection connection = source.getConnection(); Statement statement = connection.createStatement()) {
                statement.execute("SHUTDOWN");
            }
        }
    }

    /** The URL without anything after a password-like parameter, for logs and health reports. */
    String redactedUrl() {
        int at = url.toLowerCase(Locale.ROOT).indexOf("password");
        return at < 0 ? url : url.substring(0, at) + "…";
    }

    /** Never the password, should a record be printed whole. */
    @Override
    public String toString() {
        return "Database[" + redactedUrl() + ", user " + user + "]";
    }

    private static boolean present(String className, ClassLoader loader) {
        try {
            Class.forName(className, false, loader);
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
