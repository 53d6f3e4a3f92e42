package org.qiancheng.core.internal.workflow;

import static org.qiancheng.core.internal.workflow.PlanRules.refused;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.qiancheng.api.model.LocalizedText;
import org.qiancheng.api.registry.PolicyRegistry;
import org.qiancheng.api.security.RegionScope;
import org.qiancheng.api.workflow.Operators;
import org.qiancheng.api.workflow.Page;
import org.qiancheng.api.workflow.PlanDrafts.AdjustmentDraft;
import org.qiancheng.api.workflow.PlanDrafts.LineDraft;
import org.qiancheng.api.workflow.PlanDrafts.PlanDraft;
import org.qiancheng.api.workflow.PlanLine;
import org.qiancheng.api.workflow.PlanProgress;
import org.qiancheng.api.workflow.PlanStatus;
import org.qiancheng.api.workflow.TrainingPlan;
import org.qiancheng.api.workflow.TrainingPlans;
import org.qiancheng.api.workflow.WorkflowException.Kind;
import org.qiancheng.persistence.PlanTx.Tally;
import org.qiancheng.persistence.WorkflowStore;
import org.qiancheng.persistence.WorkflowTx;

/**
 * Yearly training plans with their rules ({@link PlanRules}): drafted from the demand catalogue,
 * published in the plan's year or the December before, adjusted once in the year, each step dated
 * by the platform's clock and audited (entity {@code plan}); progress counted from the classes filed.
 * Checks and writes happen in one transaction, so a refusal writes nothing.
 */
@Component
public final class PlanService implements TrainingPlans {

    private static final String READ = "plan.read";
    private static final String WRITE = "plan.write";
    private static final String ENTITY = "plan";

    private final WorkflowStore store;
    private final PolicyRegistry registry;
    private final Clock clock;
    private final Audit audit;

    @Activate
    public PlanService(@Reference WorkflowStore store, @Reference PolicyRegistry registry, @Reference Clock clock) {
        this.store = store;
        this.registry = registry;
        this.clock = clock;
        this.audit = new Audit(clock);
    }

    @Override
    public TrainingPlan create(PlanDraft draft) {
        RegionScope scope = Scope.of(WRITE);
        String region = Checks.region("regionCode", draft.regionCode());
        Scope.writable(scope, "regionCode", region);
        int year = PlanRules.year("year", draft.year());
        List<PlanLine> lines = PlanRules.lines(draft.lines());
        LocalDate today = LocalDate.now(clock);
        PlanRules.inDemandCatalogue(registry, region, PlanRules.catalogueDay(year, today), lines);
        return store.transaction(tx -> {
            if (tx.plans().find(region, year).isPresent()) {
                throw refused(Kind.CONFLICT, "year", "plan.exists", new LocalizedText(
                        region + " 已有 " + year + " 年度培训计划", region + " has a training plan for " + year
                                + " already"));
            }
            TrainingPlan created = tx.plans().insert(region, year, lines, Operators.current(), clock.instant());
            return audit.created(tx, ENTITY, created.id(), created);
        });
    }

    @Override
    public TrainingPlan plan(String regionCode, int year) {
        RegionScope scope = Scope.of(READ);
        return store.transaction(tx -> visible(tx, scope, regionCode, year));
    }

    @Override
    public Page<TrainingPlan> plans(String region, Integer year, int offset, int limit) {
        RegionScope scope = Scope.of(READ);
        if (year != null) {
            PlanRules.year("year", year);
        }
        Checks.page(offset, limit);
        return store.transaction(tx -> tx.plans().list(scope, region, year, offset, limit));
    }

    @Override
    public TrainingPlan replaceLines(String regionCode, int year, List<LineDraft> drafts, long expectedVersion) {
        RegionScope scope = Scope.of(WRITE);
        List<PlanLine> lines = PlanRules.lines(drafts);
        LocalDate today = LocalDate.now(clock);
        return store.transaction(tx -> {
            TrainingPlan plan = visible(tx, scope, regionCode, year);
            draft(plan);
            PlanRules.inDemandCatalogue(registry, plan.regionCode(), PlanRules.catalogueDay(year, today), lines);
            return audit.changed(tx, "lines-replaced", ENTITY, plan.id(), plan,
                    tx.plans().replaceLines(plan.id(), lines, expectedVersion));
        });
    }

