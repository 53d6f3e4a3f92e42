package org.qiancheng.distribution;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.qiancheng.api.security.Role;

/**
 * The people of a test platform, one user per role, set up the way an operator sets up a new
 * installation: the first administrator logs in with {@code QC_ADMIN_PASSWORD} (framework property
 * {@code qc.admin.password}), changes the password, and creates a user per business role with all
 * regions, and a second policy administrator ({@link #SECOND_POLICY_ADMIN}) to confirm activations; each
 * user logs in and changes the initial password. Tokens are kept per platform; a token
 * the platform no longer accepts (the tests move the platform's clock by days) is replaced by a new
 * login, as a client does when its session has ended.
 */
final class Staff {

    /** The first administrator's password at the first start. */
    static final String ADMIN_INITIAL = "First-Start-2026!";
    static final String ADMIN_PASSWORD = "Security-Officer-2026?";
    /** What every other user of the staff logs in with, after changing the initial password. */
    static final String PASSWORD = "Working-Password-2026!";
    private static final String INITIAL = "Initial-Password-2026!";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, Staff> PLATFORMS = new ConcurrentHashMap<>();
    /**
     * The second policy administrator (all regions), hired with the staff: activating a policy version
     * takes two, one requests and the other confirms (docs/security.md, two-person activation).
     */
    static final String SECOND_POLICY_ADMIN = "policy-admin-2";

    private final String base;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    /** Tokens by username. */
    private final Map<String, String> tokens = new HashMap<>();
    private String adminToken;
    private boolean hired;

    private Staff(String base) {
        this.base = base;
    }

    /** @param base the API's base URL, e.g. {@code http://127.0.0.1:8080/api/v1} */
    static Staff of(String base) {
        return PLATFORMS.computeIfAbsent(base, Staff::new);
    }

    /** @return the username of the staff member holding a role: {@code admin} for SECURITY_ADMIN */
    static String username(Role role) {
        return role == Role.SECURITY_ADMIN ? "admin" : role.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** A valid token of a user of the staff, logging in (and setting the staff up) when needed. */
    synchronized String token(String username) throws IOException, InterruptedException {
        String token = tokens.get(username);
        return token != null ? token : renew(username);
    }

    /** Logs a user of the staff in again: its token ended. */
    synchronized String renew(String username) throws IOException, InterruptedException {
        if (!hired) {
            hire();
        }
        String token = login(username, username.equals("admin") ? ADMIN_PASSWORD : PASSWORD).path("token").asText();
        tokens.put(username, token);
        return token;
    }

    /**
     * Hires one more user, e.g. a clerk of one city only, as the security administrator does.
     *
     * @return a client acting as that user
     */
    synchronized Http member(Http client, String username, Set<Role> roles, String... regions)
            throws IOException, InterruptedException {
        if (!hired) {
            hire();
        }
        hire(username, roles, List.of(regions));
        return client.as(username);
    }

    private void hire() throws IOException, InterruptedException {
        adminToken = firstLogin("admin", ADMIN_INITIAL, ADMIN_PASSWORD);
        for (Role role : Role.values()) {
            if (!role.administrator()) {
                hire(username(role), Set.of(role), List.of("100000"));
            }
        }
        hire(SECOND_POLICY_ADMIN, Set.of(Role.POLICY_ADMIN), List.of("100000"));
        hired = true;
    }

    private void hire(String username, Set<Role> roles, List<String> regions) throws IOException, InterruptedException {
        String json = "{\"username\": \"" + username + "\", \"password\": \"" + INITIAL + "\", \"roles\": "
                + JSON.writeValueAsString(roles) + ", \"regions\": " + JSON.writeValueAsString(regions) + "}";
        HttpResponse<String> created = send("POST", "/users", adminToken, json);
        if (created.statusCode() == 401) {
            adminToken = login("admin", ADMIN_PASSWORD).path("token").asText();
            created = send("POST", "/users", adminToken, json);
        }
        if (created.statusCode() != 201 && created.statusCode() != 409) {
            throw new IllegalStateException("creating " + username + ": " + created.statusCode() + " " + created.body());
        }
        if (created.statusCode() == 201) {
            tokens.put(username, firstLogin(username, INITIAL, PASSWORD));
        }
    }

    /** Logs in with the first password and changes it; when it was changed already, logs in with the second. */
    private String firstLogin(String username, String initial, String password) throws IOException, InterruptedException {
        HttpResponse<String> first = post("/session", null, credentials(username, initial));
        if (first.statusCode() != 201) {
            return login(username, password).path("token").asText();
        }
        JsonNode session = JSON.readTree(first.body());
        String token = session.path("token").asText();
        if (session.path("user").path("mustChangePassword").asBoolean()) {
            HttpResponse<String> changed = send("PUT", "/session/password", token, "{\"currentPassword\": \""
                    + initial + "\", \"newPassword\": \"" + password + "\"}");
            if (changed.statusCode() / 100 != 2) {
                throw new IllegalStateException("password change of " + username + ": " + changed.body());
            }
        }
        return token;
    }

    private JsonNode login(String username, String password) throws IOException, InterruptedException {
        HttpResponse<String> answer = post("/session", null, credentials(username, password));
        if (answer.statusCode() != 201) {
            throw new IllegalStateException("login of " + username + ": " + answer.statusCode() + " " + answer.body());
        }
        return JSON.readTree(answer.body());
    }

    private static String credentials(String username, String password) {
        return "{\"username\": \"" + username + "\", \"password\": \"" + password + "\"}";
    }

    private HttpResponse<String> post(String path, String token, String json) throws IOException, InterruptedException {
        return send("POST", path, token, json);
    }

    private HttpResponse<String> send(String method, String path, String token, String json)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
