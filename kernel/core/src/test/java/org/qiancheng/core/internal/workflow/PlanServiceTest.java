package org.qiancheng.core.internal.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.qiancheng.api.catalog.Catalog;
import org.qiancheng.api.catalog.DemandEntry;
import org.qiancheng.api.catalog.DemandSide;
import org.qiancheng.api.catalog.Occupation;
import org.qiancheng.api.claim.ClassFacts;
import org.qiancheng.api.model.LocalizedText;
import org.qiancheng.api.model.SkillLevel;
import org.qiancheng.api.model.TrainingKind;
import org.qiancheng.api.model.TrainingMode;
import org.qiancheng.api.registry.PolicyRegistry;
import org.qiancheng.api.registry.PolicySnapshot;
import org.qiancheng.api.security.AccessException;
import org.qiancheng.api.security.RegionScope;
import org.qiancheng.api.security.Role;
import org.qiancheng.api.workflow.Page;
import org.qiancheng.api.workflow.PlanDrafts.AdjustmentDraft;
import org.qiancheng.api.workflow.PlanDrafts.LineDraft;
import org.qiancheng.api.workflow.PlanDrafts.PlanDraft;
import org.qiancheng.api.workflow.PlanLine;
import org.qiancheng.api.workflow.PlanProgress;
import org.qiancheng.api.workflow.PlanStatus;
import org.qiancheng.api.workflow.TrainingPlan;
import org.qiancheng.api.workflow.WorkflowException;
import org.qiancheng.persistence.AuditTx;
import org.qiancheng.persistence.PlanTx;
import org.qiancheng.persistence.WorkflowStore;
import org.qiancheng.persistence.WorkflowTx;

/**
 * The yearly training plan's rules against an in-memory store and a catalogue that says what the
 * demand catalogue holds: lines from the demand catalogue (in:demand-catalogue), publication in the
 * plan's year or the December before and never in the future of the platform's clock, one adjustment
 * in the year keeping the published lines (plan.adjusted-once), the scope of the user's regions, the
 * audit entries, the progress per line, and a class's occupation against the published plans.
 */
class PlanServiceTest {

    private static final String WELDER = "6-31-01-03";
    private static final String CARER = "4-10-01-05";
    /** In the catalogue's occupations, not in its demand catalogue. */
    private static final String BAKER = "4-03-02-01";

    private final Map<String, TrainingPlan> plans = new LinkedHashMap<>();
    private final List<String> audited = new ArrayList<>();
    private final List<LocalDate> catalogueDays = new ArrayList<>();
    private List<PlanTx.Tally> tallies = List.of();
    private String talliedPrefix;
    private long ids;

    /** 2026-01-05 in Beijing. */
    private Clock clock = at("2026-01-05");

    private static Clock at(String day) {
        return Clock.fixed(LocalDate.parse(day).atTime(10, 0).atZone(ZoneId.of("Asia/Shanghai")).toInstant(),
                ZoneId.of("Asia/Shanghai"));
    }

    @BeforeEach
    void asClerk() {
        Signed.in(Set.of(Role.CLERK), "510000");
    }

    @AfterEach
    void out() {
        Signed.out();
    }

    private PlanService service() {
        return new PlanService(store(), registry(), clock);
    }

    // --- drafting from the demand catalogue

    @Test
    void everyLineMustBeInTheDemandCatalogueNamingTheLine() {
        WorkflowException refused = refused(() -> service().create(draft("510100", 2026,
                line(WELDER, null, 300), line(BAKER, null, 20))));
        assertEquals(WorkflowException.Kind.INVALID, refused.kind());
        assertEquals("lines.1.occupationCode", refused.field());
        assertEquals("in:demand-catalogue", refused.rule());
        assertTrue(refused.messageZh().contains("培训需求指导目录"), refused.messageZh());
        assertTrue(plans.isEmpty(), "nothing written");
        assertEquals(List.of(), audited);
    }

    @Test
    void aLevelMustBeTrainedInTheOccupation() {
        WorkflowException refused = refused(() -> service().create(draft("510100", 2026,
                line(CARER, SkillLevel.TECHNICIAN, 10))));
        assertEquals("lines.0.level", refused.field());
        assertEquals("catalog", refused.rule());
        TrainingPlan created = service().create(draft("510100", 2026, line(CARER, SkillLevel.JUNIOR, 10)));
        assertEquals(List.of(new PlanLine(CARER, SkillLevel.JUNIOR, 10)), created.lines());
    }

