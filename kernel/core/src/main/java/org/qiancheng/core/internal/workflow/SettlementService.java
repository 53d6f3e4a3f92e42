package org.qiancheng.core.internal.workflow;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.ScheduledExecutorService;
import java.time.YearMonth;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.qiancheng.api.security.RegionScope;
import org.qiancheng.api.registry.PolicyRegistry;
import org.qiancheng.api.workflow.Operators;
import org.qiancheng.api.workflow.Page;
import org.qiancheng.api.workflow.Settlement;
import org.qiancheng.api.workflow.SettlementStatus;
import org.qiancheng.api.workflow.Settlements;
import org.qiancheng.api.workflow.WorkflowException;
import org.qiancheng.api.workflow.WorkflowException.Kind;
import org.qiancheng.core.internal.cluster.NodeService;
import org.qiancheng.persistence.NodeTx;
import org.qiancheng.persistence.WorkflowStore;
import org.qiancheng.persistence.WorkflowTx;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Monthly settlements, run in batches by one background worker of the node that holds the run's
 * lease ({@code settlement:<id>} in {@code QC_LEASE}). A run's progress is in the database, and every
 * batch renews the lease in its own transaction (its fence: a node that lost the lease commits
 * nothing more). Several nodes may share the database: a node starting touches no run whose lease
 * is alive; when a node dies, its leases expire and another node takes the runs over and finishes
 * them from their cursor — nothing lost, and nothing twice (the claims' unique key stays the last
 * guard). A node takes over only once it has run for a while, so that the region bundles of its
 * {@code deploy/} are in force rather than a fallback policy of its first seconds. A clean stop
 * ends this node's leases at once, so another node continues without waiting for them to expire.
 * Between batches and during a long one, the node's heartbeat keeps the lease alive.
 */
@Component(configurationPid = "org.qiancheng.settlement", immediate = true)
@Designate(ocd = SettlementService.Config.class)
public final class SettlementService implements Settlements {

    private static final String READ = "settlement.read";
    private static final String RUN = "settlement.run";

    @ObjectClassDefinition(name = "Qiancheng settlements")
    @interface Config {
        @AttributeDefinition(description = "Classes settled per transaction (a batch)", min = "1", max = "1000")
        int classesPerBatch() default 20;
    }

    private static final Logger LOG = LoggerFactory.getLogger(SettlementService.class);
    private static final String LEASE_PREFIX = "settlement:";
    private static final int CONFLICT_RETRIES = 3;

