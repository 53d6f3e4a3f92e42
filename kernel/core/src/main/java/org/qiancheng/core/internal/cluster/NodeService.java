package org.qiancheng.core.internal.cluster;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.qiancheng.api.system.NodeInfo;
import org.qiancheng.api.system.Nodes;
import org.qiancheng.core.internal.security.Access;
import org.qiancheng.persistence.NodeTx;
import org.qiancheng.persistence.WorkflowStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This node among the nodes sharing the database: its id, a heartbeat every few seconds (its row in
 * {@code QC_NODE} and every lease it holds move forward), and the list of live nodes. Lease timing is
 * real time ({@link Instant#now()}), never the platform's business clock, which a demonstration may
 * freeze.
 */
@Component(service = {Nodes.class, NodeService.class}, immediate = true,
        configurationPid = ClusterConfiguration.PID)
@Designate(ocd = ClusterConfiguration.class)
public final class NodeService implements Nodes {

    private static final Logger LOG = LoggerFactory.getLogger(NodeService.class);
    static final String PERMISSION = "platform.read";

    private final WorkflowStore store;
    private final String id;
    private final String address;
    private final Instant startedAt = Instant.now();
    private final Duration heartbeat;
    private final Duration lease;
    private final Duration takeoverAfterStart;
    private final ScheduledExecutorService beat = Executors.newSingleThreadScheduledExecutor(
            r -> new Thread(r, "qc-node-heartbeat"));
    private volatile Instant lastBeat = Instant.EPOCH;

    @Activate
    public NodeService(@Reference WorkflowStore store, ClusterConfiguration config, BundleContext context) {
        this(store, config, context.getProperty("qc.node"), context.getProperty("org.osgi.service.http.port"));
    }

    /** A node outside the framework (tests): {@code node} and {@code port} as the framework would give them. */
    public NodeService(WorkflowStore store, ClusterConfiguration config, String node, String port) {
        this.store = store;
        this.heartbeat = Duration.ofSeconds(Math.max(1, config.heartbeatSeconds()));
        this.lease = Duration.ofSeconds(Math.max(2, config.leaseSeconds()));
        this.takeoverAfterStart = Duration.ofSeconds(Math.max(0, config.takeoverAfterStartSeconds()));
        String host = hostName();
        this.address = host + (port == null || port.isBlank() ? "" : ":" + port.trim());
        this.id = chooseId(config.node(), node, address);
        beatNow();
        beat.scheduleWithFixedDelay(this::beatNow, heartbeat.toMillis(), heartbeat.toMillis(), TimeUnit.MILLISECONDS);
        LOG.info("Node {} ({}) started; heartbeat every {} s, leases of {} s", id, address, heartbeat.toSeconds(),
                lease.toSeconds());
    }

    /** The configured id, else QC_NODE, else the address and a random suffix: unique per process start. */
    static String chooseId(String configured, String fromEnvironment, String address) {
        for (String candidate : new String[] {configured, fromEnvironment}) {
            if (candidate != null && !candidate.isBlank()) {
                String trimmed = candidate.strip();
                return trimmed.length() > 100 ? trimmed.substring(0, 100) : trimmed;
            }
        }
        byte[] random = new byte[3];
        new SecureRandom().nextBytes(random);
        String generated = address + "-" + HexFormat.of().formatHex(random);
        return generated.length() > 100 ? generated.substring(generated.length() - 100) : generated;
    }

    private static String hostName() {
        String env = System.getenv("HOSTNAME");
        if (env != null && !env.isBlank()) {
            return env.strip().toLowerCase(Locale.ROOT);
        }
        try {
            return InetAddress.getLocalHost().getHostName().toLowerCase(Locale.ROOT);
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }

    @Deactivate
    void stop() {
        beat.shutdownNow();
        try {
            store.transaction(tx -> {
                tx.nodes().stopped(id, Instant.now());
                return null;
            });
        } catch (RuntimeException e) {
            LOG.warn("Node {}: its stop was not recorded: {}", id, e.toString());
        }
    }

    /** The heartbeat: the node's row, then its leases, in one transaction. */
    private void beatNow() {
        try {
            Instant now = Instant.now();
            store.transaction(tx -> {
                tx.nodes().heartbeat(id, address, startedAt, now);
                tx.nodes().renewAll(id, now.plus(lease));
                return null;
            });
            lastBeat = now;
        } catch (RuntimeException e) {
            // a database down for a while: the leases expire and other nodes take the work over
            LOG.warn("Node {}: heartbeat failed: {}", id, e.toString());
        }
    }

    @Override
    public String self() {
        return id;
    }

    /** @return how long a lease lives without a heartbeat */
    public Duration lease() {
        return lease;
    }

    /** @return the time between heartbeats */
    public Duration heartbeat() {
        return heartbeat;
    }

    /** @return when a lease taken or renewed now ends */
    public Instant leaseEnd() {
        return Instant.now().plus(lease);
    }

    /** @return whether this node has run long enough to take over work whose lease expired */
    public boolean mayTakeOver() {
        return !Instant.now().isBefore(startedAt.plus(takeoverAfterStart));
    }

    /** @return the resources whose leases this node holds now */
    public List<String> leases() {
        Instant now = Instant.now();
        return store.transaction(tx -> tx.nodes().held(id, now)).stream().map(NodeTx.Lease::resource).toList();
    }

    @Override
    public List<NodeInfo> nodes() {
        Access.require(PERMISSION);
        Instant now = Instant.now();
        record Read(List<NodeTx.Node> live, List<NodeTx.Lease> leases) {
        }
        Read read = store.transaction(tx -> new Read(tx.nodes().live(now.minus(lease)), tx.nodes().alive(now)));
        Map<String, List<String>> byNode = read.leases().stream().collect(Collectors.groupingBy(NodeTx.Lease::node,
                Collectors.mapping(NodeTx.Lease::resource, Collectors.toList())));
        List<NodeInfo> nodes = new ArrayList<>();
        for (NodeTx.Node node : read.live()) {
            NodeInfo info = new NodeInfo(node.id(), node.address(), node.startedAt(), node.heartbeatAt(),
                    byNode.getOrDefault(node.id(), List.of()), node.id().equals(id));
            if (info.self()) {
                nodes.add(0, info);
            } else {
                nodes.add(info);
            }
        }
        return nodes;
    }

    /** @return when this node last wrote its heartbeat */
    Instant lastBeat() {
        return lastBeat;
    }
}
