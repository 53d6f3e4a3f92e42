package org.qiancheng.persistence.internal.workflow;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.zip.Deflater;
import org.junit.jupiter.api.Test;
import org.qiancheng.api.claim.ClaimInput;
import org.qiancheng.api.claim.ClassFacts;
import org.qiancheng.api.claim.ClassResults;
import org.qiancheng.api.claim.Decision;
import org.qiancheng.api.claim.Eligibility;
import org.qiancheng.api.claim.LineItem;
import org.qiancheng.api.claim.ParameterUse;
import org.qiancheng.api.claim.PolicyIdentity;
import org.qiancheng.api.claim.Reason;
import org.qiancheng.api.claim.SubsidyDecision;
import org.qiancheng.api.claim.TraineeFacts;
import org.qiancheng.api.claim.TraineeOutcome;
import org.qiancheng.api.model.Certificate;
import org.qiancheng.api.model.CertificateKind;
import org.qiancheng.api.model.Citation;
import org.qiancheng.api.model.EmploymentOutcome;
import org.qiancheng.api.model.Label;
import org.qiancheng.api.model.LocalizedText;
import org.qiancheng.api.model.PriorSubsidy;
import org.qiancheng.api.model.ResidentId;
import org.qiancheng.api.model.SkillLevel;
import org.qiancheng.api.model.TargetGroup;
import org.qiancheng.api.model.TrainingKind;
import org.qiancheng.api.model.TrainingMode;

/**
 * A decision stored against its version's table reads back as the decision decided, byte for byte as
 * its JSON, with every line's text and citation and every parameter read; the version's table is
 * stored once, before the first claim that needs it, and holds nobody's resident ID; rows of the
 * earlier deflated format still read.
 */
public class DecisionCodecTest {

    private static final Citation CLAUSE = new Citation("SC-2025", "§三(十一)");
    private static final PolicyIdentity SICHUAN = new PolicyIdentity("510000", "org.qiancheng.region-sichuan",
            "2025.1.0", "a448367b71cd8dc2f3dd7f27d5c1f0d75cd8ad12de770337ae389b01b2aa4e61");
    private static final LocalizedText BASE = new LocalizedText("基础补贴({share:%}×{standard})",
            "Base subsidy ({share:%} of {standard})");

    /** An in-memory table of dictionaries that counts what is stored. */
    private static final class Table implements DecisionCodec.Dictionaries {
        final Map<String, byte[]> rows = new HashMap<>();
        final Map<String, PolicyIdentity> policies = new HashMap<>();
        final AtomicInteger stores = new AtomicInteger();

        @Override
        public Optional<byte[]> find(String key) {
            reads.incrementAndGet();
            return Optional.ofNullable(rows.get(key));
        }

        /** Reads, as a codec's encoding must not: only when it is made, and to decode what it does not know. */
        final AtomicInteger reads = new AtomicInteger();

        @Override
        public List<DecisionCodec.Row> all() {
            reads.incrementAndGet();
            return rows.keySet().stream().map(key -> new DecisionCodec.Row(key, policies.get(key), rows.get(key)))
                    .toList();
        }

        @Override
        public void store(String key, PolicyIdentity policy, byte[] sample) {
            stores.incrementAndGet();
            rows.put(key, sample);
            policies.put(key, policy);
        }
    }

    @Test
    void aStoredDecisionReadsBackAsDecidedAndIsAFractionOfItsJson() {
        Table table = new Table();
        DecisionCodec codec = new DecisionCodec(table);
        Decision first = decision("510104198803120450", "0.80", true, List.of());
        Decision second = decision("510104199001011230", "0.75", false, List.of(new PriorSubsidy(
                LocalDate.parse("2024-03-04"), "510104", "4-07-05-04", SkillLevel.SENIOR, new BigDecimal("1500.00"))));

        codec.encode(first);
        codec.storeWanted();
        for (Decision decided : List.of(first, second)) {
            byte[] stored = codec.encode(decided);
            Decision read = codec.decode(stored);
            assertEquals(decided, read);
            assertArrayEquals(DecisionJson.bytes(decided), DecisionJson.bytes(read), "the same JSON, byte for byte");
            assertEquals("§三(十一)", read.result().lines().get(0).citation().clause());
            assertEquals(2, read.parameters().size());
            int json = DecisionJson.bytes(decided).length;
            assertTrue(stored.length * 4 < json, stored.length + " bytes stored for " + json + " bytes of JSON");
        }
        codec.storeWanted();
        assertEquals(1, table.stores.get(), "one table for the version");
        assertEquals(new LocalizedText("基础补贴(75%×1200)", "Base subsidy (75% of 1200)"),
                codec.decode(codec.encode(second)).result().lines().get(0).label());
    }

