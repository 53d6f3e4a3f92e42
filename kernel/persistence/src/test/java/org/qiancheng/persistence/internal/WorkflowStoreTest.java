package org.qiancheng.persistence.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qiancheng.api.claim.ClassFacts;
import org.qiancheng.api.claim.Decision;
import org.qiancheng.api.claim.PolicyIdentity;
import org.qiancheng.api.claim.TraineeOutcome;
import org.qiancheng.api.model.Certificate;
import org.qiancheng.api.model.CertificateKind;
import org.qiancheng.api.model.EmploymentOutcome;
import org.qiancheng.api.model.ResidentId;
import org.qiancheng.api.model.SkillLevel;
import org.qiancheng.api.model.TargetGroup;
import org.qiancheng.api.model.TrainingKind;
import org.qiancheng.api.model.TrainingMode;
import org.qiancheng.api.security.RegionScope;
import org.qiancheng.api.workflow.AuditEvent;
import org.qiancheng.api.workflow.Enrolment;
import org.qiancheng.api.workflow.InstalmentKind;
import org.qiancheng.api.workflow.Institution;
import org.qiancheng.api.workflow.Claim;
import org.qiancheng.api.workflow.ClaimStatus;
import org.qiancheng.api.workflow.InstitutionStatus;
import org.qiancheng.persistence.internal.workflow.DecisionCodecTest;
import org.qiancheng.api.workflow.Page;
import org.qiancheng.api.workflow.Project;
import org.qiancheng.api.workflow.Survey;
import org.qiancheng.api.workflow.Trainee;
import org.qiancheng.api.workflow.TrainingClass;
import org.qiancheng.api.workflow.WorkflowException;
import org.qiancheng.persistence.ClaimTx;
import org.qiancheng.persistence.EncodedDecision;
import org.qiancheng.persistence.WorkflowStore;
import org.qiancheng.persistence.internal.workflow.JpaWorkflowStore;

/**
 * The workflow store on a real database: HSQLDB by default, PostgreSQL when the build is given
 * {@code -Dqc.test.db.url=jdbc:postgresql://…} (scripts/test-postgres.sh). What differs between
 * products is exercised here: the schema on a second start, text, large text, booleans, enums,
 * dates, numbers, time stamps, prefix searches, paging, unique keys and optimistic locking. Every
 * record is of a region code drawn for this run, so rows left by other runs change nothing.
 */
class WorkflowStoreTest {

    private static final PolicyIdentity POLICY = new PolicyIdentity("990000", "org.qiancheng.policy-fixture",
            "2025.1.0", "0".repeat(64));

    @TempDir
    static Path home;

    private static TestUnit unit;
    private static WorkflowStore store;
    /** A region no other run uses, 9nnn00; its districts 9nnn5x are searched by prefix. */
    private static String region;
    private static int sequence;

    @BeforeAll
    static void start() throws Exception {
        unit = new TestUnit(TestUnit.configured(home));
        store = new JpaWorkflowStore(unit, TestUnit.AUDIT_KEY);
        region = "9" + String.format("%03d", ThreadLocalRandom.current().nextInt(1_000)) + "00";
    }

    @AfterAll
    static void stop() throws Exception {
        if (unit != null) {
            unit.shutdown();
        }
    }

    @Test
    void aSecondStartOnTheSameTablesCreatesAndWarnsOfNothing() throws Exception {
        List<LogRecord> warnings = new ArrayList<>();
        Logger eclipselink = Logger.getLogger("org.eclipse.persistence");
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
                    warnings.add(record);
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        eclipselink.addHandler(handler);
        try (TestUnit again = new TestUnit(unit.database, "qiancheng-restarted")) {
            long boots = again.read(m -> m.createQuery("SELECT COUNT(b) FROM BootRecord b", Long.class)
                    .getSingleResult());
            assertTrue(boots >= 0);
        } finally {
            eclipselink.removeHandler(handler);
        }
        assertEquals(List.of(), warnings.stream().map(r -> r.getLoggerName() + ": " + r.getMessage()).toList(),
                "create-or-extend-tables found every table and column of the first start");
    }

