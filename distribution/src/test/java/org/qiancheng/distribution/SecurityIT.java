package org.qiancheng.distribution;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;
import static org.qiancheng.distribution.WorkflowSteps.assertProblem;
import static org.qiancheng.distribution.WorkflowSteps.body;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Hashtable;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import javax.inject.Inject;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * Accounts and sessions over HTTP, phase 1: the first admin from {@code QC_ADMIN_PASSWORD} (the
 * framework property {@code qc.admin.password} the launcher sets from it) must change the password
 * before anything else; a security admin creates a clerk who logs in; wrong passwords lock the clerk
 * out from that address only, until an admin unlocks; logout ends the token; the cookie needs the
 * CSRF header on writes; {@code /users} needs a session and the role; a session names the actor of
 * the audit trail; sessions end idle after 30 minutes and absolutely after 12 hours on the platform's
 * clock; and every endpoint but health and login needs a session.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class SecurityIT extends PlatformTestSupport {

    private static final String INITIAL = Staff.ADMIN_INITIAL;
    private static final String ADMIN_PASSWORD = Staff.ADMIN_PASSWORD;
    private static final String CLERK_INITIAL = "Chengdu-Clerk-01";
    private static final String CLERK_PASSWORD = "Qingyang-District-7";

    @Inject
    BundleContext context;

    @Inject
    ConfigurationAdmin configurations;

    private Http http;

    @Configuration
    public Option[] configuration() throws Exception {
        return baseConfiguration();
    }

    @Before
    public void serverReady() throws Exception {
        Whiteboard.await(context, d -> Dtos.resources(d).containsAll(List.of("qiancheng.session", "qiancheng.users",
                "qiancheng.institutions", "qiancheng.classes", "qiancheng.audit", "qiancheng.health")), 30_000);
        http = new Http(context.getProperty("org.osgi.service.http.port"));
        admin(); // walks the first admin's first login before the staff of other desks is set up
    }

    private static String bearer(String token) {
        return "Bearer " + token;
    }

    private Http.Answer login(Http client, String username, String password) throws Exception {
        return client.post("/session", "{\"username\": \"" + username + "\", \"password\": \"" + password + "\"}");
    }

    private String token(String username, String password) throws Exception {
        Http.Answer answer = login(http, username, password);
        assertEquals(body(answer), 201, answer.status());
        return answer.body().get("token").asText();
    }

    /** Whether a test of this class has walked the first login of the first admin (the framework is shared). */
    private static boolean firstLoginWalked;

    /** The admin's token; the first call walks the admin's first login, whichever test makes it. */
    private String admin() throws Exception {
        if (!firstLoginWalked) {
            firstLogin();
            firstLoginWalked = true;
        }
        return token("admin", ADMIN_PASSWORD);
    }

    /**
     * The first start made {@code admin}, SECURITY_ADMIN only, of all regions, with the password of
     * {@code QC_ADMIN_PASSWORD}; until it is changed, that session may do nothing else.
     */
    private void firstLogin() throws Exception {
        Http.Answer first = login(http, "admin", INITIAL);
        assertEquals(body(first), 201, first.status());
        assertTrue(first.body().get("user").get("mustChangePassword").asBoolean());
        assertEquals("[\"SECURITY_ADMIN\"]", first.body().get("user").get("roles").toString());
        assertEquals("[\"100000\"]", first.body().get("user").get("regions").toString());
        assertFalse("the user never carries a hash", first.body().get("user").has("passwordHash"));
        assertTrue(first.header("Cache-Control"), first.header("Cache-Control").contains("no-store"));
        String cookie = first.header("Set-Cookie");
        assertTrue(cookie, cookie.startsWith("qc_session=" + first.body().get("token").asText() + ";"));
        assertTrue(cookie, cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict")
                && cookie.contains("Path=/") && !cookie.contains("Secure"));
        String token = first.body().get("token").asText();
        assertProblem(http.send("GET", "/users", null, "Authorization", bearer(token)), 403, null,
                "password-change-required");
        assertProblem(http.send("POST", "/institutions", "{\"name\": \"x\", \"regionCode\": \"510100\"}",
                "Authorization", bearer(token)), 403, null, "password-change-required");
        assertEquals(200, http.send("GET", "/session", null, "Authorization", bearer(token)).status());
        assertProblem(http.send("PUT", "/session/password", "{\"currentPassword\": \"" + INITIAL
                + "\", \"newPassword\": \"short\"}", "Authorization", bearer(token)), 422, "newPassword",
                "password:length");
        assertProblem(http.send("PUT", "/session/password", "{\"currentPassword\": \"Not-The-Password-1\","
                + " \"newPassword\": \"" + ADMIN_PASSWORD + "\"}", "Authorization", bearer(token)), 422,
                "currentPassword", "credentials");
        Http.Answer changed = http.send("PUT", "/session/password", "{\"currentPassword\": \"" + INITIAL
                + "\", \"newPassword\": \"" + ADMIN_PASSWORD + "\"}", "Authorization", bearer(token));
        assertEquals(body(changed), 200, changed.status());
        assertFalse(changed.body().get("mustChangePassword").asBoolean());
        assertEquals("the session that changed it goes on", 200,
                http.send("GET", "/users", null, "Authorization", bearer(token)).status());
        assertProblem(login(http, "admin", INITIAL), 401, "password", "credentials");
    }

    @Test
    public void theFirstAdminMustChangeThePasswordThenCreatesAClerkWhoLogsInAndActsUnderTheirName() throws Exception {
        String admin = admin();
        Http.Answer me = http.send("GET", "/session", null, "Authorization", bearer(admin));
        assertEquals(body(me), 200, me.status());
        assertEquals("admin", me.body().get("user").get("username").asText());

        // the admin creates a clerk of Chengdu; administrator and business roles never together
        assertProblem(http.send("POST", "/users", """
                {"username": "wang.mixed", "password": "Chengdu-Clerk-01", "roles": ["CLERK", "SECURITY_ADMIN"],
                 "regions": ["510100"]}""", "Authorization", bearer(admin)), 422, "roles", "separation-of-duties");
        Http.Answer created = http.send("POST", "/users", """
                {"username": "li.jingban", "password": "%s", "roles": ["CLERK"], "regions": ["510100", "510104"]}"""
                .formatted(CLERK_INITIAL), "Authorization", bearer(admin));
        assertEquals(body(created), 201, created.status());
        long clerkId = created.body().get("id").asLong();
        assertEquals("\"" + created.body().get("version").asLong() + "\"", created.header("ETag"));
        assertTrue(created.header("Location").endsWith("/api/v1/users/" + clerkId));
        assertProblem(http.send("POST", "/users", """
                {"username": "LI.JINGBAN", "password": "Chengdu-Clerk-01", "roles": ["CLERK"], "regions": ["510100"]}""",
                "Authorization", bearer(admin)), 409, "username", "unique");
        assertProblem(http.send("PUT", "/users/" + clerkId, "{\"regions\": [\"510000\", \"610100\"]}",
                "Authorization", bearer(admin)), 428, null, null);
        Http.Answer widened = http.send("PUT", "/users/" + clerkId, "{\"regions\": [\"510000\"]}",
                "Authorization", bearer(admin), "If-Match", created.header("ETag"));
        assertEquals(body(widened), 200, widened.status());
        assertProblem(http.send("PUT", "/users/" + clerkId, "{\"disabled\": false}", "Authorization", bearer(admin),
                "If-Match", created.header("ETag")), 412, null, null);

        // the clerk logs in, changes the initial password and acts under their own name, not X-Operator's
        String clerkFirst = token("li.jingban", CLERK_INITIAL);
        assertEquals(200, http.send("PUT", "/session/password", "{\"currentPassword\": \"" + CLERK_INITIAL
                + "\", \"newPassword\": \"" + CLERK_PASSWORD + "\"}", "Authorization", bearer(clerkFirst)).status());
        Http.Answer clerkLogin = login(http, "LI.JINGBAN", CLERK_PASSWORD);
        assertEquals(body(clerkLogin), 201, clerkLogin.status());
        String clerk = clerkLogin.body().get("token").asText();
        String csrf = clerkLogin.body().get("csrfToken").asText();
        assertProblem(http.send("GET", "/users", null, "Authorization", bearer(clerk)), 403, null, "permission");
        Http.Answer institution = http.send("POST", "/institutions",
                "{\"name\": \"成都市青羊区技工培训学校\", \"regionCode\": \"510105\"}", "Authorization", bearer(clerk),
                "X-Operator", "mallory");
        assertEquals(body(institution), 201, institution.status());
        long institutionId = institution.body().get("id").asLong();
        JsonNode audit = http.get("/audit?entity=institution&entityId=" + institutionId).body();
        assertEquals("li.jingban", audit.get("items").get(0).get("actor").asText());

        // with the cookie, a write needs the CSRF token of the login
        String cookie = "qc_session=" + clerk;
        assertProblem(http.send("POST", "/institutions", "{\"name\": \"成都市锦江区培训中心\", \"regionCode\": \"510104\"}",
                "Cookie", cookie), 403, "X-CSRF-Token", "csrf");
        assertProblem(http.send("POST", "/institutions", "{\"name\": \"成都市锦江区培训中心\", \"regionCode\": \"510104\"}",
                "Cookie", cookie, "X-CSRF-Token", clerkFirst.substring(0, 43)), 403, "X-CSRF-Token", "csrf");
        assertEquals(200, http.send("GET", "/session", null, "Cookie", cookie).status());
        Http.Answer withCsrf = http.send("POST", "/institutions",
                "{\"name\": \"成都市锦江区培训中心\", \"regionCode\": \"510104\"}", "Cookie", cookie, "X-CSRF-Token", csrf);
        assertEquals(body(withCsrf), 201, withCsrf.status());

        // logout ends the token; an unknown token is 401 also where no session is needed
        Http.Answer out = http.send("DELETE", "/session", null, "Authorization", bearer(clerk));
        assertEquals(body(out), 204, out.status());
        assertTrue(out.header("Set-Cookie").contains("Max-Age=0"));
        assertProblem(http.send("GET", "/session", null, "Authorization", bearer(clerk)), 401, null, "session");
        Http.Answer stale = http.send("GET", "/classes", null, "Authorization", bearer(clerk));
        assertProblem(stale, 401, null, "session");
        assertNotNull(stale.header("WWW-Authenticate"));
        assertEquals("without credentials, phase 1 still answers", 200, http.get("/classes").status());

        // the audit trail holds the logins, the change of the password, the creation — never a secret
        String trail = http.get("/audit?entity=user&limit=100").body().toString();
        for (String action : List.of("session.login", "session.logout", "user.created", "user.updated",
                "user.password-changed", "session.login-failed")) {
            assertTrue(action + " in " + trail, trail.contains("\"" + action + "\""));
        }
        for (String secret : List.of(INITIAL, ADMIN_PASSWORD, CLERK_INITIAL, CLERK_PASSWORD, clerk, csrf)) {
            assertFalse("no secret in the audit trail", trail.contains(secret));
        }
    }

    @Test
    public void fiveWrongPasswordsLockTheAccountFromThatAddressUntilAnAdminUnlocksIt() throws Exception {
        String admin = admin();
        Http.Answer created = http.send("POST", "/users", """
                {"username": "zhao.shenhe", "password": "Mianyang-Review-1", "roles": ["REVIEWER"], "regions": ["510700"]}""",
                "Authorization", bearer(admin));
        assertEquals(body(created), 201, created.status());
        long id = created.body().get("id").asLong();
        Http.Answer unknown = login(http, "nobody.here", "Wrong-Password-1");
        for (int i = 1; i <= 5; i++) {
            Http.Answer wrong = login(http, "zhao.shenhe", "Wrong-Password-" + i);
            assertProblem(wrong, 401, "password", "credentials");
            if (i < 5) {
                assertEquals("an unknown user gets the same answer", unknown.body().get("detail"),
                        wrong.body().get("detail"));
            }
        }
        Http.Answer locked = login(http, "zhao.shenhe", "Mianyang-Review-1");
        assertProblem(locked, 429, "username", "locked");
        assertTrue(locked.body().get("detail").asText(), locked.body().get("detail").asText().contains("15 more minute"));
        assertTrue(locked.body().get("detailZh").asText().contains("15 分钟"));
        assertEquals("900", locked.header("Retry-After"));
        Http.Answer read = http.send("GET", "/users/" + id, null, "Authorization", bearer(admin));
        assertTrue(body(read), read.body().has("lockedUntil"));

        // the lockout holds for this address only: the same account from another local address logs in
        RawHttp.Answer elsewhere = RawHttp.sendFrom("127.0.0.2", Integer.parseInt(context.getProperty(
                "org.osgi.service.http.port")), RawHttp.request("POST", "/api/v1/session", Map.of("Content-Type",
                "application/json"), "{\"username\": \"zhao.shenhe\", \"password\": \"Mianyang-Review-1\"}"
                .getBytes(StandardCharsets.UTF_8)));
        assertEquals(elsewhere.body(), 201, elsewhere.status());

        // only a security admin unlocks, then the right password works again from here
        assertProblem(http.anonymous().post("/users/" + id + "/unlock", ""), 401, null, "session-required");
        Http.Answer unlocked = http.send("POST", "/users/" + id + "/unlock", null, "Authorization", bearer(admin));
        assertEquals(body(unlocked), 200, unlocked.status());
        assertFalse(unlocked.body().has("lockedUntil"));
        assertEquals(201, login(http, "zhao.shenhe", "Mianyang-Review-1").status());

        // a security admin ends all of a user's sessions
        Http.Answer revoked = http.send("DELETE", "/users/" + id + "/sessions", null, "Authorization", bearer(admin));
        assertEquals(body(revoked), 200, revoked.status());
        assertEquals(2, revoked.body().get("sessionsEnded").asInt());
    }

    @Test
    public void loginsPerAddressAreRateLimitedAndOnlyATrustedProxyNamesTheClientAddress() throws Exception {
        String admin = admin();
        assertEquals(201, http.send("POST", "/users", """
                {"username": "qian.jingban", "password": "Deyang-Clerk-0001", "roles": ["CLERK"], "regions": ["510600"]}""",
                "Authorization", bearer(admin)).status());
        var config = configurations.getConfiguration("org.qiancheng.security", "?");
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put("loginsPerMinute", LIMIT);
        properties.put("trustedProxies", new String[] {"127.0.0.1"});
        config.update(properties);
        try {
            awaitLimit("192.0.2.200");
            // the proxy 127.0.0.1 names the client: five failures lock qian.jingban for 203.0.113.9 only
            for (int i = 1; i <= 5; i++) {
                assertProblem(http.send("POST", "/session", "{\"username\": \"qian.jingban\", \"password\":"
                        + " \"Wrong-Password-" + i + "\"}", "X-Forwarded-For", "198.51.100.1, 203.0.113.9"), 401,
                        "password", "credentials");
            }
            assertProblem(loginVia("203.0.113.9"), 429, "username", "locked");
            Http.Answer other = loginVia("203.0.113.10");
            assertEquals(body(other), 201, other.status());

            // one attempt too many from one address within a minute is refused before any password is checked
            Http.Answer limited = loginVia("203.0.113.9");
            assertProblem(limited, 429, null, "rate-limit");
            assertTrue(limited.header("Retry-After"), Integer.parseInt(limited.header("Retry-After")) <= 61);
            assertTrue(limited.body().get("detailZh").asText().contains("秒后再试"));

            // from a peer that is not a trusted proxy the header is ignored: 127.0.0.2 counts as itself
            RawHttp.Answer direct = RawHttp.sendFrom("127.0.0.2", Integer.parseInt(context.getProperty(
                    "org.osgi.service.http.port")), RawHttp.request("POST", "/api/v1/session", Map.of("Content-Type",
                    "application/json", "X-Forwarded-For", "203.0.113.9"), ("{\"username\": \"qian.jingban\","
                    + " \"password\": \"Deyang-Clerk-0001\"}").getBytes(StandardCharsets.UTF_8)));
            assertEquals(direct.body(), 201, direct.status());
        } finally {
            config.delete();
        }
    }

    /** Login attempts per address per minute while the test configures it. */
    private static final int LIMIT = 6;

    private Http.Answer loginVia(String client) throws Exception {
        return http.send("POST", "/session", "{\"username\": \"qian.jingban\", \"password\": \"Deyang-Clerk-0001\"}",
                "X-Forwarded-For", client);
    }

    /**
     * Waits until the configuration has reached the session service (asynchronously): logins named by
     * the proxy as coming from the address are limited to {@link #LIMIT} a minute.
     */
    private void awaitLimit(String address) throws Exception {
        for (int round = 0; round < 50; round++) {
            for (int i = 0; i <= LIMIT; i++) {
                Http.Answer answer = loginVia(address);
                if (answer.status() == 429 && body(answer).contains("rate-limit")) {
                    return;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the login rate limit never applied");
    }

    @Test
    public void aServiceAccountActsWithAnIssuedTokenThatNoIdleTimeoutEndsUntilItExpiresOrIsRevoked()
            throws Exception {
        Instant start = Instant.parse(TODAY);
        String admin = admin();
        Http.Answer created = http.send("POST", "/users/service-accounts", """
                {"username": "hr-sync", "roles": ["AUDITOR"], "regions": ["510000"]}""", "Authorization", bearer(admin));
        assertEquals(body(created), 201, created.status());
        long id = created.body().get("id").asLong();
        assertTrue(created.header("Location"), created.header("Location").endsWith("/api/v1/users/" + id));
        assertFalse(created.body().get("mustChangePassword").asBoolean());
        assertProblem(http.send("POST", "/users/service-accounts", """
                {"username": "sync-admin", "roles": ["SECURITY_ADMIN"], "regions": ["100000"]}""", "Authorization",
                bearer(admin)), 422, "roles", "service-account");
        assertProblem(http.send("POST", "/users/1/tokens", "{\"days\": 30}", "Authorization", bearer(admin)), 422,
                "id", "service-account");
        assertProblem(http.send("POST", "/users/" + id + "/tokens", "{\"days\": 366}", "Authorization",
                bearer(admin)), 422, "days", "range:1-365");

        Http.Answer issued = http.send("POST", "/users/" + id + "/tokens", "{\"days\": 30}", "Authorization",
                bearer(admin));
        assertEquals(body(issued), 201, issued.status());
        assertTrue(issued.header("Cache-Control").contains("no-store"));
        assertEquals(start.plus(Duration.ofDays(30)).toString(), issued.body().get("expiresAt").asText());
        String token = issued.body().get("token").asText();
        assertEquals(200, http.send("GET", "/audit?entity=user", null, "Authorization", bearer(token)).status());
        assertProblem(login(http, "hr-sync", "Any-Password-2026"), 401, "password", "credentials");
        JsonNode trail = http.send("GET", "/audit?entity=user&entityId=" + id, null, "Authorization", bearer(token))
                .body();
        assertTrue(trail.toString(), trail.toString().contains("\"user.token-issued\""));
        assertFalse("the trail never holds the token", trail.toString().contains(token));
        try {
            // hours without a call: a login's session would have ended after 30 minutes, the token goes on
            clockAt(start.plus(Duration.ofHours(5)));
            assertEquals(200, http.send("GET", "/classes", null, "Authorization", bearer(token)).status());
            clockAt(start.plus(Duration.ofDays(30)));
            assertProblem(http.send("GET", "/classes", null, "Authorization", bearer(token)), 401, null, "session");

            configurations.getConfiguration(WorkflowSteps.CLOCK_PID, "?").delete();
            clockAt(start);
            String fresh = token("admin", ADMIN_PASSWORD);
            String second = http.send("POST", "/users/" + id + "/tokens", "{}", "Authorization", bearer(fresh)).body()
                    .get("token").asText();
            assertEquals(200, http.send("GET", "/classes", null, "Authorization", bearer(second)).status());
            assertEquals(200, http.send("DELETE", "/users/" + id + "/sessions", null, "Authorization", bearer(fresh))
                    .status());
            assertProblem(http.send("GET", "/classes", null, "Authorization", bearer(second)), 401, null, "session");
        } finally {
            configurations.getConfiguration(WorkflowSteps.CLOCK_PID, "?").delete();
            clockAt(start);
        }
    }

    @Test
    public void usersNeedASessionAndTheRole() throws Exception {
        assertProblem(http.anonymous().get("/users"), 401, null, "session-required");
        assertProblem(http.anonymous().get("/session"), 401, null, "session-required");
        assertProblem(http.send("GET", "/users", null, "Authorization", "Basic YWRtaW46YWRtaW4="), 401,
                "Authorization", "bearer");
        assertProblem(http.send("GET", "/users", null, "Authorization", bearer("x".repeat(43))), 401, null, "session");
        assertEquals(200, http.send("GET", "/users", null, "Authorization", bearer(admin())).status());
    }

    @Test
    public void everyEndpointButHealthAndLoginNeedsASessionAndTheHealthCheckSaysOnlyUpOrDown() throws Exception {
        Http anonymous = http.anonymous();
        assertProblem(anonymous.get("/classes"), 401, null, "session-required");
        assertProblem(anonymous.get("/institutions"), 401, null, "session-required");
        assertProblem(anonymous.get("/openapi.json"), 401, null, "session-required");
        assertProblem(anonymous.post("/institutions", "{\"name\": \"x\", \"regionCode\": \"510100\"}"), 401, null,
                "session-required");
        assertProblem(anonymous.post("/claims/preview", "{}"), 401, null, "session-required");
        Http.Answer health = anonymous.get("/health");
        assertEquals(200, health.status());
        assertEquals("{\"status\":\"UP\"}", health.body().toString());
        assertProblem(anonymous.get("/health/details"), 401, null, "session-required");
        assertEquals("UP", http.get("/health/details").body().get("database").get("status").asText());
        // the security administrator does no business work (三员分立)
        String admin = admin();
        assertProblem(http.send("GET", "/classes", null, "Authorization", bearer(admin)), 403, null, "permission");
    }

    @Test
    public void sessionsEndThirtyMinutesAfterTheirLastUseAndTwelveHoursAfterTheLoginOnThePlatformClock()
            throws Exception {
        Instant start = Instant.parse(TODAY);
        String admin = admin();
        try {
            clockAt(start.plus(Duration.ofMinutes(29)));
            assertEquals(200, http.send("GET", "/session", null, "Authorization", bearer(admin)).status());
            clockAt(start.plus(Duration.ofMinutes(29 + 30)));
            assertProblem(http.send("GET", "/session", null, "Authorization", bearer(admin)), 401, null, "session");

            Instant login = start.plus(Duration.ofHours(1));
            clockAt(login);
            String token = token("admin", ADMIN_PASSWORD);
            Instant at = login;
            while (at.plus(Duration.ofMinutes(25)).isBefore(login.plus(Duration.ofHours(12)))) {
                at = at.plus(Duration.ofMinutes(25));
                clockAt(at);
                Http.Answer used = http.send("GET", "/session", null, "Authorization", bearer(token));
                assertEquals(at + ": " + body(used), 200, used.status());
            }
            clockAt(login.plus(Duration.ofHours(12)));
            assertProblem(http.send("GET", "/session", null, "Authorization", bearer(token)), 401, null, "session");
        } finally {
            configurations.getConfiguration(WorkflowSteps.CLOCK_PID, "?").delete();
            clockAt(start);
        }
    }

    /**
     * Sets the platform's clock to an instant by configuration and waits until the Clock service reads
     * it; for "today" itself only waits, the configuration having been deleted.
     */
    private void clockAt(Instant instant) throws Exception {
        if (instant.equals(Instant.parse(TODAY))) {
            WorkflowSteps.awaitClock(context, clock -> instant.equals(clock.instant()), instant.toString());
        } else {
            WorkflowSteps.clockAt(configurations, context, instant);
        }
    }
}
