package org.qiancheng.persistence.internal.workflow;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.qiancheng.api.model.EmploymentOutcome;
import org.qiancheng.api.model.SkillLevel;
import org.qiancheng.api.security.RegionScope;
import org.qiancheng.api.workflow.Page;
import org.qiancheng.api.workflow.PlanLine;
import org.qiancheng.api.workflow.PlanStatus;
import org.qiancheng.api.workflow.TrainingPlan;
import org.qiancheng.persistence.PlanTx;

/** Yearly training plans over the entity manager of one transaction; progress counted by grouped JPQL. */
final class JpaPlans implements PlanTx {

    private final Rows rows;

    JpaPlans(Rows rows) {
        this.rows = rows;
    }

    @Override
    public TrainingPlan insert(String regionCode, int year, List<PlanLine> lines, String createdBy,
            Instant createdAt) {
        PlanEntity plan = rows.persisted(PlanEntity.of(regionCode, year, createdBy, createdAt));
        writeLines(plan.id, PlanLineEntity.CURRENT, lines);
        return record(plan);
    }

    @Override
    public Optional<TrainingPlan> find(String regionCode, int year) {
        return entity(regionCode, year).map(this::record);
    }

    @Override
    public Page<TrainingPlan> list(RegionScope scope, String region, Integer year, int offset, int limit) {
        Page<PlanEntity> page = rows.<PlanEntity, PlanEntity>paging(PlanEntity.class).filter("regionCode", "=", region)
                .filter("year", "=", year).within(scope, "%s", "e.regionCode")
                .orderBy("e.regionCode, e.year").page(offset, limit, e -> e);
        Map<Long, List<PlanLineEntity>> lines = lines(page.items().stream().map(e -> e.id).toList());
        List<TrainingPlan> plans = page.items().stream().map(e -> record(e, lines.getOrDefault(e.id, List.of())))
                .toList();
        return new Page<>(plans, page.total(), page.offset(), page.limit());
    }

    @Override
    public TrainingPlan replaceLines(long id, List<PlanLine> lines, long expectedVersion) {
        PlanEntity plan = rows.current(PlanEntity.class, id, expectedVersion);
        for (PlanLineEntity line : revision(id, PlanLineEntity.CURRENT)) {
            rows.manager.remove(line);
        }
        rows.manager.flush();
        writeLines(id, PlanLineEntity.CURRENT, lines);
        plan.lineChanges++;
        return rows.updated(plan, this::record);
    }

    @Override
    public TrainingPlan publish(long id, LocalDate on, String by, Instant at, long expectedVersion) {
        PlanEntity plan = rows.current(PlanEntity.class, id, expectedVersion);
        plan.status = PlanStatus.PUBLISHED;
        plan.publishedOn = on;
        plan.publishedBy = by;
        plan.publishedAt = AuditEventEntity.utc(at);
        return rows.updated(plan, this::record);
    }

    @Override
    public TrainingPlan adjust(long id, List<PlanLine> lines, LocalDate on, String by, Instant at, String reason,
            long expectedVersion) {
        PlanEntity plan = rows.current(PlanEntity.class, id, expectedVersion);
        // the published lines are kept as they were: moved to the ORIGINAL revision, never rewritten
        for (PlanLineEntity line : revision(id, PlanLineEntity.CURRENT)) {
            line.revision = PlanLineEntity.ORIGINAL;
        }
        rows.manager.flush();
        writeLines(id, PlanLineEntity.CURRENT, lines);
        plan.status = PlanStatus.ADJUSTED;
        plan.adjustedOn = on;
        plan.adjustedBy = by;
        plan.adjustedAt = AuditEventEntity.utc(at);
        plan.adjustmentReason = reason;
        return rows.updated(plan, this::record);
    }