    @Test
    void recordsReadBackWithTheirTypes() {
        String name = "成都市锦江区职业技能培训学校（“技能照亮前程”）";
        Institution institution = store.transaction(tx -> tx.institutions().insert(name, region, InstitutionStatus.LISTED,
                null));
        Project project = store.transaction(tx -> tx.projects().insert(region, "养老护理员（初级）培训", "4-10-01-05",
                SkillLevel.JUNIOR, 30, "评价方向", null, "月薪 4,500 元"));
        LocalDate start = LocalDate.of(2026, 12, 7);
        TrainingClass course = store.transaction(tx -> tx.classes().insert(project.id(), institution.id(),
                new ClassFacts(region, "4-10-01-05", SkillLevel.JUNIOR, TrainingMode.OFFLINE, TrainingKind.ENTERPRISE,
                        start, start.plusDays(23), 80), LocalDate.of(2026, 11, 25), new BigDecimal("0.80"), "clerk"));
        Trainee pensioner = store.transaction(tx -> tx.trainees().insert(residentId(), "王秀英",
                EnumSet.of(TargetGroup.MIGRANT_WORKER, TargetGroup.VETERAN), Set.of(), region, region, true));
        Trainee young = store.transaction(tx -> tx.trainees().insert(residentId(), "张三", Set.of(), Set.of(), region,
                region, false));

        Institution readInstitution = store.transaction(tx -> tx.institutions().find(institution.id())).orElseThrow();
        assertEquals(name, readInstitution.name());
        assertEquals(InstitutionStatus.LISTED, readInstitution.status());
        assertNull(readInstitution.creditGrade());
        Project readProject = store.transaction(tx -> tx.projects().find(project.id())).orElseThrow();
        assertEquals("月薪 4,500 元", readProject.wageGuidance());
        assertEquals(SkillLevel.JUNIOR, readProject.level());
        assertNull(readProject.publishedOn());
        TrainingClass readClass = store.transaction(tx -> tx.classes().find(course.id())).orElseThrow();
        assertEquals(course.facts(), readClass.facts());
        assertEquals(new BigDecimal("0.80"), readClass.attendanceThreshold());
        Trainee readPensioner = store.transaction(tx -> tx.trainees().find(pensioner.id())).orElseThrow();
        assertTrue(readPensioner.receivesPension());
        assertEquals(EnumSet.of(TargetGroup.MIGRANT_WORKER, TargetGroup.VETERAN), readPensioner.groups());
        assertEquals(pensioner.residentId(), readPensioner.residentId());
        assertFalse(store.transaction(tx -> tx.trainees().find(young.id())).orElseThrow().receivesPension());
        assertEquals(young.id(), store.transaction(tx -> tx.trainees().byResidentId(young.residentId())).orElseThrow().id());

        // an outcome: a nullable boolean, enums and dates, none of them set until recorded
        Enrolment enrolment = store.transaction(tx -> tx.enrolments().insert(course.id(), young.id(), start, POLICY));
        assertNull(enrolment.outcome());
        store.transaction(tx -> tx.enrolments().checkIn(enrolment.id(), start));
        assertEquals(1, store.transaction(tx -> tx.enrolments().checkIn(enrolment.id(), start)).attendedDays(),
                "a second check-in on the same day counts nothing");
        TraineeOutcome outcome = new TraineeOutcome(true, new Certificate(CertificateKind.SKILL_LEVEL,
                SkillLevel.JUNIOR, LocalDate.of(2027, 1, 10)), EmploymentOutcome.STABLE, LocalDate.of(2027, 1, 20));
        long version = store.transaction(tx -> tx.enrolments().find(enrolment.id())).orElseThrow().version();
        store.transaction(tx -> tx.enrolments().recordOutcome(enrolment.id(), outcome, version));
        Enrolment read = store.transaction(tx -> tx.enrolments().find(enrolment.id())).orElseThrow();
        assertEquals(outcome, read.outcome());
        assertEquals(POLICY, read.checkedBy());
        TraineeOutcome failed = new TraineeOutcome(false, null, EmploymentOutcome.NONE, null);
        store.transaction(tx -> tx.enrolments().recordOutcome(enrolment.id(), failed, read.version()));
        assertFalse(store.transaction(tx -> tx.enrolments().find(enrolment.id())).orElseThrow().outcome().passed());
        assertEquals(List.of(course.id()), store.transaction(tx -> tx.classes().ofTrainee(young.id())).stream()
                .map(TrainingClass::id).toList());

        // the audit trail: long texts (a decision can run to many kilobytes) and an instant
        String longText = "出勤天数不足，不予补贴。".repeat(2_000);
        Instant at = Instant.parse("2026-11-25T08:30:15.123456Z");
        store.transaction(tx -> {
            tx.audit().append(at, "李经办", "institution.created", "institution", institution.id(), null,
                    Map.of("note", longText));
            return null;
        });
        AuditEvent event = store.transaction(tx -> tx.audit().list("institution", institution.id(), 0, 10))
                .items().get(0);
        assertEquals(at, event.at());
        assertEquals("李经办", event.actor());
        assertNull(event.before());
        assertTrue(event.after().contains(longText), "the whole text came back");
    }

