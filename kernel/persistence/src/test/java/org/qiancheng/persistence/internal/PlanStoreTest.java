package org.qiancheng.persistence.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qiancheng.api.claim.ClassFacts;
import org.qiancheng.api.claim.PolicyIdentity;
import org.qiancheng.api.claim.TraineeOutcome;
import org.qiancheng.api.model.Certificate;
import org.qiancheng.api.model.CertificateKind;
import org.qiancheng.api.model.EmploymentOutcome;
import org.qiancheng.api.model.ResidentId;
import org.qiancheng.api.model.SkillLevel;
import org.qiancheng.api.model.TrainingKind;
import org.qiancheng.api.model.TrainingMode;
import org.qiancheng.api.security.RegionScope;
import org.qiancheng.api.workflow.Enrolment;
import org.qiancheng.api.workflow.Page;
import org.qiancheng.api.workflow.PlanLine;
import org.qiancheng.api.workflow.PlanStatus;
import org.qiancheng.api.workflow.TrainingClass;
import org.qiancheng.api.workflow.TrainingPlan;
import org.qiancheng.api.workflow.WorkflowException;
import org.qiancheng.persistence.PlanTx.Tally;
import org.qiancheng.persistence.WorkflowStore;
import org.qiancheng.persistence.internal.workflow.JpaWorkflowStore;

/**
 * Yearly training plans on a real database (HSQLDB, or PostgreSQL with {@code -Dqc.test.db.url}): one
 * per region and year, lines in order with an optional level, the adjustment keeping the published
 * lines, versions moving with every change, and the progress counts grouped by occupation and level.
 * Every plan is of a region drawn for this run.
 */
class PlanStoreTest {

    private static final PolicyIdentity POLICY = new PolicyIdentity("990000", "org.qiancheng.policy-fixture",
            "2025.1.0", "0".repeat(64));
    private static final Instant AT = Instant.parse("2026-01-05T02:00:00Z");

    @TempDir
    static Path home;

    private static TestUnit unit;
    private static WorkflowStore store;
    /** A province no other run uses, 9n0000, and its city 9n0100. */
    private static String province;
    private static String city;
    private static int sequence;
    private static int firstYear;
    private static int years;

    @BeforeAll
    static void start() throws Exception {
        unit = new TestUnit(TestUnit.configured(home));
        store = new JpaWorkflowStore(unit, TestUnit.AUDIT_KEY);
        int n = ThreadLocalRandom.current().nextInt(10, 100);
        province = "9" + (n % 10) + "0000";
        // a year of its own too, so that an earlier run's plans of the same province change nothing
        city = province.substring(0, 2) + String.format("%02d", n) + "00";
        firstYear = 2000 + ThreadLocalRandom.current().nextInt(0, 90);
    }

    @AfterAll
    static void stop() throws Exception {
        if (unit != null) {
            unit.shutdown();
        }
    }

    /** Each test's plans are of a year of their own. */
    private static int year() {
        return firstYear + years++;
    }

    @Test
    void aPlanReadsBackItsLinesInOrderAndOneRegionHasOnePlanAYear() {
        int year = year();
        List<PlanLine> lines = List.of(new PlanLine("6-31-01-03", SkillLevel.INTERMEDIATE, 300),
                new PlanLine("4-10-01-05", null, 1200), new PlanLine("4-04-05-05", SkillLevel.JUNIOR, 80));
        TrainingPlan draft = store.transaction(tx -> tx.plans().insert(city, year, lines, "李经办", AT));
        assertEquals(PlanStatus.DRAFT, draft.status());
        TrainingPlan read = store.transaction(tx -> tx.plans().find(city, year)).orElseThrow();
        assertEquals(lines, read.lines());
        assertEquals("李经办", read.createdBy());
        assertEquals(AT, read.createdAt());
        assertNull(read.publication());
        assertNull(read.adjustment());
        assertTrue(store.transaction(tx -> tx.plans().find(city, year + 1)).isEmpty());

        WorkflowException twice = assertThrows(WorkflowException.class, () -> store.transaction(tx -> tx.plans()
                .insert(city, year, lines, "李经办", AT)));
        assertEquals(WorkflowException.Kind.CONFLICT, twice.kind());
        assertEquals(1, store.transaction(tx -> tx.plans().list(RegionScope.ALL, city, year, 0, 10)).total());
    }

    @Test
    void draftPublishAdjustMoveTheVersionAndTheAdjustmentKeepsThePublishedLines() {
        int year = year();
        TrainingPlan draft = store.transaction(tx -> tx.plans().insert(province, year,
                List.of(new PlanLine("6-31-01-03", null, 100)), "clerk", AT));
        List<PlanLine> replaced = List.of(new PlanLine("6-31-01-03", null, 150), new PlanLine("4-10-01-05", null, 50));
        TrainingPlan redrafted = store.transaction(tx -> tx.plans().replaceLines(draft.id(), replaced,
                draft.version()));
        assertEquals(replaced, redrafted.lines());
        assertTrue(redrafted.version() > draft.version(), "new lines alone move the version");
        WorkflowException stale = assertThrows(WorkflowException.class, () -> store.transaction(tx -> tx.plans()
                .replaceLines(draft.id(), List.of(new PlanLine("x", null, 1)), draft.version())));
        assertEquals("version", stale.rule());
        assertEquals(replaced, store.transaction(tx -> tx.plans().find(province, year)).orElseThrow().lines(),
                "a stale change wrote nothing");

        LocalDate publishedOn = LocalDate.of(year - 1, 12, 20);
        TrainingPlan published = store.transaction(tx -> tx.plans().publish(draft.id(), publishedOn, "王科长",
                AT.plusSeconds(60), redrafted.version()));
        assertEquals(PlanStatus.PUBLISHED, published.status());
        assertEquals(new TrainingPlan.Publication(publishedOn, "王科长", AT.plusSeconds(60)), published.publication());

        List<PlanLine> adjustedLines = List.of(new PlanLine("6-31-01-03", null, 120),
                new PlanLine("4-10-01-05", SkillLevel.JUNIOR, 90));
        TrainingPlan adjusted = store.transaction(tx -> tx.plans().adjust(draft.id(), adjustedLines,
                LocalDate.of(year, 7, 1), "李经办", AT.plusSeconds(120), "年中调整：养老需求增加", published.version()));
        TrainingPlan read = store.transaction(tx -> tx.plans().find(province, year)).orElseThrow();
        assertEquals(adjusted, read);
        assertEquals(PlanStatus.ADJUSTED, read.status());
        assertEquals(adjustedLines, read.lines());
        assertEquals(replaced, read.adjustment().originalLines(), "the published lines are kept");
        assertEquals("年中调整：养老需求增加", read.adjustment().reason());
        assertEquals(LocalDate.of(year, 7, 1), read.adjustment().on());
        assertEquals(publishedOn, read.publication().on());
    }

