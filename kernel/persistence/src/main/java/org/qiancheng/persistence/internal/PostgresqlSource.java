package org.qiancheng.persistence.internal;

import java.util.Locale;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The PostgreSQL data source. Kept apart from {@link Database} so that {@code org.postgresql}
 * (an optional import) is only loaded once the driver is known to be there.
 */
final class PostgresqlSource {

    private PostgresqlSource() {
    }

    static DataSource of(Database database) {
        PGSimpleDataSource source = new PGSimpleDataSource();
        try {
            source.setURL(database.url());
        } catch (IllegalArgumentException e) {
            // the driver's own message repeats the URL, password included
            throw new IllegalArgumentException("url: '" + database.redactedUrl() + "' is not a PostgreSQL JDBC URL"
                    + " (jdbc:postgresql://host:port/database); url 不是有效的 PostgreSQL 地址");
        }
        // blank: whatever the URL says (its user= and password= parameters), else the driver's default
        if (!database.user().isBlank()) {
            source.setUser(database.user());
        }
        if (!database.password().isEmpty()) {
            source.setPassword(database.password());
        }
        // a batch of inserts (a class's claims, a transaction's audit entries) sent as a few multi-row inserts,
        // not one statement per row; unless the URL says otherwise
        if (!database.url().toLowerCase(Locale.ROOT).contains("rewritebatchedinserts")) {
            source.setReWriteBatchedInserts(true);
        }
        if (source.getApplicationName() == null || "PostgreSQL JDBC Driver".equals(source.getApplicationName())) {
            source.setApplicationName("qiancheng");
        }
        return source;
    }
}