    @Test
    void theDictionaryHoldsNoTraineeAndAnotherProcessReadsWithIt() {
        Table table = new Table();
        DecisionCodec codec = new DecisionCodec(table);
        codec.encode(decision("510104198803120450", "0.80", true, List.of()));
        codec.storeWanted();
        byte[] stored = codec.encode(decision("510104198803120450", "0.80", true, List.of()));
        String sample = new String(table.rows.values().iterator().next(), StandardCharsets.UTF_8);
        assertFalse(sample.contains("510104198803120450"), sample);
        assertTrue(sample.contains("subsidy/formula") && sample.contains("§三(十一)"), sample);

        DecisionCodec restarted = new DecisionCodec(table);
        assertEquals("510104198803120450", restarted.decode(stored).input().trainee().id().number());
        byte[] again = restarted.encode(decision("510104199001011230", "0.80", true, List.of()));
        restarted.storeWanted();
        assertEquals(1, table.stores.get(), "a restarted process finds the version's table");
        assertEquals(stored.length, again.length);
    }

    @Test
    void aDecisionOfAnotherShapeGrowsTheTableAndEarlierClaimsKeepTheirs() {
        Table table = new Table();
        DecisionCodec codec = new DecisionCodec(table);
        Decision granted = decision("510104198803120450", "0.80", true, List.of());
        codec.encode(granted);
        codec.storeWanted();
        byte[] first = codec.encode(granted);
        Decision refused = refused("510104199001011230");
        byte[] poor = codec.encode(refused);
        codec.storeWanted();
        byte[] second = codec.encode(refused);

        assertEquals(2, table.stores.get(), "a second, larger table");
        assertTrue(second.length < poor.length, second.length + " bytes against " + poor.length);
        assertEquals(refused, codec.decode(poor), "the claim written before the larger table keeps its own");
        int reason = refused.result().eligibility().reasons().get(0).text().zh().getBytes(StandardCharsets.UTF_8).length;
        assertTrue(second.length < reason, second.length + " bytes stored: the refusal's text is in the table, not the row");
        assertEquals(granted, codec.decode(first));
        assertEquals(refused, codec.decode(second));
        byte[] again = codec.encode(refused("510104198803120450"));
        codec.storeWanted();
        assertEquals(2, table.stores.get(), "the larger table serves the next refusal");
        assertEquals(second.length, again.length);
        assertEquals(granted, new DecisionCodec(table).decode(first), "a restarted process reads both");
    }

    @Test
    void aMissingTableOrAnAlteredRowIsAnErrorNotAnotherDecision() {
        Table table = new Table();
        DecisionCodec codec = new DecisionCodec(table);
        codec.encode(decision("510104198803120450", "0.80", true, List.of()));
        codec.storeWanted();
        byte[] stored = codec.encode(decision("510104198803120450", "0.80", true, List.of()));
        for (int at = 1; at < stored.length; at++) {
            byte[] altered = stored.clone();
            altered[at] ^= 0x40;
            assertThrows(IllegalStateException.class, () -> new DecisionCodec(table).decode(altered), "byte " + at);
        }
        assertThrows(IllegalStateException.class, () -> new DecisionCodec(table).decode(Arrays.copyOf(stored,
                stored.length - 1)));
        assertThrows(IllegalStateException.class, () -> new DecisionCodec(new Table()).decode(stored));
        assertThrows(IllegalStateException.class, () -> new DecisionCodec(table).decode(new byte[] {9, 1, 2}));
    }

    @Test
    void aRowOfTheEarlierDeflatedFormatStillReadsBack() {
        Table table = new Table();
        Decision decided = decision("510104198803120450", "0.80", true, List.of());
        byte[] sample = DecisionJson.bytes(decision("510104199001011230", "0.75", true, List.of()));
        String key = DecisionCodec.keyOf(sample);
        table.store(key, SICHUAN, sample);
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
        byte[] zlib = new byte[8192];
        int length;
        try {
            deflater.setDictionary(sample);
            deflater.setInput(DecisionJson.bytes(decided));
            deflater.finish();
            length = deflater.deflate(zlib);
            assertTrue(deflater.finished());
        } finally {
            deflater.end();
        }
        byte[] stored = new byte[17 + length];
        stored[0] = DecisionCodec.DEFLATED;
        System.arraycopy(Hex.bytes(key), 0, stored, 1, 16);
        System.arraycopy(zlib, 0, stored, 17, length);

        DecisionCodec codec = new DecisionCodec(table);
        assertEquals(decided, codec.decode(stored));
        codec.encode(decided);
        codec.storeWanted();
        assertEquals(2, table.stores.get(), "new claims of the version get a table: the deflate sample is not one");
        assertEquals(decided, codec.decode(stored));
    }