    @Test
    void listsKeepToTheScopeAndOrderByRegionThenYear() {
        int year = year();
        store.transaction(tx -> tx.plans().insert(city, year, List.of(new PlanLine("a", null, 1)), "c", AT));
        store.transaction(tx -> tx.plans().insert(province, year, List.of(new PlanLine("a", null, 1)), "c", AT));
        Page<TrainingPlan> all = store.transaction(tx -> tx.plans().list(RegionScope.ALL, null, year, 0, 500));
        List<String> regions = all.items().stream().map(TrainingPlan::regionCode)
                .filter(r -> r.equals(city) || r.equals(province)).toList();
        assertEquals(List.of(province, city), regions);
        Page<TrainingPlan> ofCity = store.transaction(tx -> tx.plans().list(new RegionScope(List.of(city)), null, year,
                0, 500));
        assertEquals(List.of(city), ofCity.items().stream().map(TrainingPlan::regionCode).toList(),
                "a city's user sees the city's plan, not the province's");
        assertEquals(List.of(new PlanLine("a", null, 1)), ofCity.items().get(0).lines());
    }

    @Test
    void theTallyCountsClassesAndTraineesByOccupationAndLevelWithinTheRegion() {
        // a year of its own, so the tallies are of this test's classes only
        int year = 1900 + ThreadLocalRandom.current().nextInt(0, 100);
        String district = city.substring(0, 4) + "04";
        String elsewhere = "8" + province.substring(1, 2) + "0100";
        LocalDate start = LocalDate.of(year, 3, 2);
        TrainingClass ended = course(district, "6-31-01-03", SkillLevel.JUNIOR, start, start.plusDays(10));
        TrainingClass running = course(city, "6-31-01-03", SkillLevel.JUNIOR, LocalDate.of(year, 6, 1),
                LocalDate.of(year, 6, 30));
        course(city, "4-10-01-05", SkillLevel.SENIOR, LocalDate.of(year, 5, 1), LocalDate.of(year, 5, 10));
        course(elsewhere, "6-31-01-03", SkillLevel.JUNIOR, start, start.plusDays(10));
        course(city, "6-31-01-03", SkillLevel.JUNIOR, LocalDate.of(year + 1, 1, 1), LocalDate.of(year + 1, 1, 9));
        enrol(ended, new TraineeOutcome(true, new Certificate(CertificateKind.SKILL_LEVEL, SkillLevel.JUNIOR,
                start.plusDays(20)), EmploymentOutcome.STABLE, start.plusDays(30)));
        enrol(ended, new TraineeOutcome(false, null, EmploymentOutcome.NONE, null));
        enrol(ended, null);
        enrol(running, null);

        LocalDate today = LocalDate.of(year, 6, 15);
        List<Tally> tallies = store.transaction(tx -> tx.plans().tally(province.substring(0, 2),
                LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31), today));
        assertEquals(List.of(new Tally("4-10-01-05", SkillLevel.SENIOR, 1, 0, 0, 0, 0, 0),
                new Tally("6-31-01-03", SkillLevel.JUNIOR, 2, 4, 3, 1, 1, 1)), tallies);
        List<Tally> ofCity = store.transaction(tx -> tx.plans().tally(city.substring(0, 4), LocalDate.of(year, 1, 1),
                LocalDate.of(year, 12, 31), today));
        assertEquals(tallies, ofCity, "the district is in the city");
    }

    private static TrainingClass course(String region, String occupation, SkillLevel level, LocalDate start,
            LocalDate end) {
        return store.transaction(tx -> tx.classes().insert(1, 1, new ClassFacts(region, occupation, level,
                TrainingMode.OFFLINE, TrainingKind.GENERAL, start, end, 40), start.minusDays(10),
                new BigDecimal("0.80"), "clerk"));
    }

    private static void enrol(TrainingClass course, TraineeOutcome outcome) {
        store.transaction(tx -> {
            long trainee = tx.trainees().insert(residentId(), "学员", Set.of(), Set.of(), course.facts().regionCode(),
                    course.facts().regionCode(), false).id();
            Enrolment enrolment = tx.enrolments().insert(course.id(), trainee, course.facts().startDate(), POLICY);
            if (outcome != null) {
                tx.enrolments().recordOutcome(enrolment.id(), outcome, enrolment.version());
            }
            return null;
        });
    }

    private static ResidentId residentId() {
        String body = city + "1990" + String.format("%02d%02d%03d", 1 + sequence % 12, 1 + sequence % 28, sequence);
        int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (body.charAt(i) - '0') * weights[i];
        }
        sequence++;
        return new ResidentId(body + "10X98765432".charAt(sum % 11));
    }
}
