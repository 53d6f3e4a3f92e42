package org.qiancheng.persistence.internal.workflow;

import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.qiancheng.api.security.RegionScope;
import org.qiancheng.api.workflow.Page;
import org.qiancheng.api.workflow.Settlement;
import org.qiancheng.api.workflow.SettlementStatus;
import org.qiancheng.api.workflow.TrainingClass;
import org.qiancheng.api.workflow.WorkflowException;
import org.qiancheng.persistence.SettlementTx;

/** Settlement runs over the entity manager of one transaction. */
final class JpaSettlements implements SettlementTx {

    private static final List<SettlementStatus> OPEN = List.of(SettlementStatus.RUNNING,
            SettlementStatus.INTERRUPTED, SettlementStatus.FAILED);

    private final EntityManager manager;

    private final ClaimStatistics statistics;

    JpaSettlements(EntityManager manager, ClaimStatistics statistics) {
        this.manager = manager;
        this.statistics = statistics;
    }

    @Override
    public Settlement insert(String regionCode, YearMonth month, int classesTotal, String startedBy, Instant at) {
        SettlementEntity e = SettlementEntity.of(regionCode, month, classesTotal, startedBy, at);
        manager.persist(e);
        manager.flush();
        return e.toRecord();
    }

    @Override
    public Optional<Settlement> find(long id) {
        return Optional.ofNullable(manager.find(SettlementEntity.class, id)).map(SettlementEntity::toRecord);
    }

    @Override
    public Optional<Settlement> open(String regionCode, YearMonth month) {
        return manager.createQuery("SELECT s FROM SettlementEntity s WHERE s.regionCode = :r AND s.month = :m"
                + " AND s.status IN :open ORDER BY s.id DESC", SettlementEntity.class).setParameter("r", regionCode)
                .setParameter("m", month.toString()).setParameter("open", OPEN).setMaxResults(1).getResultList()
                .stream().findFirst().map(SettlementEntity::toRecord);
    }

    @Override
    public Page<Settlement> list(RegionScope scope, String region, int offset, int limit) {
        return new Paging<SettlementEntity, Settlement>(manager, SettlementEntity.class)
                .filter("regionCode", "=", region).within(scope, "%s", "e.regionCode").newestFirst().page(offset, limit, SettlementEntity::toRecord);
    }

    @Override
    public List<TrainingClass> classesEnded(String regionPrefix, LocalDate from, LocalDate to, long afterClassId,
            int limit) {
        // how every batch of a settlement starts: the claims of the batches before are in the statistics
        statistics.keepCurrent(manager);
        // the run walks the primary key from its cursor: COALESCE keeps the end date's and the region's indexes
        // out of the plan, which otherwise read every class of the month and sort them at every batch
        // (quadratic over a run: 17 s of a settlement of 10^6 claims on HSQLDB went to this query)
        return manager.createQuery("SELECT c FROM ClassEntity c WHERE c.id > :after"
                + " AND COALESCE(c.endDate, c.endDate) >= :from AND COALESCE(c.endDate, c.endDate) <= :to"
                + " AND COALESCE(c.regionCode, c.regionCode) LIKE :region ORDER BY c.id", ClassEntity.class)
                .setParameter("from", from).setParameter("to", to).setParameter("region", like(regionPrefix))
                .setParameter("after", afterClassId).setMaxResults(limit).getResultList().stream()
                .map(ClassEntity::toRecord).toList();
    }

    @Override
    public int countClassesEnded(String regionPrefix, LocalDate from, LocalDate to) {
        return manager.createQuery("SELECT COUNT(c) FROM ClassEntity c WHERE c.endDate >= :from AND c.endDate <= :to"
                + " AND c.regionCode LIKE :region", Long.class).setParameter("from", from).setParameter("to", to)
                .setParameter("region", like(regionPrefix)).getSingleResult().intValue();
    }

    @Override
    public Settlement recordBatch(long id, long afterClassId, int classes, List<String> skipped, long claims,
            BigDecimal amount) {
        SettlementEntity e = existing(id);
        e.afterClassId = afterClassId;
        e.classesDone += classes;
        e.addSkipped(skipped);
        e.claimsCreated += claims;
        e.amount = e.amount.add(amount);
        manager.flush();
        return e.toRecord();
    }

    @Override
    public OptionalLong topUpCursor(long id) {
        Long cursor = existing(id).afterTopUpEnrolmentId;
        return cursor == null ? OptionalLong.empty() : OptionalLong.of(cursor);
    }

    @Override
    public Settlement recordTopUpBatch(long id, long afterEnrolmentId, List<String> skipped, long claims,
            BigDecimal amount) {
        SettlementEntity e = existing(id);
        e.afterTopUpEnrolmentId = afterEnrolmentId;
        e.addSkipped(skipped);
        e.claimsCreated += claims;
        e.amount = e.amount.add(amount);
        manager.flush();
        return e.toRecord();
    }

    @Override
    public Settlement changeStatus(long id, SettlementStatus status, String error, Instant finishedAt) {
        SettlementEntity e = existing(id);
        e.status = status;
        e.error = error == null ? null : error.substring(0, Math.min(error.length(), 2000));
        e.finishedAt = finishedAt == null ? null : AuditEventEntity.utc(finishedAt);
        manager.flush();
        return e.toRecord();
    }

    @Override
    public int interruptRunning(String reason) {
        List<SettlementEntity> running = manager.createQuery("SELECT s FROM SettlementEntity s WHERE s.status = :s",
                SettlementEntity.class).setParameter("s", SettlementStatus.RUNNING).getResultList();
        running.forEach(s -> {
            s.status = SettlementStatus.INTERRUPTED;
            s.error = reason;
        });
        manager.flush();
        return running.size();
    }

    @Override
    public List<Settlement> running() {
        return manager.createQuery("SELECT s FROM SettlementEntity s WHERE s.status = :s ORDER BY s.id",
                SettlementEntity.class).setParameter("s", SettlementStatus.RUNNING).getResultList().stream()
                .map(SettlementEntity::toRecord).toList();
    }

    private SettlementEntity existing(long id) {
        SettlementEntity e = manager.find(SettlementEntity.class, id);
        if (e == null) {
            throw new WorkflowException(WorkflowException.Kind.NOT_FOUND, "id", "exists", "no settlement " + id);
        }
        return e;
    }

    private static String like(String prefix) {
        return (prefix == null ? "" : prefix) + "%";
    }
}