    /**
     * Encoding runs on the thread a settlement decides on while the settlement's transaction waits
     * for it: it never reads or writes the store, which a transaction of its own would do (on HSQLDB
     * such a transaction waits for a pending checkpoint, which waits for the settlement's).
     */
    @Test
    void encodingNeverReadsOrWritesTheStoreTablesAreStoredAfterwards() {
        Table table = new Table();
        DecisionCodec codec = new DecisionCodec(table);
        int reads = table.reads.get();
        Decision granted = decision("510104198803120450", "0.80", true, List.of());
        byte[] before = codec.encode(granted);
        codec.encode(refused("510104199001011230"));
        assertEquals(0, table.stores.get());
        assertEquals(reads, table.reads.get());
        assertEquals(granted, codec.decode(before), "a decision with every text in the row reads back");

        codec.storeWanted();
        assertEquals(1, table.stores.get(), "one table of both decisions' texts");
        assertTrue(codec.encode(granted).length * 3 < before.length);
        assertEquals(reads, table.reads.get());
        String stored = new String(table.rows.values().iterator().next(), StandardCharsets.UTF_8);
        assertFalse(stored.contains("510104198803120450") || stored.contains("510104199001011230"), stored);
    }

    @Test
    void labelsComeBackAsTemplateAndValuesAndWriteTheSameText() {
        LocalizedText template = new LocalizedText("{kind}：{count}人，{groups}，{rate:%2}，{level}",
                "{kind}: {count} trainees, {groups}, {rate:%2}, {level}");
        Label label = new Label(template, Map.of("kind", new LocalizedText("脱贫", "lifted out of poverty"),
                "count", 37, "groups", new java.util.LinkedHashSet<>(List.of(
                        new LocalizedText("农民工", "migrant workers"), new LocalizedText("退役军人", "veterans"))),
                "rate", new BigDecimal("0.123456"), "level", SkillLevel.SENIOR));
        Decision base = decision("510104198803120450", "0.80", true, List.of());
        SubsidyDecision result = SubsidyDecision.granted(List.of(
                new LineItem("X1", null, new BigDecimal("-12.50"), CLAUSE, label),
                new LineItem("X2", new LocalizedText("给定文字", "text given"), new BigDecimal("123456789012345678901234.5"),
                        new Citation("XX-2026", "§九"))),
                List.of(), List.of(new Reason("F1", null, CLAUSE, label)));
        TraineeOutcome none = new TraineeOutcome(false, new Certificate(CertificateKind.SPECIAL_ABILITY, null,
                LocalDate.parse("2026-10-11")), EmploymentOutcome.NONE, null);
        Decision decided = new Decision(SICHUAN, new ClaimInput(base.input().classFacts(), base.input().results(),
                base.input().trainee(), none), result, base.parameters(), List.of(SICHUAN));
        DecisionCodec codec = new DecisionCodec(new Table());

        Decision read = codec.decode(codec.encode(decided));
        assertEquals(decided, read);
        assertArrayEquals(DecisionJson.bytes(decided), DecisionJson.bytes(read), "the same JSON, byte for byte");
        LineItem line = read.result().lines().get(0);
        assertEquals(label.template(), line.source().template(), "kept as its template");
        assertEquals("脱贫：37人，农民工、退役军人，12.35%，SENIOR", line.label().zh());
        assertEquals(new BigDecimal("123456789012345678901234.50"), read.result().lines().get(1).amount());
    }

