package org.qiancheng.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.qiancheng.api.catalog.Catalog;
import org.qiancheng.api.claim.ClaimInput;
import org.qiancheng.api.claim.ClassFacts;
import org.qiancheng.api.claim.ClassResults;
import org.qiancheng.api.claim.Decision;
import org.qiancheng.api.claim.Eligibility;
import org.qiancheng.api.claim.LineItem;
import org.qiancheng.api.claim.ParameterUse;
import org.qiancheng.api.claim.Reason;
import org.qiancheng.api.claim.PolicyIdentity;
import org.qiancheng.api.claim.SubsidyDecision;
import org.qiancheng.api.claim.TraineeFacts;
import org.qiancheng.api.claim.TraineeOutcome;
import org.qiancheng.api.model.Certificate;
import org.qiancheng.api.model.CertificateKind;
import org.qiancheng.api.model.Citation;
import org.qiancheng.api.model.EmploymentOutcome;
import org.qiancheng.api.model.Label;
import org.qiancheng.api.model.LocalizedText;
import org.qiancheng.api.model.ResidentId;
import org.qiancheng.api.model.SkillLevel;
import org.qiancheng.api.model.TrainingKind;
import org.qiancheng.api.model.TrainingMode;
import org.qiancheng.api.parameter.ParameterValue;
import org.qiancheng.api.parameter.PublishedParameter;
import org.qiancheng.api.system.DatabaseHealth;
import org.qiancheng.api.system.HealthReport;
import org.qiancheng.api.system.HealthStatus;
import org.qiancheng.api.workflow.Claim;
import org.qiancheng.api.workflow.ClaimStatus;
import org.qiancheng.api.workflow.Drafts.OutcomeDraft;

class JsonProviderTest {

    private final ObjectMapper mapper = JsonProvider.objectMapper();

    @Test
    void healthReportIsReadableJson() throws Exception {
        HealthReport report = new HealthReport(HealthStatus.UP, "ACTIVE", Map.of("ACTIVE", 50, "RESOLVED", 2),
                new DatabaseHealth(HealthStatus.UP, "HSQL Database Engine 2.7.4", 3, 1, null),
                Duration.ofSeconds(75), Instant.parse("2026-11-25T08:00:00Z"));

        JsonNode json = mapper.readTree(mapper.writeValueAsString(report));

        assertEquals("UP", json.get("status").asText());
        assertEquals(50, json.get("bundles").get("ACTIVE").asInt());
        assertEquals(3, json.get("database").get("bootCount").asLong());
        assertFalse(json.get("database").has("error"), "absent values are left out, not written as null");
        assertEquals("PT1M15S", json.get("uptime").asText());
        assertEquals("2026-11-25T08:00:00Z", json.get("checkedAt").asText());
    }

    @Test
    void moneyIsWrittenAsAPlainDecimal() throws Exception {
        assertEquals("{\"amount\":1200.50}", mapper.writeValueAsString(Map.of("amount", new BigDecimal("1.20050E+3"))));
    }

    @Test
    void unknownInputFieldsAreRefused() {
        assertThrows(UnrecognizedPropertyException.class,
                () -> mapper.readValue("{\"zh\":\"西安市\",\"en\":\"Xi'an\",\"fr\":\"Xi'an\"}", LocalizedText.class));
    }

    @Test
    void problemsCarryBothLanguages() throws Exception {
        JsonNode json = mapper.readTree(mapper.writeValueAsString(Problems.of(404, "no such path", "/api/v1/x")));
        assertEquals(404, json.get("status").asInt());
        assertEquals("Not Found", json.get("title").asText());
        assertEquals("未找到", json.get("titleZh").asText());
        assertTrue(json.get("violations").isEmpty());
    }

    @Test
    void aClaimIsTheRecordWithTheResidentIdMaskedAndCitationsAsText() throws Exception {
        Citation clause = new Citation("SC-2025", "§三(十一)");
        ClassFacts facts = new ClassFacts("510104", "6-31-01-03", SkillLevel.JUNIOR, TrainingMode.OFFLINE,
                TrainingKind.GENERAL, LocalDate.parse("2026-12-07"), LocalDate.parse("2026-12-30"), 80);
        TraineeFacts trainee = new TraineeFacts(new ResidentId("510104198803120450"), Set.of(), Set.of(), "510104",
                "510104", false, List.of());
        TraineeOutcome outcome = new TraineeOutcome(true, new Certificate(CertificateKind.SKILL_LEVEL,
                SkillLevel.JUNIOR, LocalDate.parse("2027-01-10")), EmploymentOutcome.STABLE,
                LocalDate.parse("2027-01-20"));
        ClassResults results = new ClassResults(2, 2, 2, 1, 1, 0, BigDecimal.ONE);
        ClaimInput input = new ClaimInput(facts, results, trainee, outcome);
        SubsidyDecision result = new SubsidyDecision(Eligibility.granted(), List.of(new LineItem("SC2",
                new LocalizedText("基础补贴", "Base subsidy"), new BigDecimal("800"), clause)), List.of(), List.of(),
                BigDecimal.ZERO);
        PolicyIdentity policy = new PolicyIdentity("510000", "org.qiancheng.region.sichuan", "2025.1.0", "ab12");
        Decision decision = new Decision(policy, input, result, List.of(new ParameterUse("subsidy/formula",
                LocalDate.parse("2025-01-01"), clause)));
        Claim claim = new Claim(7, 3, 5, 11, ClaimStatus.COMPUTED, new BigDecimal("800.00"), new BigDecimal("400"),
                decision, List.of(), null, 0);

        String text = mapper.writeValueAsString(claim);
        JsonNode json = mapper.readTree(text);

        assertEquals("COMPUTED", json.get("status").asText());
        assertTrue(text.startsWith("{\"id\":7,\"classId\":3,\"enrolmentId\":5,\"traineeId\":11,"
                + "\"status\":\"COMPUTED\",\"amount\":800.00,\"paymentState\":\"ADVANCED\",\"paid\":400.00,"
                + "\"outstanding\":400.00,"), text);
        assertTrue(json.get("findings").isEmpty());
        assertFalse(json.has("reviewNote"));
        assertEquals("510000", json.at("/decision/policy/regionCode").asText());
        assertEquals("2025.1.0", json.at("/decision/policy/version").asText());
        assertEquals("[SC-2025 §三(十一)]", json.at("/decision/result/lines/0/citation").asText());
        assertTrue(text.contains("\"amount\":800.00,\"citation\":\"[SC-2025 §三(十一)]\""), text);
        assertEquals("subsidy/formula", json.at("/decision/parameters/0/name").asText());
        assertEquals("510104********0450", json.at("/decision/input/trainee/id").asText());
        assertFalse(text.contains("510104198803120450"), text);
        assertEquals("SKILL_LEVEL", json.at("/decision/input/outcome/certificate/kind").asText());
    }

