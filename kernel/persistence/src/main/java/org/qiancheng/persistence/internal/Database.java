package org.qiancheng.persistence.internal;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.hsqldb.jdbc.JDBCDataSource;

/**
 * Which database the kernel uses, and the few things that differ between products. The data
 * source is built as an object, not looked up by driver class name, because inside the framework
 * the JDBC driver manager cannot see bundle-private drivers.
 */
record Database(String url, String user, String password) {

    private static final String HSQLDB_FILE = "jdbc:hsqldb:file:";

    /**
     * The default file database: cached tables so a province's year need not fit in memory,
     * and every commit written through to the log so a killed process loses nothing committed.
     */
    static Database defaultFor(Path home, String user, String password) {
        Path file = home.resolve("data").resolve("qiancheng").toAbsolutePath();
        return new Database(HSQLDB_FILE + file + ";hsqldb.default_table_type=cached;hsqldb.write_delay=false"
                + ";hsqldb.tx=mvcc", user, password);
    }

    boolean isHsqldb() {
        return url.startsWith("jdbc:hsqldb:");
    }

    DataSource dataSource() {
        if (isHsqldb()) {
            JDBCDataSource source = new JDBCDataSource();
            source.setUrl(url);
            source.setUser(user);
            source.setPassword(password);
            return source;
        }
        throw new IllegalArgumentException("url: unsupported JDBC URL scheme in '" + redactedUrl()
                + "' (supported: jdbc:hsqldb:)");
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
        int at = url.toLowerCase(java.util.Locale.ROOT).indexOf("password");
        return at < 0 ? url : url.substring(0, at) + "…";
    }
}
