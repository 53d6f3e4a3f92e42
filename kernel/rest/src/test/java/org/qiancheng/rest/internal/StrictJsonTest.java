package org.qiancheng.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedHashMap;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.qiancheng.api.model.SkillLevel;
import org.qiancheng.api.workflow.Drafts.ClassDraft;
import org.qiancheng.api.workflow.Drafts.OutcomeDraft;
import org.qiancheng.api.workflow.Drafts.TraineeDraft;

/** Each input rule of {@link StrictJson}, as the problem a client receives: status, field, rule, no value. */
class StrictJsonTest {

    private static final String ID = "510104199001011230";
    private final ObjectMapper mapper = JsonProvider.objectMapper();

    private Problem problem(String json, Class<?> type) {
        Exception failure = assertThrows(Exception.class, () -> mapper.readValue(json, type), json);
        Problem problem = ProblemMapper.problem(failure, null);
        assertFalse(problem.detail().contains(ID) || problem.detailZh().contains(ID), problem.detail());
        assertFalse(problem.toString().contains("JUNIOR\u0000"), problem.toString());
        return problem;
    }

    private void refused(String json, Class<?> type, String field, String rule) {
        Problem problem = problem(json, type);
        assertEquals(422, problem.status(), problem.toString());
        assertEquals(field, problem.violations().get(0).field(), problem.toString());
        assertEquals(rule, problem.violations().get(0).rule(), problem.toString());
        assertTrue(problem.detailZh().startsWith(field + "："), problem.detailZh());
        assertTrue(problem.detailZh().codePoints().anyMatch(c -> c >= 0x4E00 && c <= 0x9FFF), problem.detailZh());
    }

    @Test
    void booleansAreOnlyTrueOrFalse() throws Exception {
        refused("{\"approve\": -1}", ClaimsResource.Review.class, "approve", "type:boolean");
        refused("{\"approve\": 1}", ClaimsResource.Review.class, "approve", "type:boolean");
        refused("{\"approve\": \"true\"}", ClaimsResource.Review.class, "approve", "type:boolean");
        refused("{\"idNumber\": \"" + ID + "\", \"name\": \"张三\", \"receivesPension\": 1e22}", TraineeDraft.class,
                "receivesPension", "type:boolean");
        assertEquals(Boolean.FALSE, mapper.readValue("{\"approve\": false}", ClaimsResource.Review.class).approve());
    }

    @Test
    void numbersAreOnlyNumbersAndWholeNumbersHaveNoFraction() throws Exception {
        refused("{\"traineeId\": \"12\"}", ClassesResource.EnrolmentRequest.class, "traineeId", "type:integer");
        refused("{\"traineeId\": 12.5}", ClassesResource.EnrolmentRequest.class, "traineeId", "type:integer");
        refused("{\"traineeId\": 1e2}", ClassesResource.EnrolmentRequest.class, "traineeId", "type:integer");
        refused("{\"traineeId\": true}", ClassesResource.EnrolmentRequest.class, "traineeId", "type:integer");
        refused("{\"traineeId\": 99999999999999999999}", ClassesResource.EnrolmentRequest.class, "traineeId",
                "type:integer");
        refused("{\"hours\": 80.0}", ClassDraft.class, "hours", "type:integer");
        refused("{\"attendanceThreshold\": \"0.8\"}", ClassDraft.class, "attendanceThreshold", "type:number");
        refused("{\"name\": 12}", TraineeDraft.class, "name", "type:string");
        assertEquals(12L, mapper.readValue("{\"traineeId\": 12}", ClassesResource.EnrolmentRequest.class).traineeId());
    }

    @Test
    void enumValuesAreExactNames() throws Exception {
        refused("{\"level\": \"0\"}", ProjectLevel.class, "level", "enum:SkillLevel");
        refused("{\"level\": 0}", ProjectLevel.class, "level", "enum:SkillLevel");
        refused("{\"level\": \"JUNIOR\\u0000\"}", ProjectLevel.class, "level", "enum:SkillLevel");
        refused("{\"level\": \" JUNIOR\"}", ProjectLevel.class, "level", "enum:SkillLevel");
        refused("{\"level\": \"junior\"}", ProjectLevel.class, "level", "enum:SkillLevel");
        refused("{\"level\": \"" + ID + "\"}", ProjectLevel.class, "level", "enum:SkillLevel");
        refused("{\"idNumber\": \"" + ID + "\", \"name\": \"x\", \"groups\": [\"ASTRONAUT\"]}", TraineeDraft.class,
                "groups.0", "enum:TargetGroup");
        assertEquals(SkillLevel.JUNIOR, mapper.readValue("{\"level\": \"JUNIOR\"}", ProjectLevel.class).level());
    }

    /** A record with one enum, as a resource body. */
    record ProjectLevel(SkillLevel level) {
    }