    @Test
    void aClaimsDecisionIsStoredCompressedAndAnOlderRowsJsonStillReads() {
        LocalDate start = LocalDate.of(2026, 9, 7);
        TrainingClass course = electricians("决定存储测试学校", start);
        Trainee trainee = store.transaction(tx -> tx.trainees().insert(residentId(), "李四", Set.of(), Set.of(), region,
                region, false));
        Enrolment enrolment = store.transaction(tx -> tx.enrolments().insert(course.id(), trainee.id(), start, POLICY));
        Decision decided = DecisionCodecTest.sample(trainee.residentId().number());
        versionHasItsTable();
        Claim claim = store.transaction(tx -> tx.claims().insert(course, enrolment.id(), trainee.id(),
                ClaimStatus.COMPUTED, decided, List.of(), "clerk"));

        assertEquals(decided, store.transaction(tx -> tx.claims().find(claim.id())).orElseThrow().decision());
        Number stored = unit.read(manager -> (Number) manager.createNativeQuery(
                "SELECT OCTET_LENGTH(DECISION_DATA) FROM QC_CLAIM WHERE ID = " + claim.id()).getSingleResult());
        assertTrue(stored.intValue() * 4 < DecisionCodecTest.json(decided).getBytes(StandardCharsets.UTF_8).length,
                stored + " bytes stored");

        // a row written before the codec: its JSON, no data
        unit.inTransaction(manager -> manager.createNativeQuery("UPDATE QC_CLAIM SET DECISION_JSON = ?,"
                + " DECISION_DATA = NULL WHERE ID = ?").setParameter(1, DecisionCodecTest.json(decided))
                .setParameter(2, claim.id()).executeUpdate());
        unit.read(manager -> {
            manager.getEntityManagerFactory().getCache().evictAll();
            return null;
        });
        assertEquals(decided, store.transaction(tx -> tx.claims().find(claim.id())).orElseThrow().decision());
    }

    @Test
    void aDecisionEncodedAheadIsStoredAsOneEncodedByItsTransaction() {
        LocalDate start = LocalDate.of(2026, 9, 7);
        TrainingClass course = electricians("预编码测试学校", start);
        List<ClaimTx.NewClaim> claims = new ArrayList<>();
        List<Decision> decided = new ArrayList<>();
        versionHasItsTable();
        for (int i = 0; i < 2; i++) {
            Trainee trainee = store.transaction(tx -> tx.trainees().insert(residentId(), "王五", Set.of(), Set.of(),
                    region, region, false));
            Enrolment enrolment = store.transaction(tx -> tx.enrolments().insert(course.id(), trainee.id(), start,
                    POLICY));
            Decision decision = DecisionCodecTest.sample(trainee.residentId().number());
            decided.add(decision);
            // the store's own form, made outside the transaction; and the default's, which the insert encodes
            EncodedDecision encoded = i == 0 ? store.encode(decision) : () -> decision;
            claims.add(new ClaimTx.NewClaim(enrolment.id(), trainee.id(), ClaimStatus.COMPUTED, encoded, List.of()));
        }

        List<Claim> stored = store.transaction(tx -> tx.claims().insertAll(course, claims, "clerk"));

        unit.read(manager -> {
            manager.getEntityManagerFactory().getCache().evictAll();
            return null;
        });
        for (int i = 0; i < 2; i++) {
            long id = stored.get(i).id();
            assertEquals(decided.get(i), store.transaction(tx -> tx.claims().find(id)).orElseThrow().decision());
            Number bytes = unit.read(manager -> (Number) manager.createNativeQuery(
                    "SELECT OCTET_LENGTH(DECISION_DATA) FROM QC_CLAIM WHERE ID = " + id).getSingleResult());
            assertTrue(bytes.intValue() * 4 < DecisionCodecTest.json(decided.get(i)).getBytes(StandardCharsets.UTF_8)
                    .length, bytes + " bytes stored for claim " + i);
        }
    }

