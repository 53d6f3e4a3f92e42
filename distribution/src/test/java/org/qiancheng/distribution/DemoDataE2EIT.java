package org.qiancheng.distribution;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.Test;
import org.qiancheng.demo.DemoData;

/**
 * The data set of {@code ./qiancheng demo} on a fresh assembled platform: {@link DemoData} seeds it over
 * the REST API as its users, and the console finds what it shows — classes in every state (filed,
 * running, ended without claims, claims computed, reviewed, paid) in Sichuan (Chengdu and another
 * city), Xi'an and Jiangsu, 15–30 trainees a class, flagged claims, advances and balances, a completed
 * monthly settlement, the standby Sichuan version ready to compare — every demo user logs in with the
 * demo password, and the clock file is gone, "today" back where the platform started.
 */
public class DemoDataE2EIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private String base;

    @Test
    public void theDemoDataSetHoldsWhatTheConsoleShows() throws Exception {
        Path home = Files.createTempDirectory(Path.of("target"), "e2e-demo-").toAbsolutePath();
        try (RunningPlatform platform = RunningPlatform.start(home, "e2e-demo.log")) {
            base = "http://127.0.0.1:" + platform.port + "/api/v1";
            long began = System.nanoTime();
            DemoData.Summary summary = DemoData.seed(base, home, Staff.ADMIN_INITIAL, DemoData.DEFAULT_PASSWORD,
                    System.out);
            System.out.printf("DemoData seeded in %.1f s: %s%n", (System.nanoTime() - began) / 1e9, summary);
            LocalDate today = LocalDate.ofInstant(Instant.parse(PlatformTestSupport.TODAY), ZoneOffset.ofHours(8));

            // the clock is the platform's own again
            assertFalse("the clock file is removed", Files.exists(home.resolve("etc/org.qiancheng.clock.config")));
            assertEquals(today, summary.today());

            // every user logs in with the demo password, with no password change pending
            Map<String, String> tokens = new HashMap<>();
            for (DemoData.User user : DemoData.USERS) {
                JsonNode session = login(user.username());
                assertFalse(user.username(), session.get("user").get("mustChangePassword").asBoolean());
                assertEquals(user.username(), Set.of(user.role()), roles(session.get("user")));
                tokens.put(user.username(), session.get("token").asText());
            }
            String auditor = tokens.get("auditor");
            assertEquals(today.toString(), get(auditor, "/regions/100000/catalog").get("on").asText());

            // classes in every state, in several regions, spread over the year
            JsonNode classes = get(auditor, "/classes?limit=500");
            Set<String> cities = new TreeSet<>();
            Set<String> months = new TreeSet<>();
            int upcoming = 0;
            int running = 0;
            int endedWithoutClaims = 0;
            for (JsonNode course : classes.get("items")) {
                JsonNode facts = course.get("facts");
                LocalDate start = LocalDate.parse(facts.get("startDate").asText());
                LocalDate end = LocalDate.parse(facts.get("endDate").asText());
                cities.add(facts.get("regionCode").asText().substring(0, 4));
                months.add(facts.get("startDate").asText().substring(0, 7));
                assertTrue("filed before it started: " + course, LocalDate.parse(course.get("filedOn").asText()).isBefore(start));
                long id = course.get("id").asLong();
                int enrolled = get(auditor, "/classes/" + id + "/enrolments?limit=1").get("total").asInt();
                assertTrue("15–30 trainees in class " + id + ": " + enrolled, enrolled >= 15 && enrolled <= 30);
                if (start.isAfter(today)) {
                    upcoming++;
                } else if (!end.isBefore(today)) {
                    running++;
                } else if (get(auditor, "/claims?classId=" + id + "&limit=1").get("total").asInt() == 0) {
                    endedWithoutClaims++;
                }
            }
            assertTrue("at least 12 classes: " + classes.get("total"), classes.get("total").asInt() >= 12);
            assertTrue("filed, not started", upcoming >= 1);
            assertTrue("running today", running >= 1);
            assertTrue("ended, no claims yet", endedWithoutClaims >= 1);
            assertTrue("Chengdu, another Sichuan city, Xi'an, Nanjing: " + cities, cities.contains("5101")
                    && (cities.contains("5106") || cities.contains("5107")) && cities.contains("6101")
                    && cities.contains("3201"));
            assertTrue("classes start in many months: " + months, months.size() >= 8);
            assertTrue("trainees", get(auditor, "/trainees?limit=1").get("total").asInt() >= 15 * 12);

            // claims in every review and payment state
            for (String status : new String[] {"COMPUTED", "FLAGGED", "APPROVED", "REJECTED"}) {
                assertTrue("claims " + status, get(auditor, "/claims?status=" + status + "&limit=1").get("total").asInt() > 0);
            }
            for (String state : new String[] {"UNPAID", "ADVANCED", "PAID"}) {
                assertTrue("claims " + state, get(auditor, "/claims?paymentState=" + state + "&limit=1").get("total").asInt() > 0);
            }
            Set<String> kinds = new HashSet<>();
            for (JsonNode claim : get(auditor, "/claims?paymentState=PAID&limit=500").get("items")) {
                if (claim.get("decision").get("policy").get("regionCode").asText().equals("320000")) {
                    get(auditor, "/claims/" + claim.get("id").asLong() + "/disbursements")
                            .forEach(d -> kinds.add(d.get("kind").asText()));
                    break;
                }
            }
            assertEquals("a Jiangsu claim paid in advance and then the balance", Set.of("ADVANCE", "BALANCE"), kinds);

            // a completed monthly settlement
            JsonNode settlement = get(auditor, "/settlements").get("items").get(0);
            assertEquals(settlement.toString(), "COMPLETED", settlement.get("status").asText());
            assertTrue(settlement.toString(), settlement.get("claimsCreated").asInt() > 0);

            // Sichuan 2025.2.0 on standby, nothing activated, and it compares with the stored claims
            String policyAdmin = tokens.get("policy-a");
            boolean standby = false;
            for (JsonNode version : get(policyAdmin, "/policies")) {
                standby |= version.get("descriptor").get("regionCode").asText().equals("510000")
                        && version.get("descriptor").get("version").asText().equals("2025.2.0")
                        && version.get("status").asText().equals("STANDBY");
            }
            assertTrue("Sichuan 2025.2.0 waits on standby", standby);
            JsonNode compared = post(policyAdmin, "/policies/510000/compare", "{\"candidate\": \"2025.2.0\", \"from\": \""
                    + today.withDayOfYear(1) + "\", \"to\": \"" + today + "\"}");
            assertTrue("the comparison covers stored claims: " + compared, compared.get("claims").asInt() > 0);
            assertEquals(0, platform.terminate());
        }
    }

    private static Set<String> roles(JsonNode user) {
        Set<String> roles = new HashSet<>();
        user.get("roles").forEach(r -> roles.add(r.asText()));
        return roles;
    }

    private JsonNode login(String username) throws Exception {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(base + "/session"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                        "{\"username\": \"" + username + "\", \"password\": \"" + DemoData.DEFAULT_PASSWORD + "\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(username + ": " + answer.body(), 201, answer.statusCode());
        return JSON.readTree(answer.body());
    }

    private JsonNode get(String token, String path) throws Exception {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(path + ": " + answer.body(), 200, answer.statusCode());
        return JSON.readTree(answer.body());
    }

    private JsonNode post(String token, String path, String json) throws Exception {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(60)).POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(path + ": " + answer.body(), 200, answer.statusCode());
        return JSON.readTree(answer.body());
    }
}