    @Override
    public TrainingPlan publish(String regionCode, int year, LocalDate publishedOn, long expectedVersion) {
        RegionScope scope = Scope.of(WRITE);
        LocalDate today = LocalDate.now(clock);
        LocalDate on = publishedOn == null ? today : publishedOn;
        return store.transaction(tx -> {
            TrainingPlan plan = visible(tx, scope, regionCode, year);
            draft(plan);
            notAfterToday("publishedOn", "发布日期", on, today);
            // 在每年初发布: in the plan's year, or in the December before it so that it is there on 1 January
            LocalDate first = LocalDate.of(year - 1, 12, 1);
            LocalDate last = LocalDate.of(year, 12, 31);
            if (on.isBefore(first) || on.isAfter(last)) {
                throw refused(Kind.INVALID, "publishedOn", "plan.publish-window", new LocalizedText(
                        "发布日期 " + on + " 不在 " + first + " 至 " + last + " 之间：年度计划在当年年初（或上年 12 月）发布",
                        "publication on " + on + " is not from " + first + " to " + last
                                + ": a yearly plan is published at the start of its year (or in the December before)"));
            }
            // the lines are checked again: the catalogue may have changed since they were drafted
            PlanRules.inDemandCatalogue(registry, plan.regionCode(), PlanRules.catalogueDay(year, on), plan.lines());
            return audit.changed(tx, "published", ENTITY, plan.id(), plan,
                    tx.plans().publish(plan.id(), on, Operators.current(), clock.instant(), expectedVersion));
        });
    }

    @Override
    public TrainingPlan adjust(String regionCode, int year, AdjustmentDraft draft, long expectedVersion) {
        RegionScope scope = Scope.of(WRITE);
        String reason = Checks.text("reason", draft.reason(), 1000);
        List<PlanLine> lines = PlanRules.lines(draft.lines());
        LocalDate today = LocalDate.now(clock);
        LocalDate on = draft.adjustedOn() == null ? today : draft.adjustedOn();
        return store.transaction(tx -> {
            TrainingPlan plan = visible(tx, scope, regionCode, year);
            if (plan.status() == PlanStatus.DRAFT) {
                throw refused(Kind.CONFLICT, "status", "plan.published", new LocalizedText(
                        regionCode + " 的 " + year + " 年度计划尚未发布，发布后才能调整",
                        "the " + year + " plan of " + regionCode + " is not published; only a published plan is"
                                + " adjusted"));
            }
            if (plan.status() == PlanStatus.ADJUSTED) {
                throw refused(Kind.CONFLICT, "status", "plan.adjusted-once", new LocalizedText(
                        regionCode + " 的 " + year + " 年度计划已于 " + plan.adjustment().on() + " 调整，年中只能调整一次",
                        "the " + year + " plan of " + regionCode + " was adjusted on " + plan.adjustment().on()
                                + "; a plan is adjusted once a year"));
            }
            notAfterToday("adjustedOn", "调整日期", on, today);
            if (on.getYear() != year) {
                throw refused(Kind.INVALID, "adjustedOn", "plan.adjust-window", new LocalizedText(
                        "调整日期 " + on + " 不在计划年度 " + year + " 内", "adjustment on " + on
                                + " is not in the plan's year " + year));
            }
            if (on.isBefore(plan.publication().on())) {
                throw refused(Kind.INVALID, "adjustedOn", "not-before:publishedOn", new LocalizedText(
                        "调整日期 " + on + " 早于发布日期 " + plan.publication().on(), "adjustment on " + on
                                + " is before the publication on " + plan.publication().on()));
            }
            if (lines.equals(plan.lines())) {
                throw refused(Kind.INVALID, "lines", "plan.unchanged", new LocalizedText(
                        "调整后的计划与现行计划相同；每年只能调整一次，请提交调整后的各行",
                        "the adjusted lines are those in force; a plan is adjusted once, send the changed lines"));
            }
            PlanRules.inDemandCatalogue(registry, plan.regionCode(), on, lines);
            return audit.changed(tx, "adjusted", ENTITY, plan.id(), plan, tx.plans().adjust(plan.id(), lines, on,
                    Operators.current(), clock.instant(), reason, expectedVersion));
        });
    }

    @Override
    public PlanProgress progress(String regionCode, int year) {
        RegionScope scope = Scope.of(READ);
        LocalDate today = LocalDate.now(clock);
        return store.transaction(tx -> {
            TrainingPlan plan = visible(tx, scope, regionCode, year);
            if (!plan.published()) {
                throw refused(Kind.CONFLICT, "status", "plan.published", new LocalizedText(
                        regionCode + " 的 " + year + " 年度计划尚未发布，没有进度可言",
                        "the " + year + " plan of " + regionCode + " is a draft; progress is of a published plan"));
            }
            // the plan of a region counts the classes of the region and of its cities and counties
            List<Tally> tallies = tx.plans().tally(Checks.regionPrefix(plan.regionCode()), LocalDate.of(year, 1, 1),
                    LocalDate.of(year, 12, 31), today);
            return progress(plan, tallies, today);
        });
    }