    @Test
    void linesAreCheckedForShapeNamingTheLine() {
        assertEquals("lines", refused(() -> service().create(draft("510100", 2026))).field());
        WorkflowException none = refused(() -> service().create(draft("510100", 2026, line(WELDER, null, 0))));
        assertEquals("lines.0.trainees", none.field());
        assertEquals("minimum:1", none.rule());
        WorkflowException twice = refused(() -> service().create(draft("510100", 2026, line(WELDER, null, 5),
                line(CARER, null, 5), line(WELDER, null, 7))));
        assertEquals("lines.2.occupationCode", twice.field());
        assertEquals("unique:occupation-level", twice.rule());
        WorkflowException mixed = refused(() -> service().create(draft("510100", 2026,
                line(CARER, SkillLevel.JUNIOR, 5), line(CARER, null, 5))));
        assertEquals("lines.1.occupationCode", mixed.field(), "any level and per level at once");
        WorkflowException year = refused(() -> service().create(new PlanDraft("510100", 2101,
                List.of(line(WELDER, null, 1)))));
        assertEquals("year", year.field());
        assertTrue(plans.isEmpty());
    }

    @Test
    void aDraftPlannedInDecemberIsCheckedAgainstTheCatalogueOfItsYear() {
        clock = at("2025-12-10");
        service().create(draft("510100", 2026, line(WELDER, null, 300)));
        assertEquals(List.of(LocalDate.of(2026, 1, 1)), catalogueDays);
    }

    @Test
    void oneRegionHasOnePlanAYearAndItIsAudited() {
        TrainingPlan created = service().create(draft("510100", 2026, line(WELDER, null, 300)));
        assertEquals(PlanStatus.DRAFT, created.status());
        assertEquals("unit.clerk", created.createdBy());
        assertEquals(clock.instant(), created.createdAt());
        WorkflowException again = refused(() -> service().create(draft("510100", 2026, line(CARER, null, 3))));
        assertEquals(WorkflowException.Kind.CONFLICT, again.kind());
        assertEquals("plan.exists", again.rule());
        assertEquals(List.of("plan.created"), audited);
    }

    // --- the lifecycle: published at the start of the year, adjusted once

    @Test
    void publicationIsInThePlansYearOrTheDecemberBeforeAndNeverAfterToday() {
        TrainingPlan draft = service().create(draft("510100", 2026, line(WELDER, null, 300)));
        WorkflowException future = refused(() -> service().publish("510100", 2026, LocalDate.of(2026, 1, 6),
                draft.version()));
        assertEquals("publishedOn", future.field());
        assertEquals("not-after:today", future.rule());
        WorkflowException early = refused(() -> service().publish("510100", 2026, LocalDate.of(2025, 11, 30),
                draft.version()));
        assertEquals("plan.publish-window", early.rule());
        assertEquals(PlanStatus.DRAFT, plans.get("510100|2026").status(), "nothing written");

        TrainingPlan published = service().publish("510100", 2026, LocalDate.of(2025, 12, 1), draft.version());
        assertEquals(PlanStatus.PUBLISHED, published.status());
        assertEquals(new TrainingPlan.Publication(LocalDate.of(2025, 12, 1), "unit.clerk", clock.instant()),
                published.publication());
        assertEquals(LocalDate.of(2026, 1, 1), catalogueDays.get(catalogueDays.size() - 1),
                "the lines are checked again, against the catalogue of the plan's year");
        WorkflowException again = refused(() -> service().publish("510100", 2026, null, published.version()));
        assertEquals(WorkflowException.Kind.CONFLICT, again.kind());
        assertEquals("plan.draft", again.rule());
        WorkflowException redraft = refused(() -> service().replaceLines("510100", 2026,
                List.of(line(CARER, null, 1)), published.version()));
        assertEquals("plan.draft", redraft.rule());
        assertEquals(List.of("plan.created", "plan.published"), audited);
    }

