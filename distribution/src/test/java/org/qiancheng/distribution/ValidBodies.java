package org.qiancheng.distribution;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A body each write would accept on the seeded platform of {@link MalformedRequestsE2EIT} (ids 1 of
 * each record, trainee 2 not enrolled, the shipped regions), so that the one fault a malformed
 * request carries is the only reason to refuse it.
 */
final class ValidBodies {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ValidBodies() {
    }

    static Map<String, JsonNode> read(Path repo) throws IOException {
        Map<String, String> bodies = new LinkedHashMap<>();
        bodies.put("POST /institutions", """
                {"name": "新都区职业技能培训中心", "regionCode": "510100", "status": "LISTED", "creditGrade": "A"}""");
        bodies.put("PUT /institutions/{id}/status", "{\"status\": \"WHITELISTED\"}");
        bodies.put("POST /projects", """
                {"regionCode": "510000", "name": "焊工（中级）培训", "occupationCode": "6-31-01-03",
                 "level": "INTERMEDIATE", "headcount": 30, "evaluationDirection": "技能等级认定",
                 "employmentDirection": "装备制造", "wageGuidance": "4500"}""");
        bodies.put("POST /plans", """
                {"regionCode": "510000", "year": 2027, "lines": [{"occupationCode": "6-31-01-03", "level": "JUNIOR",
                 "trainees": 300}, {"occupationCode": "4-10-01-05", "trainees": 1200}]}""");
        bodies.put("PUT /plans/{code}/{year}/lines", """
                {"lines": [{"occupationCode": "6-31-01-03", "level": "JUNIOR", "trainees": 300}]}""");
        bodies.put("POST /plans/{code}/{year}/publish", "{\"publishedOn\": \"2026-01-05\"}");
        bodies.put("POST /plans/{code}/{year}/adjustment", """
                {"adjustedOn": "2026-07-01", "reason": "年中调整", "lines": [{"occupationCode": "4-10-01-05",
                 "trainees": 900}]}""");
        bodies.put("POST /classes", """
                {"projectId": 1, "institutionId": 1, "regionCode": "510104", "mode": "OFFLINE", "kind": "GENERAL",
                 "startDate": "2026-12-10", "endDate": "2026-12-28", "hours": 80, "attendanceThreshold": 0.8}""");
        bodies.put("POST /classes/{id}/enrolments", "{\"traineeId\": 2}");
        bodies.put("POST /trainees", """
                {"idNumber": "51010519920718052X", "name": "钱磊", "groups": ["REGISTERED_UNEMPLOYED"],
                 "familyGroups": [], "householdRegion": "510105", "residenceRegion": "510104",
                 "receivesPension": false}""");
        bodies.put("POST /enrolments/{id}/check-ins", "{\"day\": \"2026-12-08\"}");
        bodies.put("PUT /enrolments/{id}/outcome", """
                {"passed": true, "certificate": {"kind": "SKILL_LEVEL", "level": "JUNIOR", "issuedOn": "2026-11-20"},
                 "employment": "STABLE", "employedOn": "2026-11-21"}""");
        bodies.put("PUT /enrolments/{id}/employment", "{\"employment\": \"STABLE\", \"employedOn\": \"2026-12-20\"}");
        bodies.put("PUT /classes/{id}/survey", "{\"respondents\": 1, \"satisfied\": 1, \"surveyedOn\": \"2026-12-20\"}");
        bodies.put("POST /claims/{id}/review", "{\"approve\": true, \"reason\": \"核对无误\"}");
        bodies.put("POST /claims/{id}/disbursements", "{\"kind\": \"ADVANCE\"}");
        bodies.put("POST /settlements", "{\"regionCode\": \"510000\", \"month\": \"2026-10\"}");
        bodies.put("PUT /policies/{code}/pin", "{\"version\": \"2025.1.0\"}");
        bodies.put("POST /policies/{code}/{version}/activate", "{\"reason\": \"演练\"}");
        bodies.put("POST /policies/{code}/rollback", "{\"reason\": \"演练\"}");
        bodies.put("POST /policies/{code}/compare", """
                {"candidate": "2025.2.0", "from": "2025-01-01", "to": "2026-12-31", "top": 5}""");
        bodies.put("POST /claims/preview", Files.readString(repo.resolve("docs/examples/preview-sichuan.json")));
        Map<String, JsonNode> parsed = new LinkedHashMap<>();
        for (Map.Entry<String, String> body : bodies.entrySet()) {
            parsed.put(body.getKey(), JSON.readTree(body.getValue()));
        }
        return parsed;
    }
}
