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
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.qiancheng.api.model.LocalizedText;
import org.qiancheng.api.system.DatabaseHealth;
import org.qiancheng.api.system.HealthReport;
import org.qiancheng.api.system.HealthStatus;

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
}