    @Test
    void aPlanOfAPastYearCannotBePublishedLate() {
        clock = at("2027-01-02");
        TrainingPlan draft = service().create(draft("510100", 2026, line(WELDER, null, 300)));
        assertEquals("plan.publish-window", refused(() -> service().publish("510100", 2026, null,
                draft.version())).rule());
        assertEquals(LocalDate.of(2026, 12, 31), service().publish("510100", 2026, LocalDate.of(2026, 12, 31),
                draft.version()).publication().on());
    }

    @Test
    void aDraftsLinesAreReplacedAgainstTheDemandCatalogue() {
        TrainingPlan draft = service().create(draft("510100", 2026, line(WELDER, null, 300)));
        assertEquals("lines.0.occupationCode", refused(() -> service().replaceLines("510100", 2026,
                List.of(line(BAKER, null, 1)), draft.version())).field());
        TrainingPlan replaced = service().replaceLines("510100", 2026, List.of(line(WELDER, null, 250),
                line(CARER, null, 100)), draft.version());
        assertEquals(List.of(new PlanLine(WELDER, null, 250), new PlanLine(CARER, null, 100)), replaced.lines());
        assertEquals(List.of("plan.created", "plan.lines-replaced"), audited);
    }

    @Test
    void aPublishedPlanIsAdjustedOnceInItsYearKeepingThePublishedLines() {
        TrainingPlan draft = service().create(draft("510100", 2026, line(WELDER, null, 300)));
        AdjustmentDraft adjustment = new AdjustmentDraft(null, "年中调整：养老护理需求增加",
                List.of(line(WELDER, null, 200), line(CARER, null, 150)));
        WorkflowException notYet = refused(() -> service().adjust("510100", 2026, adjustment, draft.version()));
        assertEquals(WorkflowException.Kind.CONFLICT, notYet.kind());
        assertEquals("plan.published", notYet.rule());

        TrainingPlan published = service().publish("510100", 2026, null, draft.version());
        clock = at("2026-07-01");
        assertEquals("adjustedOn", refused(() -> service().adjust("510100", 2026, new AdjustmentDraft(
                LocalDate.of(2026, 7, 2), "x", adjustment.lines()), published.version())).field());
        assertEquals("not-before:publishedOn", refused(() -> service().adjust("510100", 2026, new AdjustmentDraft(
                LocalDate.of(2026, 1, 4), "x", adjustment.lines()), published.version())).rule());
        assertEquals("plan.unchanged", refused(() -> service().adjust("510100", 2026, new AdjustmentDraft(null, "x",
                List.of(line(WELDER, null, 300))), published.version())).rule());
        assertEquals("reason", refused(() -> service().adjust("510100", 2026, new AdjustmentDraft(null, " ",
                adjustment.lines()), published.version())).field());
        assertEquals("lines.1.occupationCode", refused(() -> service().adjust("510100", 2026, new AdjustmentDraft(
                null, "x", List.of(line(WELDER, null, 5), line(BAKER, null, 5))), published.version())).field());

        TrainingPlan adjusted = service().adjust("510100", 2026, adjustment, published.version());
        assertEquals(PlanStatus.ADJUSTED, adjusted.status());
        assertEquals(List.of(new PlanLine(WELDER, null, 200), new PlanLine(CARER, null, 150)), adjusted.lines());
        assertEquals(List.of(new PlanLine(WELDER, null, 300)), adjusted.adjustment().originalLines());
        assertEquals(LocalDate.of(2026, 7, 1), adjusted.adjustment().on());
        assertEquals("年中调整：养老护理需求增加", adjusted.adjustment().reason());
        assertEquals(LocalDate.of(2026, 1, 5), adjusted.publication().on(), "the publication stays as it was");

        WorkflowException second = refused(() -> service().adjust("510100", 2026, new AdjustmentDraft(null, "再调",
                List.of(line(WELDER, null, 100))), adjusted.version()));
        assertEquals(WorkflowException.Kind.CONFLICT, second.kind());
        assertEquals("plan.adjusted-once", second.rule());
        assertEquals(List.of("plan.created", "plan.published", "plan.adjusted"), audited);
    }

    @Test
    void anAdjustmentIsInThePlansYear() {
        clock = at("2025-12-20");
        TrainingPlan draft = service().create(draft("510100", 2026, line(WELDER, null, 300)));
        TrainingPlan published = service().publish("510100", 2026, null, draft.version());
        WorkflowException december = refused(() -> service().adjust("510100", 2026, new AdjustmentDraft(null, "x",
                List.of(line(WELDER, null, 100))), published.version()));
        assertEquals("adjustedOn", december.field());
        assertEquals("plan.adjust-window", december.rule());
    }

