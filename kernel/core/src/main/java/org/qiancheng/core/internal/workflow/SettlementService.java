package org.qiancheng.core.internal.workflow;

import java.time.Clock;
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
import org.qiancheng.persistence.WorkflowStore;
import org.qiancheng.persistence.WorkflowTx;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Monthly settlements, run in batches by one background worker of this node. A run's progress is
 * in the database; when the node starts, runs left RUNNING by a stopped or killed process are
 * marked INTERRUPTED and wait for an operator to resume them (or to start the month again), so
 * that they resume after the region bundles in {@code deploy/} are back in force, not against a
 * fallback policy of the first minutes.
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
    private static final int CONFLICT_RETRIES = 3;

    private final WorkflowStore store;
    private final Clock clock;
    private final Audit audit;
    private final SettlementBatch batch;
    private final int batchSize;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> new Thread(r, "qc-settlement"));
    private final Map<Long, Boolean> queued = new ConcurrentHashMap<>();
    private volatile boolean stopping;

    @Activate
    public SettlementService(@Reference WorkflowStore store, @Reference PolicyRegistry registry,
            @Reference Clock clock, Config config) {
        this.store = store;
        this.clock = clock;
        this.audit = new Audit(clock);
        this.batch = new SettlementBatch(new ClaimComputation(registry, audit, clock), registry, audit, clock);
        this.batchSize = Math.max(1, Math.min(1000, config.classesPerBatch()));
        int interrupted = store.transaction(tx -> tx.settlements().interruptRunning(
                "the node stopped before the run finished; resume it"));
        if (interrupted > 0) {
            LOG.warn("{} settlement run(s) were left running by the last process; they are INTERRUPTED until resumed",
                    interrupted);
        }
    }

    @Deactivate
    void stop() throws InterruptedException {
        stopping = true;
        worker.shutdown();
        if (!worker.awaitTermination(60, TimeUnit.SECONDS)) {
            worker.shutdownNow();
        }
        store.transaction(tx -> tx.settlements().interruptRunning("the node stopped; resume the run"));
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
        Settlement run = store.transaction(tx -> {
            var runs = tx.settlements();
            if (key != null && !tx.rememberIdempotencyKey(key, "settlement of " + region + " " + month)) {
                return runs.list(RegionScope.ALL, region, 0, Checks.MAX_PAGE).items().stream().filter(s -> s.month().equals(month))
                        .findFirst().orElseThrow();
            }
            Optional<Settlement> open = runs.open(region, month);
            if (open.isPresent()) {
                return open.get().status() == SettlementStatus.RUNNING ? open.get() : reopen(tx, open.get());
            }
            Settlement created = runs.insert(region, month, runs.countClassesEnded(Checks.regionPrefix(region),
                    month.atDay(1), batch.lastDay(month)), Operators.current(), clock.instant());
            return audit.created(tx, "settlement", created.id(), created);
        });
        return schedule(run);
    }

    @Override
    public Settlement resume(long id) {
        RegionScope scope = Scope.of(RUN);
        Settlement run = store.transaction(tx -> {
            Settlement found = visible(tx, scope, id);
            if (found.status() == SettlementStatus.RUNNING || found.status() == SettlementStatus.COMPLETED) {
                throw new WorkflowException(Kind.CONFLICT, "status", "resumable", "settlement " + id + " is "
                        + found.status() + "; only INTERRUPTED and FAILED runs are resumed");
            }
            return reopen(tx, found);
        });
        return schedule(run);
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

    private Settlement schedule(Settlement run) {
        if (run.status() == SettlementStatus.RUNNING && queued.putIfAbsent(run.id(), Boolean.TRUE) == null) {
            String operator = Operators.current();
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
        } catch (RuntimeException e) {
            LOG.error("Settlement {} stopped by a fault", id, e);
            store.transaction(tx -> tx.settlements().changeStatus(id, SettlementStatus.FAILED,
                    e.getClass().getSimpleName() + ": " + e.getMessage(), null));
        } finally {
            queued.remove(id);
        }
        return null;
    }

    /** One batch, retried when it lost a race with a claim computed on request. */
    private Settlement nextBatch(long id) {
        for (int attempt = 1; ; attempt++) {
            try {
                return store.transaction(tx -> batch.next(tx, id, batchSize));
            } catch (WorkflowException e) {
                if (e.kind() != Kind.CONFLICT || attempt >= CONFLICT_RETRIES) {
                    throw e;
                }
            }
        }
    }
}
