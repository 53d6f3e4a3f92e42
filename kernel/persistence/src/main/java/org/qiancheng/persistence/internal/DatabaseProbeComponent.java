package org.qiancheng.persistence.internal;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.qiancheng.api.system.DatabaseHealth;
import org.qiancheng.api.system.HealthStatus;
import org.qiancheng.persistence.DatabaseProbe;

/** Answers the health check with a count over a kernel table, timed. */
@Component
public final class DatabaseProbeComponent implements DatabaseProbe {

    private final JpaUnit unit;

    @Activate
    public DatabaseProbeComponent(@Reference JpaUnit unit) {
        this.unit = unit;
    }

    @Override
    public DatabaseHealth probe() {
        long started = System.nanoTime();
        try {
            long boots = unit.read(manager -> manager
                    .createQuery("SELECT COUNT(b) FROM BootRecord b", Long.class)
                    .getSingleResult());
            long millis = (System.nanoTime() - started) / 1_000_000;
            return new DatabaseHealth(HealthStatus.UP, unit.product(), boots, millis, null);
        } catch (RuntimeException e) {
            return DatabaseHealth.down(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }
}