    /**
     * Every part of a decision is written by {@link DecisionWriter} and read by {@link DecisionReader};
     * a part added to one of these records is lost until both are taught it, so this fails first.
     */
    @Test
    void theCodecKnowsEveryPartOfADecision() {
        Map<Class<?>, String> known = Map.ofEntries(
                Map.entry(Decision.class, "policy input result parameters basedOn"),
                Map.entry(PolicyIdentity.class, "regionCode bundleSymbolicName version contentHash"),
                Map.entry(ClaimInput.class, "classFacts results trainee outcome"),
                Map.entry(ClassFacts.class, "regionCode occupationCode level mode kind startDate endDate hours"),
                Map.entry(ClassResults.class, "enrolled evaluated passed certified employed entrepreneurs satisfaction"
                        + " surveyed"),
                Map.entry(TraineeFacts.class, "id groups familyGroups householdRegion residenceRegion receivesPension"
                        + " priorSubsidies"),
                Map.entry(ResidentId.class, "number"),
                Map.entry(PriorSubsidy.class, "classStart regionCode occupationCode level amount"),
                Map.entry(TraineeOutcome.class, "passed certificate employment employedOn"),
                Map.entry(Certificate.class, "kind level issuedOn"),
                Map.entry(SubsidyDecision.class, "eligibility lines notes flags advanceShare"),
                Map.entry(Eligibility.class, "eligible reasons"),
                Map.entry(LineItem.class, "rule label amount citation source"),
                Map.entry(Reason.class, "rule text citation source"),
                Map.entry(ParameterUse.class, "name effectiveFrom reference"),
                Map.entry(Citation.class, "document clause"),
                Map.entry(LocalizedText.class, "zh en"));
        known.forEach((type, parts) -> assertEquals(parts, Arrays.stream(type.getRecordComponents())
                .map(RecordComponent::getName).collect(Collectors.joining(" ")), type.getSimpleName()
                + " changed: teach DecisionWriter and DecisionReader its parts"));
    }

    private static Decision refused(String residentId) {
        Decision granted = decision(residentId, "0.80", true, List.of());
        return new Decision(SICHUAN, granted.input(), SubsidyDecision.refused(new Reason("SC3.notPassed",
                new LocalizedText("学员未通过考核评价，不予补贴；考核合格后方可按规定申领培训补贴，详见通知第三部分第十一条的规定。",
                        "The trainee did not pass the assessment and is not subsidised; a subsidy is claimed only after"
                                + " passing, as the notice's part three, clause eleven provides."),
                CLAUSE)), granted.parameters());
    }

    /** A decision of Sichuan's formula for an employed trainee; for the store's tests. */
    public static Decision sample(String residentId) {
        return decision(residentId, "0.80", true, List.of());
    }

    /** The decision as claims stored it before {@link DecisionCodec}. */
    public static String json(Decision decision) {
        return DecisionJson.write(decision);
    }

    private static Decision decision(String residentId, String share, boolean employed, List<PriorSubsidy> prior) {
        ClassFacts facts = new ClassFacts("510104", "6-31-01-03", SkillLevel.JUNIOR, TrainingMode.OFFLINE,
                TrainingKind.GENERAL, LocalDate.parse("2026-09-07"), LocalDate.parse("2026-10-01"), 80);
        TraineeFacts trainee = new TraineeFacts(new ResidentId(residentId), Set.of(TargetGroup.MIGRANT_WORKER),
                Set.of(), "510104", "510104", false, prior);
        TraineeOutcome outcome = new TraineeOutcome(true, new Certificate(CertificateKind.SKILL_LEVEL, SkillLevel.JUNIOR,
                LocalDate.parse("2026-10-11")), employed ? EmploymentOutcome.STABLE : EmploymentOutcome.NONE,
                employed ? LocalDate.parse("2026-10-21") : null);
        ClaimInput input = new ClaimInput(facts, new ClassResults(50, 50, 45, 45, 37, 0, BigDecimal.ONE), trainee,
                outcome);
        BigDecimal rate = new BigDecimal(share);
        Label base = new Label(BASE, Map.of("share", rate, "standard", new BigDecimal("1200")));
        SubsidyDecision result = SubsidyDecision.granted(
                List.of(new LineItem("SC2.base", null, rate.multiply(new BigDecimal("1200")).setScale(2), CLAUSE, base)),
                List.of(new Reason("SC7", new LocalizedText("计入月调度，按月报送并公布各地进展",
                        "Counted in the monthly dispatch; progress is reported and published monthly"),
                        new Citation("SC-2025", "§四(十六)"))),
                List.of());
        return new Decision(SICHUAN, input, result, List.of(
                new ParameterUse("subsidy/formula", LocalDate.parse("2025-01-01"), CLAUSE),
                new ParameterUse("subsidy/standard", LocalDate.parse("2025-01-01"), CLAUSE)));
    }
}