    @Test
    void claimsInsertedInOneBatchReadBackAsReturnedAndADuplicateWritesNoneOfItsBatch() {
        LocalDate start = LocalDate.of(2026, 9, 7);
        TrainingClass course = electricians("批量写入测试学校", start);
        versionHasItsTable();
        List<Enrolment> enrolments = new ArrayList<>();
        List<ClaimTx.NewClaim> claims = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Trainee trainee = store.transaction(tx -> tx.trainees().insert(residentId(), "钱七", Set.of(), Set.of(),
                    region, region, false));
            Enrolment enrolment = store.transaction(tx -> tx.enrolments().insert(course.id(), trainee.id(), start,
                    POLICY));
            enrolments.add(enrolment);
            Decision decision = DecisionCodecTest.sample(trainee.residentId().number());
            // a finding on one claim only: the column holds lines, and none
            claims.add(new ClaimTx.NewClaim(enrolment.id(), trainee.id(), i == 1 ? ClaimStatus.FLAGGED
                    : ClaimStatus.COMPUTED, store.encode(decision), i == 1 ? List.of("出勤不足 · low attendance",
                            "第二行 · second line") : List.of()));
        }

        List<Claim> stored = store.transaction(tx -> tx.claims().insertAll(course, claims, "clerk"));

        unit.read(manager -> {
            manager.getEntityManagerFactory().getCache().evictAll();
            return null;
        });
        assertEquals(stored, store.transaction(tx -> tx.claims().ofClass(course.id())),
                "every column written in the batch reads back as the records the insert returned");
        assertEquals(3, stored.stream().map(Claim::id).distinct().count());
        assertTrue(stored.stream().allMatch(c -> c.version() == 1), "a new row's version, as the entity manager writes it");
        Claim flagged = stored.get(1);
        Claim reviewed = store.transaction(tx -> tx.claims().changeStatus(flagged.id(), ClaimStatus.COMPUTED, "核实",
                "reviewer", flagged.version()));
        assertEquals(2, reviewed.version(), "a claim written past the entity manager is changed through it");
        assertEquals(new JpaClaimsDuties("clerk", "reviewer"), store.transaction(tx -> tx.claims()
                .duties(flagged.id())).map(d -> new JpaClaimsDuties(d.computedBy(), d.reviewedBy())).orElseThrow());

        // a top-up inserted by the entity manager in the same transaction as a batch: the ids come from one sequence
        Trainee fourth = store.transaction(tx -> tx.trainees().insert(residentId(), "孙八", Set.of(), Set.of(), region,
                region, false));
        Enrolment late = store.transaction(tx -> tx.enrolments().insert(course.id(), fourth.id(), start, POLICY));
        Decision topUp = DecisionCodecTest.sample(fourth.residentId().number());
        List<Long> ids = store.transaction(tx -> {
            Claim added = tx.claims().insertTopUp(course, stored.get(0), ClaimStatus.COMPUTED, topUp,
                    new BigDecimal("1.00"), List.of(), "clerk");
            Claim batched = tx.claims().insertAll(course, List.of(new ClaimTx.NewClaim(late.id(), fourth.id(),
                    ClaimStatus.COMPUTED, store.encode(topUp), List.of())), "clerk").get(0);
            return List.of(added.id(), batched.id());
        });
        assertEquals(2, ids.stream().distinct().count(), "the entity manager's and the batch's ids differ");
        assertTrue(ids.stream().noneMatch(id -> stored.stream().anyMatch(c -> c.id() == id)));