    @Override
    public List<Tally> tally(String regionPrefix, LocalDate from, LocalDate to, LocalDate today) {
        String region = regionPrefix == null ? "" : " AND k.regionCode LIKE :prefix";
        var classes = rows.manager.createQuery("SELECT k.occupationCode, k.level, COUNT(k) FROM ClassEntity k"
                + " WHERE k.startDate >= :from AND k.startDate <= :to" + region
                + " GROUP BY k.occupationCode, k.level", Object[].class)
                .setParameter("from", from).setParameter("to", to);
        var enrolments = rows.manager.createQuery("SELECT k.occupationCode, k.level, COUNT(e),"
                + " SUM(CASE WHEN k.endDate < :today THEN 1 ELSE 0 END),"
                + " SUM(CASE WHEN e.passed = TRUE THEN 1 ELSE 0 END),"
                + " SUM(CASE WHEN e.certificateKind IS NOT NULL THEN 1 ELSE 0 END),"
                + " SUM(CASE WHEN e.employment = :stable OR e.employment = :flexible THEN 1 ELSE 0 END)"
                + " FROM EnrolmentEntity e, ClassEntity k WHERE k.id = e.classId"
                + " AND k.startDate >= :from AND k.startDate <= :to" + region
                + " GROUP BY k.occupationCode, k.level", Object[].class)
                .setParameter("from", from).setParameter("to", to).setParameter("today", today)
                .setParameter("stable", EmploymentOutcome.STABLE).setParameter("flexible", EmploymentOutcome.FLEXIBLE);
        if (regionPrefix != null) {
            classes.setParameter("prefix", regionPrefix + "%");
            enrolments.setParameter("prefix", regionPrefix + "%");
        }
        Map<String, Object[]> counted = new HashMap<>();
        for (Object[] row : enrolments.getResultList()) {
            counted.put(row[0] + "|" + row[1], row);
        }
        List<Tally> tallies = new ArrayList<>();
        for (Object[] row : classes.getResultList()) {
            Object[] e = counted.get(row[0] + "|" + row[1]);
            tallies.add(new Tally((String) row[0], (SkillLevel) row[1], count(row[2]), e == null ? 0 : count(e[2]),
                    e == null ? 0 : count(e[3]), e == null ? 0 : count(e[4]), e == null ? 0 : count(e[5]),
                    e == null ? 0 : count(e[6])));
        }
        tallies.sort(java.util.Comparator.comparing(Tally::occupationCode)
                .thenComparing(t -> t.level() == null ? -1 : t.level().ordinal()));
        return tallies;
    }

    private Optional<PlanEntity> entity(String regionCode, int year) {
        return rows.manager.createQuery("SELECT e FROM PlanEntity e WHERE e.regionCode = :region AND e.year = :year",
                PlanEntity.class).setParameter("region", regionCode).setParameter("year", year).getResultList()
                .stream().findFirst();
    }

    private TrainingPlan record(PlanEntity plan) {
        return record(plan, lines(List.of(plan.id)).getOrDefault(plan.id, List.of()));
    }

    private static TrainingPlan record(PlanEntity plan, List<PlanLineEntity> lines) {
        List<PlanLine> current = new ArrayList<>();
        List<PlanLine> original = new ArrayList<>();
        for (PlanLineEntity line : lines) {
            (line.revision == PlanLineEntity.CURRENT ? current : original).add(line.toRecord());
        }
        return plan.toRecord(current, original);
    }

    /** The lines of the plans, by plan, each plan's in revision then line order. */
    private Map<Long, List<PlanLineEntity>> lines(List<Long> planIds) {
        Map<Long, List<PlanLineEntity>> byPlan = new HashMap<>();
        if (planIds.isEmpty()) {
            return byPlan;
        }
        for (PlanLineEntity line : rows.manager.createQuery("SELECT l FROM PlanLineEntity l WHERE l.planId IN :plans"
                + " ORDER BY l.planId, l.revision, l.lineNo", PlanLineEntity.class).setParameter("plans", planIds)
                .getResultList()) {
            byPlan.computeIfAbsent(line.planId, k -> new ArrayList<>()).add(line);
        }
        return byPlan;
    }

    private void writeLines(long planId, int revision, List<PlanLine> lines) {
        for (int i = 0; i < lines.size(); i++) {
            rows.manager.persist(PlanLineEntity.of(planId, revision, i, lines.get(i)));
        }
        rows.manager.flush();
    }

    private List<PlanLineEntity> revision(long planId, int revision) {
        return rows.manager.createQuery("SELECT l FROM PlanLineEntity l WHERE l.planId = :plan"
                + " AND l.revision = :revision", PlanLineEntity.class).setParameter("plan", planId)
                .setParameter("revision", revision).getResultList();
    }

    private static long count(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }
}