    // --- who sees and changes what

    @Test
    void aPlanOutsideTheUsersRegionsDoesNotExistForThemAndNoneIsWrittenThere() {
        service().create(draft("510100", 2026, line(WELDER, null, 300)));
        Signed.in(Set.of(Role.CLERK), "610100");
        WorkflowException hidden = refused(() -> service().plan("510100", 2026));
        assertEquals(WorkflowException.Kind.NOT_FOUND, hidden.kind());
        assertEquals("region-scope", refused(() -> service().create(draft("510100", 2027,
                line(WELDER, null, 1)))).rule());
        assertEquals(0, service().plans(null, null, 0, 50).total());

        Signed.in(Set.of(Role.AUDITOR), "510000");
        assertEquals("510100", service().plan("510100", 2026).regionCode(), "the province's user sees its cities'");
        AccessException readOnly = assertThrows(AccessException.class, () -> service().create(draft("510100", 2027,
                line(WELDER, null, 1))));
        assertEquals(AccessException.Kind.FORBIDDEN, readOnly.kind());
    }

    // --- progress

    @Test
    void progressCountsEachOccupationToItsLineAndFlagsWhatThePlanDoesNotList() {
        TrainingPlan draft = service().create(draft("510000", 2026, line(WELDER, SkillLevel.JUNIOR, 200),
                line(CARER, null, 40)));
        WorkflowException early = refused(() -> service().progress("510000", 2026));
        assertEquals("plan.published", early.rule());
        service().publish("510000", 2026, null, draft.version());
        clock = at("2026-06-15");
        tallies = List.of(new PlanTx.Tally(CARER, SkillLevel.JUNIOR, 2, 30, 20, 18, 15, 10),
                new PlanTx.Tally(CARER, SkillLevel.SENIOR, 1, 10, 0, 0, 0, 0),
                new PlanTx.Tally(WELDER, SkillLevel.JUNIOR, 3, 90, 45, 40, 30, 20),
                new PlanTx.Tally(WELDER, SkillLevel.SENIOR, 1, 25, 25, 20, 20, 5));
        PlanProgress progress = service().progress("510000", 2026);
        assertEquals("51", talliedPrefix, "a province's plan counts the classes of its cities and counties");
        assertEquals(LocalDate.of(2026, 6, 15), progress.asOf());
        assertEquals(List.of(
                new PlanProgress.Line(WELDER, SkillLevel.JUNIOR, true, 200, null, 3, 90, 45, 40, 30, 20,
                        new BigDecimal("45.0"), new BigDecimal("22.5")),
                new PlanProgress.Line(CARER, null, true, 40, null, 3, 40, 20, 18, 15, 10,
                        new BigDecimal("100.0"), new BigDecimal("50.0"))), progress.lines());
        assertEquals(List.of(new PlanProgress.Line(WELDER, SkillLevel.SENIOR, false, null, null, 1, 25, 25, 20, 20, 5,
                null, null)), progress.unplanned());
        assertEquals(new PlanProgress.Totals(240, 6, 130, 65, 58, 45, 30, new BigDecimal("54.2"),
                new BigDecimal("27.1"), 1, 25), progress.totals());
    }

    @Test
    void theProgressOfAnAdjustedPlanIsAgainstTheAdjustedLinesShowingTheOriginalOnes() {
        TrainingPlan draft = service().create(draft("510100", 2026, line(WELDER, null, 300), line(CARER, null, 30)));
        TrainingPlan published = service().publish("510100", 2026, null, draft.version());
        clock = at("2026-07-01");
        service().adjust("510100", 2026, new AdjustmentDraft(null, "调整", List.of(line(WELDER, null, 100),
                line("4-04-05-05", null, 60))), published.version());
        tallies = List.of(new PlanTx.Tally(CARER, SkillLevel.JUNIOR, 1, 12, 12, 10, 9, 8),
                new PlanTx.Tally(WELDER, SkillLevel.JUNIOR, 1, 30, 0, 0, 0, 0));
        PlanProgress progress = service().progress("510100", 2026);
        assertEquals("5101", talliedPrefix);
        assertEquals(PlanStatus.ADJUSTED, progress.status());
        assertEquals(300, progress.lines().get(0).originallyPlanned());
        assertEquals(100, progress.lines().get(0).planned());
        assertEquals(new BigDecimal("30.0"), progress.lines().get(0).enrolledPercent());
        assertEquals(0, progress.lines().get(1).originallyPlanned(), "not in the first plan");
        assertEquals(List.of(CARER), progress.unplanned().stream().map(PlanProgress.Line::occupationCode).toList(),
                "taken out of the plan by the adjustment");
    }