        // a batch with one enrolment claimed already: refused as a conflict, and its new claim is not written either
        Trainee fifth = store.transaction(tx -> tx.trainees().insert(residentId(), "周九", Set.of(), Set.of(), region,
                region, false));
        Enrolment fresh = store.transaction(tx -> tx.enrolments().insert(course.id(), fifth.id(), start, POLICY));
        List<ClaimTx.NewClaim> again = List.of(new ClaimTx.NewClaim(fresh.id(), fifth.id(), ClaimStatus.COMPUTED,
                store.encode(DecisionCodecTest.sample(fifth.residentId().number())), List.of()), claims.get(2));
        WorkflowException duplicate = assertThrows(WorkflowException.class,
                () -> store.transaction(tx -> tx.claims().insertAll(course, again, "clerk")));
        assertEquals(WorkflowException.Kind.CONFLICT, duplicate.kind());
        assertEquals("unique", duplicate.rule());
        assertTrue(store.transaction(tx -> tx.claims().ofEnrolment(fresh.id(), false)).isEmpty(),
                "nothing of the refused batch was written");
        assertEquals(5, store.transaction(tx -> tx.claims().ofClass(course.id())).size());
    }

    /** Who computed and who reviewed a claim. */
    private record JpaClaimsDuties(String computedBy, String reviewedBy) {
    }

    @Test
    void aBatchsClassesAreReadInOneGoAndEachKeepsItsOwnRows() {
        LocalDate start = LocalDate.of(2026, 9, 7);
        TrainingClass held = electricians("批量读取测试学校", start);
        TrainingClass empty = electricians("批量读取空班学校", start);
        TrainingClass surveyed = electricians("批量读取评价学校", start);
        versionHasItsTable();
        List<Enrolment> enrolments = new ArrayList<>();
        List<Trainee> trainees = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Trainee trainee = store.transaction(tx -> tx.trainees().insert(residentId(), "吴十", Set.of(), Set.of(),
                    region, region, false));
            long classId = i == 2 ? surveyed.id() : held.id();
            trainees.add(trainee);
            enrolments.add(store.transaction(tx -> tx.enrolments().insert(classId, trainee.id(), start, POLICY)));
        }
        Enrolment claimed = enrolments.get(1);
        Decision decision = DecisionCodecTest.sample(trainees.get(1).residentId().number());
        store.transaction(tx -> tx.claims().insertAll(held, List.of(new ClaimTx.NewClaim(claimed.id(),
                claimed.traineeId(), ClaimStatus.COMPUTED, store.encode(decision), List.of())), "clerk"));
        Survey survey = store.transaction(tx -> tx.classes().saveSurvey(new Survey(surveyed.id(), 10, 9, start.plusDays(25), "clerk", Instant.parse("2026-10-02T08:00:00Z"))));
        List<Long> classes = List.of(held.id(), empty.id(), surveyed.id());

        Map<Long, List<Enrolment>> byClass = store.transaction(tx -> tx.enrolments().ofClasses(classes));
        Set<Long> claimedNow = store.transaction(tx -> tx.claims().claimedEnrolments(classes));
        Map<Long, Survey> surveys = store.transaction(tx -> tx.classes().surveys(classes));

        assertEquals(Map.of(held.id(), enrolments.subList(0, 2), empty.id(), List.of(), surveyed.id(),
                enrolments.subList(2, 3)), byClass, "each class its own enrolments in id order, none for an empty one");
        assertEquals(enrolments.subList(0, 2), store.transaction(tx -> tx.enrolments().ofClass(held.id())),
                "one class reads as it does among others");
        assertEquals(Set.of(claimed.id()), claimedNow);
        assertEquals(Map.of(surveyed.id(), survey), surveys, "a class without a survey is not a key");
        assertEquals(Set.of(), store.transaction(tx -> tx.claims().claimedEnrolments(List.of(empty.id()))));
    }

    /**
     * The sample decisions' version has its table of texts: a decision encoded asks for it, and the
     * next transaction's end stores it. Until then a version's decisions carry their texts in the row.
     */
    private void versionHasItsTable() {
        store.encode(DecisionCodecTest.sample(residentId().number()));
        store.transaction(tx -> null);
        assertTrue(unit.read(manager -> (Number) manager.createNativeQuery("SELECT COUNT(*) FROM QC_DECISION_DICT")
                .getSingleResult()).intValue() > 0);
    }

    /** A filed class of electricians at a new school of the region, starting on {@code start}. */
    private TrainingClass electricians(String school, LocalDate start) {
        Institution institution = store.transaction(tx -> tx.institutions().insert(school, region,
                InstitutionStatus.LISTED, null));
        Project project = store.transaction(tx -> tx.projects().insert(region, "电工培训", "6-31-01-03",
                SkillLevel.JUNIOR, 30, null, null, null));
        return store.transaction(tx -> tx.classes().insert(project.id(), institution.id(),
                new ClassFacts(region, "6-31-01-03", SkillLevel.JUNIOR, TrainingMode.OFFLINE, TrainingKind.GENERAL,
                        start, start.plusDays(24), 80), LocalDate.of(2026, 9, 1), new BigDecimal("0.80"), "clerk"));
    }

    @Test
    void prefixSearchesEnumFiltersAndPagesAnswerTheSame() {
        String prefix = region.substring(0, 4) + "5";
        for (String district : List.of(prefix + "1", prefix + "2", region.substring(0, 4) + "61")) {
            store.transaction(tx -> tx.trainees().insert(residentId(), "学员" + district, Set.of(), Set.of(), district,
                    district, false));
        }
        Page<Trainee> all = store.transaction(tx -> tx.trainees().list(RegionScope.ALL, prefix, 0, 500));
        assertEquals(2, all.total(), "LIKE '" + prefix + "%' finds the two districts, not the neighbour");
        Page<Trainee> second = store.transaction(tx -> tx.trainees().list(RegionScope.ALL, prefix, 1, 1));
        assertEquals(2, second.total());
        assertEquals(1, second.items().size());
        assertEquals(all.items().get(1).id(), second.items().get(0).id(), "paged in id order");
        assertEquals("学员" + prefix + "2", second.items().get(0).name());

        Institution listed = store.transaction(tx -> tx.institutions().insert("甲", region, InstitutionStatus.LISTED, "A"));
        store.transaction(tx -> tx.institutions().insert("乙", region, InstitutionStatus.BLACKLISTED, null));
        Page<Institution> listedOnly = store.transaction(tx -> tx.institutions().list(RegionScope.ALL, region, InstitutionStatus.LISTED, 0,
                500));
        assertTrue(listedOnly.items().stream().allMatch(i -> i.status() == InstitutionStatus.LISTED));
        assertTrue(listedOnly.items().stream().anyMatch(i -> i.id() == listed.id()));
        assertEquals(1, store.transaction(tx -> tx.institutions().list(RegionScope.ALL, region, InstitutionStatus.BLACKLISTED, 0, 500))
                .total());

        Project project = store.transaction(tx -> tx.projects().insert(region, "车工", "6-18-01-01", SkillLevel.JUNIOR,
                10, null, null, null));
        store.transaction(tx -> tx.projects().publish(project.id(), LocalDate.of(2026, 11, 25), project.version()));
        assertTrue(store.transaction(tx -> tx.projects().list(RegionScope.ALL, region, true, 0, 500)).items().stream()
                .anyMatch(p -> p.id() == project.id()));
        assertFalse(store.transaction(tx -> tx.projects().list(RegionScope.ALL, region, false, 0, 500)).items().stream()
                .anyMatch(p -> p.id() == project.id()));
        LocalDate start = LocalDate.of(2025, 3, 1);
        TrainingClass ended = store.transaction(tx -> tx.classes().insert(project.id(), listed.id(), new ClassFacts(
                prefix + "1", "6-18-01-01", SkillLevel.JUNIOR, TrainingMode.ONLINE_ONLY,
                TrainingKind.GENERAL, start, start.plusDays(20), 40), start.minusDays(10), new BigDecimal("0.75"), "clerk"));
        assertEquals(List.of(ended.id()), store.transaction(tx -> tx.classes().ended(prefix, LocalDate.of(2025, 1, 1),
                LocalDate.of(2025, 12, 31))).stream().map(TrainingClass::id).toList());
    }

    @Test
    void aDuplicateKeyIsAConflictAndLeavesTheStoreUsable() {
        ResidentId id = residentId();
        store.transaction(tx -> tx.trainees().insert(id, "赵六", Set.of(), Set.of(), region, region, false));
        WorkflowException duplicate = assertThrows(WorkflowException.class, () -> store.transaction(tx ->
                tx.trainees().insert(id, "赵六", Set.of(), Set.of(), region, region, false)));
        assertEquals(WorkflowException.Kind.CONFLICT, duplicate.kind());
        assertEquals("unique", duplicate.rule());

        long claim = 900_000_000L + ThreadLocalRandom.current().nextInt(1_000_000);
        LocalDate today = LocalDate.of(2026, 11, 25);
        store.transaction(tx -> tx.claims().pay(claim, InstalmentKind.ADVANCE, new BigDecimal("100.00"), today));
        WorkflowException twice = assertThrows(WorkflowException.class, () -> store.transaction(tx ->
                tx.claims().pay(claim, InstalmentKind.ADVANCE, new BigDecimal("100.00"), today)));
        assertEquals("unique", twice.rule(), "one instalment of a kind per claim, by the database too");
        store.transaction(tx -> tx.claims().pay(claim, InstalmentKind.BALANCE, new BigDecimal("0.50"),
                LocalDate.of(2026, 11, 26)));
        assertEquals(List.of(new BigDecimal("100.00"), new BigDecimal("0.50")), store.transaction(tx ->
                tx.claims().disbursements(claim)).stream().map(d -> d.amount()).toList());

        boolean first = store.transaction(tx -> tx.rememberIdempotencyKey("k-" + region, "claims of " + region));
        boolean again = store.transaction(tx -> tx.rememberIdempotencyKey("k-" + region, "claims of " + region));
        assertTrue(first);
        assertFalse(again, "a key is remembered once");
        assertEquals(1, store.transaction(tx -> tx.trainees().list(RegionScope.ALL, region, 0, 500)).items().stream()
                .filter(t -> t.residentId().equals(id)).count(), "the refused insert wrote nothing");
    }

    @Test
    void aChangeRacedByAnotherTransactionIsAConflict() {
        Institution institution = store.transaction(tx -> tx.institutions().insert("丙", region, InstitutionStatus.LISTED,
                null));
        WorkflowException lost = assertThrows(WorkflowException.class, () -> store.transaction(tx -> {
            Institution mine = tx.institutions().find(institution.id()).orElseThrow();
            // another request changes the record and commits first
            store.transaction(other -> other.institutions().changeStatus(institution.id(), InstitutionStatus.WHITELISTED,
                    institution.version()));
            return tx.institutions().changeStatus(institution.id(), InstitutionStatus.BLACKLISTED, mine.version());
        }));
        assertEquals(WorkflowException.Kind.CONFLICT, lost.kind());
        assertEquals("concurrent-change", lost.rule());
        Institution stored = store.transaction(tx -> tx.institutions().find(institution.id())).orElseThrow();
        assertEquals(InstitutionStatus.WHITELISTED, stored.status());
        assertEquals(institution.version() + 1, stored.version());

        Trainee trainee = store.transaction(tx -> tx.trainees().insert(residentId(), "孙丽", Set.of(), Set.of(), region,
                region, false));
        store.transaction(tx -> {
            tx.trainees().lock(trainee.id());
            return null;
        });
        assertEquals(trainee.version() + 1, store.transaction(tx -> tx.trainees().find(trainee.id())).orElseThrow().version(),
                "claiming a trainee bumps its version");
    }

    /** A valid resident ID of this run's region (GB 11643 check character), born 1990. */
    private static ResidentId residentId() {
        String body = region + "19900101" + String.format("%03d", ++sequence);
        int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (body.charAt(i) - '0') * weights[i];
        }
        return new ResidentId(body + "10X98765432".charAt(sum % 11));
    }
}
