package org.qiancheng.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The platform's REST API as the demo's users use it: each call is made as a named user with that
 * user's session token; a token the platform no longer accepts (moving the clock by days ends every
 * session) is replaced by a new login, as a client does. A login refused for the rate limit (60 a
 * minute from one address, real time) waits the {@code Retry-After} the platform names.
 */
final class Api {

    static final ObjectMapper JSON = new ObjectMapper();

    /** An answer: status, body (JSON or {@code null}) and headers. */
    record Answer(int status, JsonNode body, HttpResponse<String> raw) {

        String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        String etag() {
            return header("ETag");
        }

        Answer expect(int... statuses) {
            for (int s : statuses) {
                if (s == status) {
                    return this;
                }
            }
            throw new IllegalStateException(raw.request().method() + " " + raw.request().uri().getPath() + " answered "
                    + status + ": " + raw.body());
        }
    }

    private final String base;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, String> passwords = new ConcurrentHashMap<>();
    private final Map<String, String> tokens = new ConcurrentHashMap<>();
    private final AtomicInteger logins = new AtomicInteger();
    private final AtomicInteger requests = new AtomicInteger();

    /** @param base the API's base, e.g. {@code http://127.0.0.1:8080/api/v1} */
    Api(String base) {
        this.base = base;
    }

    int logins() {
        return logins.get();
    }

    int requests() {
        return requests.get();
    }

    /** Remembers a user's current password and session token. */
    void user(String username, String password, String token) {
        passwords.put(username, password);
        if (token != null) {
            tokens.put(username, token);
        }
    }

    /** Logs in (POST /session), waiting out the rate limit; the answer, whatever its status but 429. */
    Answer login(String username, String password) throws IOException, InterruptedException {
        String json = JSON.createObjectNode().put("username", username).put("password", password).toString();
        while (true) {
            logins.incrementAndGet();
            Answer answer = call(null, "POST", "/session", json, "application/json");
            if (answer.status() != 429) {
                return answer;
            }
            String retry = answer.header("Retry-After");
            long seconds = retry == null ? 5 : Math.max(1, Long.parseLong(retry.trim()));
            System.out.println("  (login rate limit: waiting " + seconds + " s 登录频率限制，稍候)");
            Thread.sleep(seconds * 1000);
        }
    }

    /** The user's token, logging in when there is none. */
    private String token(String username) throws IOException, InterruptedException {
        String token = tokens.get(username);
        return token != null ? token : relogin(username, null);
    }

    private synchronized String relogin(String username, String stale) throws IOException, InterruptedException {
        String current = tokens.get(username);
        if (current != null && !current.equals(stale)) {
            return current; // another thread logged in meanwhile
        }
        String password = passwords.get(username);
        if (password == null) {
            throw new IllegalStateException("no password for " + username);
        }
        Answer answer = login(username, password).expect(201);
        String token = answer.body().get("token").asText();
        tokens.put(username, token);
        return token;
    }

    Answer get(String user, String path) throws IOException, InterruptedException {
        return as(user, "GET", path, null, null);
    }

    Answer post(String user, String path, Object body) throws IOException, InterruptedException {
        return as(user, "POST", path, body == null ? null : json(body), "application/json");
    }

    Answer csv(String user, String path, String csv) throws IOException, InterruptedException {
        return as(user, "POST", path, csv, "text/csv; charset=UTF-8");
    }

    /** Any call as a user; headers as name, value, … */
    Answer as(String user, String method, String path, String body, String type, String... headers)
            throws IOException, InterruptedException {
        String token = token(user);
        Answer answer = call(token, method, path, body, type, headers);
        if (answer.status() == 401) {
            answer = call(relogin(user, token), method, path, body, type, headers);
        }
        return answer;
    }

    static String json(Object body) {
        try {
            return body instanceof String s ? s : JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    Answer call(String token, String method, String path, String body, String type, String... headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (type != null) {
            request.header("Content-Type", type);
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        requests.incrementAndGet();
        HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        JsonNode json = null;
        String text = response.body();
        if (text != null && !text.isBlank() && (text.startsWith("{") || text.startsWith("["))) {
            json = JSON.readTree(text);
        }
        return new Answer(response.statusCode(), json, response);
    }
}