    // --- classes follow the published plans

    @Test
    void aClassFollowsThePublishedPlansCoveringItsRegion() {
        ClassFacts carers = facts("510104", CARER, SkillLevel.JUNIOR);
        ClassFacts welders = facts("510104", WELDER, SkillLevel.SENIOR);
        PlanRules.classInPlan(tx(), carers);
        TrainingPlan cityDraft = service().create(draft("510100", 2026, line(WELDER, SkillLevel.JUNIOR, 300)));
        PlanRules.classInPlan(tx(), carers);
        TrainingPlan city = service().publish("510100", 2026, null, cityDraft.version());

        WorkflowException outside = refused(() -> PlanRules.classInPlan(tx(), carers));
        assertEquals("projectId", outside.field());
        assertEquals("in:training-plan", outside.rule());
        assertTrue(outside.getMessage().contains("510100"), outside.getMessage());
        assertEquals("in:training-plan", refused(() -> PlanRules.classInPlan(tx(), welders)).rule(),
                "the plan's line is for JUNIOR welders");
        PlanRules.classInPlan(tx(), facts("510104", WELDER, SkillLevel.JUNIOR));
        PlanRules.classInPlan(tx(), facts("610104", CARER, SkillLevel.JUNIOR));
        PlanRules.classInPlan(tx(), new ClassFacts("510104", CARER, SkillLevel.JUNIOR, TrainingMode.OFFLINE,
                TrainingKind.GENERAL, LocalDate.of(2027, 3, 1), LocalDate.of(2027, 3, 9), 40));

        TrainingPlan provinceDraft = service().create(draft("510000", 2026, line(CARER, null, 100)));
        assertEquals("in:training-plan", refused(() -> PlanRules.classInPlan(tx(), carers)).rule(),
                "a draft is no plan to follow");
        service().publish("510000", 2026, null, provinceDraft.version());
        PlanRules.classInPlan(tx(), carers);
        assertNull(city.adjustment());
    }

    // --- fixtures

    private static WorkflowException refused(Executable work) {
        return assertThrows(WorkflowException.class, work);
    }

    private static PlanDraft draft(String region, int year, LineDraft... lines) {
        return new PlanDraft(region, year, List.of(lines));
    }

    private static LineDraft line(String occupation, SkillLevel level, int trainees) {
        return new LineDraft(occupation, level, trainees);
    }

