package org.qiancheng.testing.seed;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The people of a benchmark platform ({@code bench/lib.sh login_staff}), set up the way an operator
 * sets up a new installation and the way the distribution tests' {@code Staff} does: {@code admin}
 * logs in with {@code QC_ADMIN_PASSWORD} and changes it, creates one user per business role (two
 * policy administrators, for two-person activation) with all regions, and each of them logs in with
 * the initial password and changes it; that session goes on. Works again on a platform that was set up
 * before (a restart on the same home): an existing user logs in with the changed password.
 * <pre>
 *   staff BASE_URL ADMIN_INITIAL_PASSWORD
 * </pre>
 * prints one {@code export QC_TOKEN_…=…} line per user for {@code eval}, and the password they log in
 * with as {@code QC_STAFF_PASSWORD} (the same for all, as the distribution tests' staff); everything else goes to
 * standard error. Exits 1 when any step fails.
 */
public final class BenchStaff {

    /** The administrator's password after the first login. */
    static final String ADMIN_PASSWORD = "Bench-Security-Officer-2026?";
    /** What every user of the staff logs in with after changing the initial password. */
    public static final String PASSWORD = "Bench-Working-Password-2026!";
    private static final String INITIAL = "Bench-Initial-Password-2026!";
    private static final Pattern TOKEN = Pattern.compile("\"token\"\\s*:\\s*\"([A-Za-z0-9_\\-]+)\"");
    private static final Pattern MUST_CHANGE = Pattern.compile("\"mustChangePassword\"\\s*:\\s*true");

    /** Username, role and the variable its token is exported as. */
    private record Member(String username, String role, String variable) {
    }

    private static final List<Member> STAFF = List.of(
            new Member("clerk", "CLERK", "QC_TOKEN_CLERK"),
            new Member("reviewer", "REVIEWER", "QC_TOKEN_REVIEWER"),
            new Member("finance", "FINANCE", "QC_TOKEN_FINANCE"),
            new Member("policy-admin", "POLICY_ADMIN", "QC_TOKEN_POLICY"),
            new Member("policy-admin-2", "POLICY_ADMIN", "QC_TOKEN_POLICY2"),
            new Member("policy-admin-3", "POLICY_ADMIN", "QC_TOKEN_POLICY3"),
            new Member("auditor", "AUDITOR", "QC_TOKEN_AUDITOR"));

    private final String api;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private BenchStaff(String base) {
        this.api = api(base);
    }

    /** The API's base URL: {@code http://host:port} or {@code …/api/v1}, either way ending in /api/v1. */
    static String api(String base) {
        String trimmed = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        return trimmed.endsWith("/api/v1") ? trimmed : trimmed + "/api/v1";
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: staff BASE_URL ADMIN_INITIAL_PASSWORD");
            System.exit(2);
        }
        try {
            Map<String, String> tokens = new BenchStaff(args[0]).hire(args[1]);
            tokens.forEach((variable, token) -> System.out.println("export " + variable + "=" + token));
            System.out.println("export QC_STAFF_PASSWORD='" + PASSWORD + "'");
        } catch (IllegalStateException | IOException e) {
            System.err.println("staff: " + e.getMessage());
            System.exit(1);
        }
    }

    private Map<String, String> hire(String adminInitial) throws IOException, InterruptedException {
        awaitHealth();
        String admin = firstLogin("admin", adminInitial, ADMIN_PASSWORD);
        // every login and password change hashes a password (PBKDF2, 600 000 iterations, about half a second of
        // a core): the users are set up side by side
        Map<String, Future<String>> pending = new LinkedHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(STAFF.size());
        try {
            for (Member member : STAFF) {
                pending.put(member.variable(), pool.submit(() -> hire(admin, member)));
            }
            Map<String, String> tokens = new LinkedHashMap<>();
            for (Map.Entry<String, Future<String>> token : pending.entrySet()) {
                try {
                    tokens.put(token.getKey(), token.getValue().get());
                } catch (ExecutionException e) {
                    throw e.getCause() instanceof IllegalStateException refused ? refused
                            : new IllegalStateException(e.getCause().toString(), e.getCause());
                }
            }
            System.err.println("staff: admin and " + STAFF.size() + " users logged in at " + api);
            return tokens;
        } finally {
            pool.shutdownNow();
        }
    }

    /** Creates one user (unless it exists) and logs it in; its token, good after the password change. */
    private String hire(String admin, Member member) throws IOException, InterruptedException {
        String json = "{\"username\": \"" + member.username() + "\", \"password\": \"" + INITIAL
                + "\", \"roles\": [\"" + member.role() + "\"], \"regions\": [\"100000\"]}";
        HttpResponse<String> created = send("POST", "/users", admin, json);
        if (created.statusCode() != 201 && created.statusCode() != 409) {
            throw new IllegalStateException("creating " + member.username() + ": " + created.statusCode() + " "
                    + created.body());
        }
        // changing the password ends the user's other sessions, not this one
        return firstLogin(member.username(), INITIAL, PASSWORD);
    }

    /** Waits up to 120 s for {@code GET /health} to answer 200. */
    private void awaitHealth() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        String last = "no answer";
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(api + "/health"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200) {
                    return;
                }
                last = health.statusCode() + " " + health.body();
            } catch (IOException e) {
                last = e.toString();
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("GET " + api + "/health never answered 200 (last: " + last + ")");
    }

    /**
     * Logs in with the initial password and changes it when the platform asks for that; when the
     * initial password is refused (changed on an earlier run), logs in with the changed one.
     *
     * @return a token of the user
     */
    private String firstLogin(String username, String initial, String password) throws IOException,
            InterruptedException {
        HttpResponse<String> first = send("POST", "/session", null, credentials(username, initial));
        // /health answers before the whiteboard has added every resource: until /session is there, 404
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while ((first.statusCode() == 404 || first.statusCode() == 503) && System.nanoTime() < deadline) {
            Thread.sleep(50);
            first = send("POST", "/session", null, credentials(username, initial));
        }
        if (first.statusCode() == 401) {
            return login(username, password);
        }
        String token = token(username, first);
        if (MUST_CHANGE.matcher(first.body()).find()) {
            HttpResponse<String> changed = send("PUT", "/session/password", token, "{\"currentPassword\": \""
                    + initial + "\", \"newPassword\": \"" + password + "\"}");
            if (changed.statusCode() / 100 != 2) {
                throw new IllegalStateException("password change of " + username + ": " + changed.statusCode() + " "
                        + changed.body());
            }
        }
        return token;
    }

    private String login(String username, String password) throws IOException, InterruptedException {
        return token(username, send("POST", "/session", null, credentials(username, password)));
    }

    private static String token(String username, HttpResponse<String> answer) {
        Matcher token = TOKEN.matcher(answer.body());
        if (answer.statusCode() != 201 || !token.find()) {
            throw new IllegalStateException("login of " + username + ": " + answer.statusCode() + " " + answer.body());
        }
        return token.group(1);
    }

    static String credentials(String username, String password) {
        return "{\"username\": \"" + username + "\", \"password\": \"" + password + "\"}";
    }

    private HttpResponse<String> send(String method, String path, String token, String json)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(api + path)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
