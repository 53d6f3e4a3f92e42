package org.qiancheng.core.internal;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.qiancheng.api.system.DatabaseHealth;
import org.qiancheng.api.system.HealthReport;
import org.qiancheng.api.system.NodeHealth;
import org.qiancheng.core.internal.cluster.NodeService;
import org.qiancheng.api.system.HealthService;
import org.qiancheng.api.system.HealthStatus;
import org.qiancheng.persistence.DatabaseProbe;

/**
 * Health of the running platform. The database probe is optional and dynamic so the report can
 * still say "database down" while the persistence bundle is stopped or being reconfigured.
 */
@Component
public final class HealthMonitor implements HealthService {

    private final BundleContext context;
    private final Clock clock;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile DatabaseProbe database;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile NodeService node;

    @Activate
    public HealthMonitor(BundleContext context) {
        this(context, Clock.systemUTC());
    }

    HealthMonitor(BundleContext context, Clock clock) {
        this.context = context;
        this.clock = clock;
    }

    @Override
    public HealthReport health() {
        Bundle framework = context.getBundle(Constants.SYSTEM_BUNDLE_LOCATION);
        String frameworkState = BundleStates.name(framework.getState());
        DatabaseProbe probe = database;
        DatabaseHealth db = probe == null ? DatabaseHealth.down("persistence service not available") : probe.probe();
        boolean up = framework.getState() == Bundle.ACTIVE && db.status() == HealthStatus.UP;
        return new HealthReport(up ? HealthStatus.UP : HealthStatus.DOWN, frameworkState,
                BundleStates.count(context.getBundles()), db,
                Duration.ofMillis(ManagementFactory.getRuntimeMXBean().getUptime()), clock.instant(),
                node(db.status() == HealthStatus.UP));
    }

    /** This node and its leases (none read while the database is down); {@code null} before the node started. */
    private NodeHealth node(boolean databaseUp) {
        NodeService self = node;
        if (self == null) {
            return null;
        }
        List<String> leases = List.of();
        if (databaseUp) {
            try {
                leases = self.leases();
            } catch (RuntimeException e) {
                leases = List.of();
            }
        }
        return new NodeHealth(self.self(), leases);
    }
}