    private final WorkflowStore store;
    private final Clock clock;
    private final Audit audit;
    private final SettlementBatch batch;
    private final int batchSize;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> new Thread(r, "qc-settlement"));
    /** Waits for a class's decisions while the settlement reads the next class. */
    private final ExecutorService deciding = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "qc-settlement-decide");
        thread.setDaemon(true);
        return thread;
    });
    private final ScheduledExecutorService scanner = Executors.newSingleThreadScheduledExecutor(
            r -> new Thread(r, "qc-settlement-takeover"));
    private final Map<Long, Boolean> queued = new ConcurrentHashMap<>();
    private final NodeService node;
    private volatile boolean stopping;

    @Activate
    public SettlementService(@Reference WorkflowStore store, @Reference PolicyRegistry registry,
            @Reference Clock clock, @Reference NodeService node, Config config) {
        this.store = store;
        this.clock = clock;
        this.node = node;
        this.audit = new Audit(clock);
        this.batch = new SettlementBatch(new ClaimComputation(registry, store, audit, clock), registry, audit, clock,
                deciding);
        this.batchSize = Math.max(1, Math.min(1000, config.classesPerBatch()));
        long every = node.heartbeat().toMillis();
        scanner.scheduleWithFixedDelay(this::takeOver, every, every, TimeUnit.MILLISECONDS);
    }

    @Deactivate
    void stop() throws InterruptedException {
        stopping = true;
        scanner.shutdownNow();
        worker.shutdown();
        if (!worker.awaitTermination(60, TimeUnit.SECONDS)) {
            worker.shutdownNow();
        }
        deciding.shutdownNow();
        // the runs stay RUNNING: another node (or this one's next start) takes them over at once
        int released = store.transaction(tx -> tx.nodes().releaseAll(node.self(), LEASE_PREFIX, Instant.now()));
        if (released > 0) {
            LOG.info("Node {} stopped; released {} settlement lease(s) for another node to continue", node.self(),
                    released);
        }
    }

    static String lease(long runId) {
        return LEASE_PREFIX + runId;
    }

    /**
     * Takes over the RUNNING runs whose lease expired (their node died or stopped) or that never had
     * one, once this node has run long enough: every heartbeat.
     */
    private void takeOver() {
        if (stopping || !node.mayTakeOver()) {
            return;
        }
        try {
            for (Settlement run : store.transaction(tx -> tx.settlements().running())) {
                if (stopping || queued.containsKey(run.id())) {
                    continue;
                }
                Optional<NodeTx.Lease> before = store.transaction(tx -> tx.nodes().lease(lease(run.id())));
                Instant now = Instant.now();
                if (before.isPresent() && before.get().aliveAt(now)) {
                    continue;
                }
                if (acquire(run.id())) {
                    LOG.warn("Node {} takes over settlement {} of {} {} at class {} ({} of {} done) from {}",
                            node.self(), run.id(), run.regionCode(), run.month(), run.afterClassId(),
                            run.classesDone(), run.classesTotal(), before.map(l -> "node " + l.node()
                                    + " (lease expired " + l.expiresAt() + ")").orElse("no node"));
                    schedule(new Owned(run, true), run.startedBy());
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("Settlement takeover scan failed: {}", e.toString());
        }
    }

    /** Takes a run's lease in a transaction of its own; false when another node got it first. */
    private boolean acquire(long runId) {
        try {
            return store.transaction(tx -> tx.nodes().acquire(lease(runId), node.self(), Instant.now(),
                    node.leaseEnd()));
        } catch (WorkflowException e) {
            if (e.kind() == Kind.CONFLICT) {
                return false;
            }
            throw e;
        }
    }

    /** A run and whether this node holds its lease. */
    private record Owned(Settlement run, boolean mine) {
    }

    /** Takes the lease of a run in the transaction that starts or reopens it. */
    private Owned owned(WorkflowTx tx, Settlement run) {
        return new Owned(run, tx.nodes().acquire(lease(run.id()), node.self(), Instant.now(), node.leaseEnd()));
    }

    @Override
    public Settlement start(String regionCode, YearMonth month, String idempotencyKey) {
        RegionScope scope = Scope.of(RUN);
        String region = Checks.region("regionCode", regionCode);
        Scope.writable(scope, "regionCode", region);
        Checks.required("month", month);
        if (month.isAfter(YearMonth.now(clock))) {
            throw Checks.invalid("month", "not-future", "must not be after the current month "
                    + YearMonth.now(clock) + ", was " + month);
        }
        String key = idempotencyKey == null || idempotencyKey.isBlank() ? null
                : Checks.text("Idempotency-Key", idempotencyKey, 200);
        Owned run = store.transaction(tx -> {
            var runs = tx.settlements();
            if (key != null && !tx.rememberIdempotencyKey(key, "settlement of " + region + " " + month)) {
                return new Owned(runs.list(RegionScope.ALL, region, 0, Checks.MAX_PAGE).items().stream()
                        .filter(s -> s.month().equals(month)).findFirst().orElseThrow(), false);
            }
            Optional<Settlement> open = runs.open(region, month);
            if (open.isPresent()) {
                // a RUNNING run whose lease is alive on another node stays there; an expired one comes here
                return owned(tx, open.get().status() == SettlementStatus.RUNNING ? open.get() : reopen(tx, open.get()));
            }
            Settlement created = runs.insert(region, month, runs.countClassesEnded(Checks.regionPrefix(region),
                    month.atDay(1), batch.lastDay(month)), Operators.current(), clock.instant());
            return owned(tx, audit.created(tx, "settlement", created.id(), created));
        });
        return schedule(run, Operators.current());
    }

    @Override
    public Settlement resume(long id) {
        RegionScope scope = Scope.of(RUN);
        Owned run = store.transaction(tx -> {
            Settlement found = visible(tx, scope, id);
            if (found.status() == SettlementStatus.RUNNING || found.status() == SettlementStatus.COMPLETED) {
                throw new WorkflowException(Kind.CONFLICT, "status", "resumable", "settlement " + id + " is "
                        + found.status() + "; only INTERRUPTED and FAILED runs are resumed");
            }
            return owned(tx, reopen(tx, found));
        });
        return schedule(run, Operators.current());
    }

    @Override
    public Settlement settlement(long id) {
        RegionScope scope = Scope.of(READ);
        return store.transaction(tx -> visible(tx, scope, id));
    }

    private static Settlement visible(WorkflowTx tx, RegionScope scope, long id) {
        Settlement found = tx.settlements().find(id).orElseThrow(() -> Checks.notFound("settlement", id));
        return Scope.visible(scope, found.regionCode(), found, "settlement", id);
    }

    @Override
    public Page<Settlement> settlements(String region, int offset, int limit) {
        RegionScope scope = Scope.of(READ);
        Checks.page(offset, limit);
        String filter = region == null ? null : Checks.region("region", region);
        return store.transaction(tx -> tx.settlements().list(scope, filter, offset, limit));
    }

    private Settlement reopen(org.qiancheng.persistence.WorkflowTx tx, Settlement run) {
        Settlement resumed = tx.settlements().changeStatus(run.id(), SettlementStatus.RUNNING, null, null);
        return audit.changed(tx, "resumed", "settlement", run.id(), run, resumed);
    }

    private Settlement schedule(Owned owned, String operator) {
        Settlement run = owned.run();
        if (owned.mine() && run.status() == SettlementStatus.RUNNING && !stopping
                && queued.putIfAbsent(run.id(), Boolean.TRUE) == null) {
            worker.execute(() -> Operators.as(operator, () -> work(run.id())));
        }
        return run;
    }

    /** Runs batches until the run completes, the node stops, or a fault stops it. */
    private Void work(long id) {
        try {
            // the kernel's own work, checked when it was asked for: no user is signed in on this thread
            Settlement run = store.transaction(tx -> tx.settlements().find(id)).orElseThrow();
            while (run.status() == SettlementStatus.RUNNING && !stopping) {
                run = nextBatch(id);
            }
            LOG.info("Settlement {} of {} {}: {} ({} claims, {} yuan)", id, run.regionCode(), run.month(),
                    run.status(), run.claimsCreated(), run.amount().toPlainString());
        } catch (LeaseLost e) {
            LOG.warn("Settlement {}: node {} no longer holds its lease (another node took it over); stopped here", id,
                    node.self());
        } catch (RuntimeException e) {
            LOG.error("Settlement {} stopped by a fault", id, e);
            store.transaction(tx -> {
                tx.nodes().release(lease(id), node.self(), Instant.now());
                return tx.settlements().changeStatus(id, SettlementStatus.FAILED,
                        e.getClass().getSimpleName() + ": " + e.getMessage(), null);
            });
        } finally {
            queued.remove(id);
        }
        return null;
    }

    /** This node lost a run's lease: it stops working the run and commits nothing more of it. */
    private static final class LeaseLost extends RuntimeException {
        private static final long serialVersionUID = 1L;

        LeaseLost() {
            super(null, null, false, false);
        }
    }

    /**
     * One batch, retried when it lost a race with a claim computed on request. The lease is renewed
     * last in the batch's transaction, just before its commit (its fence): the row stays locked to
     * the commit, so no other node takes the run over while the batch commits, and a node that lost
     * the lease meanwhile rolls the batch back. Not first: the lock would then last the whole batch
     * and hold up this node's heartbeat, so that a slow batch let the lease expire under it.
     */
    private Settlement nextBatch(long id) {
        for (int attempt = 1; ; attempt++) {
            try {
                return store.transaction(tx -> {
                    Settlement after = batch.next(tx, id, batchSize);
                    if (!tx.nodes().acquire(lease(id), node.self(), Instant.now(), node.leaseEnd())) {
                        throw new LeaseLost();
                    }
                    if (after.status() != SettlementStatus.RUNNING) {
                        tx.nodes().release(lease(id), node.self(), Instant.now());
                    }
                    return after;
                });
            } catch (WorkflowException e) {
                if (e.kind() != Kind.CONFLICT || attempt >= CONFLICT_RETRIES) {
                    throw e;
                }
            }
        }
    }
}
