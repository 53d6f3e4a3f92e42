package org.qiancheng.persistence.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * HSQLDB's cache of rows of cached tables, sized by {@code hsqldb.cache_rows} in the URL. HSQLDB reads that
 * property only when it creates the database; a database made before keeps the size it was made with. So
 * at start the size the URL asks for is compared with the database's, and set when they differ: the
 * database is then closed once, and opened again with it (HSQLDB applies a new size at its next open).
 *
 * <p>Why the size matters: every row a settlement reads or writes passes through this cache. At 50 000
 * rows (HSQLDB's default) a row stays in it for over a second of a settlement, long enough to be copied
 * to the old generation of the serial collector; the rows it evicts then fill that generation, and a full
 * collection followed every ten young ones (docs/benchmarks.md).
 */
final class RowCache {

    private static final Pattern SIZE = Pattern.compile("(?i);hsqldb\\.cache_rows=(\\d+)");

    private RowCache() {
    }

    /**
     * @return what was changed, empty when the URL names no size, is not of a file database, or the
     *         database has the size already
     */
    static Optional<String> apply(Database database, DataSource source) throws SQLException {
        Matcher wanted = SIZE.matcher(database.url());
        // a file database only: the platform's process owns it, and closing it closes nobody else's
        if (!database.url().startsWith(Database.HSQLDB_FILE) || !wanted.find()) {
            return Optional.empty();
        }
        long rows = Long.parseLong(wanted.group(1));
        try (Connection connection = source.getConnection()) {
            long current = current(connection);
            if (current == rows) {
                return Optional.empty();
            }
            try (Statement statement = connection.createStatement()) {
                statement.execute("SET FILES CACHE ROWS " + rows);
                statement.execute("SHUTDOWN");
            }
            return Optional.of("HSQLDB row cache " + current + " → " + rows + " rows (hsqldb.cache_rows)");
        }
    }

    private static long current(Connection connection) throws SQLException {
        try (PreparedStatement read = connection.prepareStatement("SELECT PROPERTY_VALUE FROM"
                + " INFORMATION_SCHEMA.SYSTEM_PROPERTIES WHERE PROPERTY_NAME = 'hsqldb.cache_rows'");
                ResultSet row = read.executeQuery()) {
            return row.next() ? Long.parseLong(row.getString(1)) : -1;
        }
    }
}