    private static ClassFacts facts(String region, String occupation, SkillLevel level) {
        return new ClassFacts(region, occupation, level, TrainingMode.OFFLINE, TrainingKind.GENERAL,
                LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 20), 80);
    }

    /** The catalogue of any region: four occupations, three of them in the demand catalogue. */
    private PolicyRegistry registry() {
        return (PolicyRegistry) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {PolicyRegistry.class}, (proxy, method, args) -> {
                    if (!method.getName().equals("acquire") || !(args[1] instanceof LocalDate)) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    String region = (String) args[0];
                    return (PolicySnapshot) Proxy.newProxyInstance(getClass().getClassLoader(),
                            new Class<?>[] {PolicySnapshot.class}, (p, m, a) -> switch (m.getName()) {
                                case "catalog" -> catalog(region, (LocalDate) a[0]);
                                case "close" -> null;
                                default -> throw new UnsupportedOperationException(m.getName());
                            });
                });
    }

    private Catalog catalog(String region, LocalDate day) {
        catalogueDays.add(day);
        Set<SkillLevel> levels = Set.of(SkillLevel.JUNIOR, SkillLevel.INTERMEDIATE, SkillLevel.SENIOR);
        List<Occupation> occupations = List.of(WELDER, CARER, BAKER, "4-04-05-05").stream()
                .map(code -> new Occupation(code, new LocalizedText(code, code), levels, List.of())).toList();
        return new Catalog(region, day, occupations, List.of(), List.of(), List.of(
                new DemandEntry(WELDER, DemandSide.INDUSTRY, 30000), new DemandEntry(CARER, DemandSide.WORKER, 40000),
                new DemandEntry("4-04-05-05", DemandSide.EMPLOYER, 800)), List.of(), Set.of(), true);
    }

    private WorkflowStore store() {
        return new WorkflowStore() {
            @Override
            public <T> T transaction(Function<WorkflowTx, T> work) {
                // all or nothing, as the database: a refusal leaves the plans as they were
                Map<String, TrainingPlan> before = new LinkedHashMap<>(plans);
                int entries = audited.size();
                try {
                    return work.apply(tx());
                } catch (RuntimeException e) {
                    plans.clear();
                    plans.putAll(before);
                    audited.subList(entries, audited.size()).clear();
                    throw e;
                }
            }
        };
    }

    private WorkflowTx tx() {
        AuditTx audit = (AuditTx) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {AuditTx.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("append")) {
                        audited.add((String) args[2]);
                        return null;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
        PlanTx memory = new MemoryPlans();
        return (WorkflowTx) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {WorkflowTx.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "plans" -> memory;
                    case "audit" -> audit;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    /** The plans in a map, as the database keeps them: one per region and year, versions counted. */
    private final class MemoryPlans implements PlanTx {

        @Override
        public TrainingPlan insert(String regionCode, int year, List<PlanLine> lines, String createdBy,
                Instant createdAt) {
            TrainingPlan plan = new TrainingPlan(++ids, regionCode, year, PlanStatus.DRAFT, lines, createdBy,
                    createdAt, null, null, 1);
            plans.put(regionCode + "|" + year, plan);
            return plan;
        }

        @Override
        public Optional<TrainingPlan> find(String regionCode, int year) {
            return Optional.ofNullable(plans.get(regionCode + "|" + year));
        }

        @Override
        public Page<TrainingPlan> list(RegionScope scope, String region, Integer year, int offset, int limit) {
            List<TrainingPlan> found = plans.values().stream().filter(p -> scope.covers(p.regionCode())).toList();
            return new Page<>(found, found.size(), offset, limit);
        }

        @Override
        public TrainingPlan replaceLines(long id, List<PlanLine> lines, long expectedVersion) {
            TrainingPlan p = current(id, expectedVersion);
            return save(new TrainingPlan(id, p.regionCode(), p.year(), p.status(), lines, p.createdBy(),
                    p.createdAt(), p.publication(), p.adjustment(), p.version() + 1));
        }

        @Override
        public TrainingPlan publish(long id, LocalDate on, String by, Instant at, long expectedVersion) {
            TrainingPlan p = current(id, expectedVersion);
            return save(new TrainingPlan(id, p.regionCode(), p.year(), PlanStatus.PUBLISHED, p.lines(), p.createdBy(),
                    p.createdAt(), new TrainingPlan.Publication(on, by, at), null, p.version() + 1));
        }

        @Override
        public TrainingPlan adjust(long id, List<PlanLine> lines, LocalDate on, String by, Instant at, String reason,
                long expectedVersion) {
            TrainingPlan p = current(id, expectedVersion);
            return save(new TrainingPlan(id, p.regionCode(), p.year(), PlanStatus.ADJUSTED, lines, p.createdBy(),
                    p.createdAt(), p.publication(), new TrainingPlan.Adjustment(on, by, at, reason, p.lines()),
                    p.version() + 1));
        }

        @Override
        public List<Tally> tally(String regionPrefix, LocalDate from, LocalDate to, LocalDate today) {
            talliedPrefix = regionPrefix;
            return tallies;
        }

        private TrainingPlan current(long id, long expectedVersion) {
            TrainingPlan p = plans.values().stream().filter(x -> x.id() == id).findFirst().orElseThrow();
            if (p.version() != expectedVersion) {
                throw new WorkflowException(WorkflowException.Kind.CONFLICT, "version", "version", "stale");
            }
            return p;
        }

        private TrainingPlan save(TrainingPlan plan) {
            plans.put(plan.regionCode() + "|" + plan.year(), plan);
            return plan;
        }
    }
}