    /** Counts each tally to the line that covers its occupation and level, or to the unplanned. */
    static PlanProgress progress(TrainingPlan plan, List<Tally> tallies, LocalDate today) {
        List<PlanLine> lines = plan.lines();
        long[][] sums = new long[lines.size()][6];
        List<PlanProgress.Line> unplanned = new ArrayList<>();
        long unplannedClasses = 0;
        long unplannedEnrolled = 0;
        for (Tally tally : tallies) {
            int at = -1;
            for (int i = 0; i < lines.size() && at < 0; i++) {
                if (lines.get(i).covers(tally.occupationCode(), tally.level())) {
                    at = i;
                }
            }
            if (at < 0) {
                unplanned.add(new PlanProgress.Line(tally.occupationCode(), tally.level(), false, null, null,
                        tally.classes(), tally.enrolled(), tally.finished(), tally.passed(), tally.certified(),
                        tally.employed(), null, null));
                unplannedClasses += tally.classes();
                unplannedEnrolled += tally.enrolled();
            } else {
                long[] sum = sums[at];
                sum[0] += tally.classes();
                sum[1] += tally.enrolled();
                sum[2] += tally.finished();
                sum[3] += tally.passed();
                sum[4] += tally.certified();
                sum[5] += tally.employed();
            }
        }
        List<PlanProgress.Line> rows = new ArrayList<>();
        long[] total = new long[6];
        long planned = 0;
        for (int i = 0; i < lines.size(); i++) {
            PlanLine line = lines.get(i);
            long[] sum = sums[i];
            for (int k = 0; k < total.length; k++) {
                total[k] += sum[k];
            }
            planned += line.trainees();
            rows.add(new PlanProgress.Line(line.occupationCode(), line.level(), true, line.trainees(),
                    originally(plan, line), sum[0], sum[1], sum[2], sum[3], sum[4], sum[5],
                    percent(sum[1], line.trainees()), percent(sum[2], line.trainees())));
        }
        PlanProgress.Totals totals = new PlanProgress.Totals(planned, total[0], total[1], total[2], total[3],
                total[4], total[5], percent(total[1], planned), percent(total[2], planned), unplannedClasses,
                unplannedEnrolled);
        return new PlanProgress(plan.regionCode(), plan.year(), plan.status(), today, rows, unplanned, totals);
    }

    /** For an adjusted plan, what its first publication planned for the line's occupation (and level). */
    private static Integer originally(TrainingPlan plan, PlanLine line) {
        if (plan.adjustment() == null) {
            return null;
        }
        return plan.adjustment().originalLines().stream().filter(o -> o.occupationCode().equals(line.occupationCode())
                && (line.level() == null || Objects.equals(o.level(), line.level())))
                .mapToInt(PlanLine::trainees).sum();
    }

    /** A count as a percentage of the planned, one decimal, half up; 0 planned is never the case. */
    static BigDecimal percent(long count, long planned) {
        return planned == 0 ? null : BigDecimal.valueOf(count * 100).divide(BigDecimal.valueOf(planned), 1,
                RoundingMode.HALF_UP);
    }

    private static TrainingPlan visible(WorkflowTx tx, RegionScope scope, String regionCode, int year) {
        String region = Checks.region("code", regionCode);
        PlanRules.year("year", year);
        return tx.plans().find(region, year).filter(p -> scope.covers(p.regionCode()))
                .orElseThrow(() -> refused(Kind.NOT_FOUND, "code", "exists", new LocalizedText(
                        "没有 " + region + " 的 " + year + " 年度培训计划", "no " + year + " training plan of " + region)));
    }

    private static void draft(TrainingPlan plan) {
        if (plan.status() != PlanStatus.DRAFT) {
            throw refused(Kind.CONFLICT, "status", "plan.draft", new LocalizedText(
                    plan.regionCode() + " 的 " + plan.year() + " 年度计划已于 " + plan.publication().on()
                            + " 发布，只能调整（一次）",
                    "the " + plan.year() + " plan of " + plan.regionCode() + " was published on "
                            + plan.publication().on() + "; a published plan is only adjusted (once)"));
        }
    }

    private static void notAfterToday(String field, String zh, LocalDate day, LocalDate today) {
        if (day.isAfter(today)) {
            throw refused(Kind.INVALID, field, "not-after:today", new LocalizedText(
                    zh + " " + day + " 晚于今天 " + today, field + " " + day + " is after today " + today));
        }
    }
}