    @Test
    void datesAreYyyyMmDdWithin1900To2100() throws Exception {
        String outcome = "{\"passed\": true, \"certificate\": {\"kind\": \"SKILL_LEVEL\", \"level\": \"JUNIOR\", "
                + "\"issuedOn\": \"%s\"}}";
        for (String bad : new String[] {"-2026-10-01", "+2026-10-01", "12026-10-01", "2026-1-01", "2026-02-30",
            "1899-12-31", "2101-01-01", "2026-10-01T00:00", " 2026-10-01"}) {
            refused(outcome.formatted(bad), OutcomeDraft.class, "certificate.issuedOn", "format:date");
        }
        refused("{\"day\": 20000}", EnrolmentsResource.CheckIn.class, "day", "format:date");
        refused("{\"day\": [2026, 10, 1]}", EnrolmentsResource.CheckIn.class, "day", "format:date");
        assertEquals(LocalDate.of(2026, 10, 1),
                mapper.readValue(outcome.formatted("2026-10-01"), OutcomeDraft.class).certificate().issuedOn());
    }

    @Test
    void textHasNoControlCharactersSurrogatesOrReplacementCharacters() throws Exception {
        refused("{\"idNumber\": \"" + ID + "\", \"name\": \"张\\u0000三\"}", TraineeDraft.class, "name",
                "text:control-character");
        refused("{\"idNumber\": \"" + ID + "\", \"name\": \"张\\n三\"}", TraineeDraft.class, "name",
                "text:control-character");
        refused("{\"idNumber\": \"" + ID + "\", \"name\": \"张\\ud800三\"}", TraineeDraft.class, "name",
                "text:unpaired-surrogate");
        refused("{\"idNumber\": \"" + ID + "\", \"name\": \"\\udc00\"}", TraineeDraft.class, "name",
                "text:unpaired-surrogate");
        refused("{\"idNumber\": \"" + ID + "\", \"name\": \"张\uFFFD\"}", TraineeDraft.class, "name",
                "text:replacement-character");
        refused("{\"reason\": \"ok\\u0007\"}", PoliciesResource.Decision.class, "reason", "text:control-character");
        assertEquals("第一行\n第二行", mapper.readValue("{\"reason\": \"第一行\\n第二行\"}",
                PoliciesResource.Decision.class).reason(), "a reason may span lines");
        assertEquals("𠀀", mapper.readValue("{\"idNumber\": \"" + ID + "\", \"name\": \"\\ud840\\udc00\"}",
                TraineeDraft.class).name(), "a surrogate pair is a character");
    }

    @Test
    void duplicateKeysAndUnknownFieldsAreRefused() {
        Problem duplicate = problem("{\"approve\": true, \"approve\": false}", ClaimsResource.Review.class);
        assertEquals(400, duplicate.status());
        refused("{\"approve\": true, \"colour\": 1}", ClaimsResource.Review.class, "colour", "unknown-field");
        refused("{\"approve\": true, \"" + ID + "\": 1}", ClaimsResource.Review.class, "(unknown field)",
                "unknown-field");
    }

    @Test
    void syntaxErrorsAre400WithoutTheToken() {
        Problem problem = problem("{\"idNumber\": x" + ID + "}", TraineeDraft.class);
        assertEquals(400, problem.status());
        assertEquals("json", problem.violations().get(0).rule());
    }

    @Test
    void invalidUtf8InABodyIsA400NamingTheByteOffset() {
        JsonProvider provider = new JsonProvider();
        for (byte[] bad : new byte[][] {{'{', '"', 'n', '"', ':', '"', (byte) 0xFF, '"', '}'},
            {'{', '"', 'n', '"', ':', '"', (byte) 0xC0, (byte) 0x80, '"', '}'},
            {'{', '"', 'n', '"', ':', '"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"', '}'}}) {
            ProblemException e = assertThrows(ProblemException.class, () -> provider.readFrom(Object.class,
                    Object.class, new java.lang.annotation.Annotation[0], MediaType.APPLICATION_JSON_TYPE,
                    new MultivaluedHashMap<>(), new ByteArrayInputStream(bad)));
            assertEquals(400, e.problem().status());
            assertEquals("encoding:utf-8", e.problem().violations().get(0).rule());
            assertTrue(e.problem().detail().contains("offset 6"), e.problem().detail());
        }
        ProblemException gbk = assertThrows(ProblemException.class, () -> provider.readFrom(Object.class,
                Object.class, new java.lang.annotation.Annotation[0], new MediaType("application", "json", "GBK"),
                new MultivaluedHashMap<>(), new ByteArrayInputStream("{}".getBytes(StandardCharsets.UTF_8))));
        assertEquals(415, gbk.problem().status());
    }
}
