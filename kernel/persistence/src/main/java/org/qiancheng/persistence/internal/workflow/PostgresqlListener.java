package org.qiancheng.persistence.internal.workflow;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.qiancheng.persistence.internal.JpaUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code LISTEN} on one PostgreSQL channel over a connection of its own, calling the listeners on
 * every notification. Kept apart so that {@code org.postgresql} (an optional import) is loaded only
 * on PostgreSQL. A lost connection is opened again after a pause; the readers poll meanwhile.
 */
final class PostgresqlListener implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PostgresqlListener.class);
    private static final int WAIT_MILLIS = 1_000;
    private static final long RETRY_MILLIS = 2_000;

    private final JpaUnit unit;
    private final String channel;
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private final Thread thread;
    private volatile boolean closed;

    PostgresqlListener(JpaUnit unit, String channel) {
        this.unit = unit;
        this.channel = channel;
        this.thread = new Thread(this::run, "qc-listen-" + channel);
        thread.setDaemon(true);
        thread.start();
    }

    AutoCloseable add(Runnable listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    private void run() {
        while (!closed) {
            try (Connection connection = unit.connect()) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN " + channel);
                }
                PGConnection pg = connection.unwrap(PGConnection.class);
                LOG.info("Listening on PostgreSQL channel {}", channel);
                while (!closed) {
                    PGNotification[] received = pg.getNotifications(WAIT_MILLIS);
                    if (received != null && received.length > 0) {
                        listeners.forEach(PostgresqlListener::call);
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (!closed) {
                    LOG.warn("LISTEN {} lost ({}); again in {} ms, polling meanwhile", channel, e.toString(),
                            RETRY_MILLIS);
                    pause();
                }
            }
        }
    }

    private static void call(Runnable listener) {
        try {
            listener.run();
        } catch (RuntimeException e) {
            LOG.warn("A listener failed: {}", e.toString());
        }
    }

    private void pause() {
        try {
            Thread.sleep(RETRY_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closed = true;
        }
    }

    @Override
    public void close() {
        closed = true;
        thread.interrupt();
    }
}