    @Test
    void aLabelKeptAsItsTemplateIsWrittenAsTheTextItWouldHaveBeen() throws Exception {
        Citation clause = new Citation("SC-2025", "§三(十一)");
        LocalizedText template = new LocalizedText("基础补贴({share:%}×{standard})", "Base subsidy ({share:%} of {standard})");
        Map<String, Object> args = Map.of("share", new BigDecimal("0.80"), "standard", new BigDecimal("1200"));
        LocalizedText written = new LocalizedText("基础补贴(80%×1200)", "Base subsidy (80% of 1200)");
        LineItem kept = new LineItem("SC2.base", null, new BigDecimal("960"), clause, new Label(template, args));
        LineItem given = new LineItem("SC2.base", written, new BigDecimal("960"), clause);
        Reason keptReason = new Reason("SC2.note", null, clause, new Label(template, args));
        Reason givenReason = new Reason("SC2.note", written, clause);

        assertEquals(mapper.writeValueAsString(given), mapper.writeValueAsString(kept));
        assertEquals(mapper.writeValueAsString(givenReason), mapper.writeValueAsString(keptReason));
        assertEquals("{\"rule\":\"SC2.base\",\"label\":{\"zh\":\"基础补贴(80%×1200)\",\"en\":\"Base subsidy (80% of 1200)\"},"
                + "\"amount\":960.00,\"citation\":\"[SC-2025 §三(十一)]\"}", mapper.writeValueAsString(kept));
    }

    @Test
    void aCatalogIsWrittenWithItsStandardsBesideItsOwnFields() throws Exception {
        LocalDate day = LocalDate.parse("2025-06-01");
        Catalog catalog = new Catalog("610100", day, List.of(), List.of(), List.of(), List.of(), List.of(), Set.of(),
                true);
        PublishedParameter standard = new PublishedParameter("subsidy/standard", new LocalizedText("标准", "standard"),
                "yuan", new Citation("XA-2025", "§二(一)"), true, LocalDate.parse("2025-01-01"), new ParameterValue(
                        "subsidy/standard@2025-01-01", Map.of("4-10-01-05", Map.of("JUNIOR", new BigDecimal("1000")))));

        JsonNode json = mapper.readTree(mapper.writeValueAsString(
                new RegionsResource.CatalogView(catalog, List.of(standard))));

        assertEquals("610100", json.get("regionCode").asText());
        assertTrue(json.get("sample").asBoolean());
        assertFalse(json.has("catalog"));
        assertEquals("subsidy/standard", json.at("/parameters/0/name").asText());
        assertEquals("[XA-2025 §二(一)]", json.at("/parameters/0/reference").asText());
        assertEquals("2025-01-01", json.at("/parameters/0/effectiveFrom").asText());
        assertEquals(1000, json.at("/parameters/0/value/4-10-01-05/JUNIOR").asInt());
        assertEquals("standard", json.at("/parameters/0/description/en").asText());
    }

    @Test
    void anOutcomeIsReadFromItsJson() throws Exception {
        OutcomeDraft draft = mapper.readValue("""
                {"passed": true, "certificate": {"kind": "SKILL_LEVEL", "level": "JUNIOR", "issuedOn": "2027-01-10"},
                 "employment": "STABLE", "employedOn": "2027-01-20"}""", OutcomeDraft.class);

        assertEquals(new OutcomeDraft(true, new Certificate(CertificateKind.SKILL_LEVEL, SkillLevel.JUNIOR,
                LocalDate.parse("2027-01-10")), EmploymentOutcome.STABLE, LocalDate.parse("2027-01-20")), draft);
        assertEquals(new OutcomeDraft(true, null, EmploymentOutcome.NONE, null),
                mapper.readValue("{\"passed\": true, \"employment\": \"NONE\"}", OutcomeDraft.class));
    }

    @Test
    void anIdempotencyKeyIsVisibleAsciiOfBoundedLength() {
        assertEquals(null, ClassesResource.idempotencyKey(null));
        assertEquals("k-1", ClassesResource.idempotencyKey("k-1"));
        assertThrows(ProblemException.class, () -> ClassesResource.idempotencyKey(" "));
        assertEquals(200, ClassesResource.idempotencyKey("k".repeat(200)).length());
        assertThrows(ProblemException.class, () -> ClassesResource.idempotencyKey("k".repeat(201)));
        assertThrows(ProblemException.class, () -> ClassesResource.idempotencyKey("键"));
    }
}
