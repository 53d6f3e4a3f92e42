package org.qiancheng.distribution;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.qiancheng.api.security.Role;

/**
 * A small JSON client for in-framework tests that go through the real HTTP server. It logs in like a
 * client: each request carries the token of the {@link Staff} member whose {@link Desk} the request
 * is, or of the user named by {@link #as}; a request that sends its own {@code Authorization} or
 * {@code Cookie} header is sent as it is, and {@link #anonymous()} sends none.
 */
final class Http {

    // money must be read as exact decimals, never as doubles
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true));
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final String base;
    /** The username whose token every request carries; {@code null} for the desk's; ignored when anonymous. */
    private final String user;
    private final boolean anonymous;

    Http(String port) {
        this("http://127.0.0.1:" + port + "/api/v1", null, false);
    }

    private Http(String base, String user, boolean anonymous) {
        this.base = base;
        this.user = user;
        this.anonymous = anonymous;
    }

    /** @return this client acting as the staff member holding the role, whatever the request */
    Http as(Role actor) {
        return as(Staff.username(actor));
    }

    /** @return this client acting as a user of the staff ({@link Staff#member}), whatever the request */
    Http as(String username) {
        return new Http(base, username, false);
    }

    /** @return this client acting as the second policy administrator, who confirms what the first requested */
    Http asSecondPolicyAdmin() {
        return as(Staff.SECOND_POLICY_ADMIN);
    }

    /**
     * Activates a version as an office does (two-person activation): the policy administrator requests
     * it, the second one confirms it.
     *
     * @return the confirmation's answer: 200 with the activation, or the refusal of the request or the confirmation
     */
    Answer activate(String region, String version, String reason) throws IOException, InterruptedException {
        Answer requested = as(Role.POLICY_ADMIN).post("/policies/" + region + "/" + version + "/activate",
                reason == null ? "{}" : "{\"reason\": " + JSON.writeValueAsString(reason) + "}");
        if (requested.status() != 202) {
            return requested;
        }
        return asSecondPolicyAdmin().post("/policies/activation-requests/" + requested.body().get("id").asLong()
                + "/confirm", "");
    }

    /** @return this client sending no credentials */
    Http anonymous() {
        return new Http(base, null, true);
    }

    /** @return the staff of this platform */
    Staff staff() {
        return Staff.of(base);
    }

    /** An answer: status, content type, parsed body and the response headers. */
    record Answer(int status, String type, JsonNode body, HttpHeaders headers) {

        /** @return the first value of a response header, or {@code null} */
        String header(String name) {
            return headers.firstValue(name).orElse(null);
        }
    }

    Answer get(String path) throws IOException, InterruptedException {
        return send("GET", path, HttpRequest.newBuilder(URI.create(base + path)).GET(), false);
    }

    Answer post(String path, String json) throws IOException, InterruptedException {
        return send("POST", path, HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type",
                "application/json").POST(HttpRequest.BodyPublishers.ofString(json)), false);
    }

    Answer put(String path, String json) throws IOException, InterruptedException {
        return send("PUT", path, HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type",
                "application/json").PUT(HttpRequest.BodyPublishers.ofString(json)), false);
    }

    Answer delete(String path) throws IOException, InterruptedException {
        return send("DELETE", path, HttpRequest.newBuilder(URI.create(base + path)).DELETE(), false);
    }

    /**
     * Any request with extra headers, e.g. {@code send("PUT", path, json, "If-Match", "\"3\"")}.
     *
     * @param json the body, sent as {@code application/json}, or {@code null} for none
     * @param headers names and values, alternating
     */
    Answer send(String method, String path, String json, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).method(method,
                json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        boolean credentials = false;
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.setHeader(headers[i], headers[i + 1]);
            credentials |= headers[i].equalsIgnoreCase("Authorization") || headers[i].equalsIgnoreCase("Cookie");
        }
        return send(method, path, request, credentials);
    }

    /** The answer to a GET that is not JSON (a download): status, headers, the body as UTF-8 text and as bytes. */
    record Text(int status, HttpHeaders headers, String body, byte[] bytes) {

        /** @return the first value of a response header, or {@code null} */
        String header(String name) {
            return headers.firstValue(name).orElse(null);
        }
    }

    /** A GET as the actor, answered as bytes and as UTF-8 text. */
    Text getText(String path) throws IOException, InterruptedException {
        String actor = user != null ? user : Desk.user("GET", path);
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path)).GET().timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + staff().token(actor)).build();
        HttpResponse<byte[]> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofByteArray());
        return new Text(response.statusCode(), response.headers(),
                new String(response.body(), java.nio.charset.StandardCharsets.UTF_8), response.body());
    }

    Answer postCsv(String path, String csv) throws IOException, InterruptedException {
        return send("POST", path, HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type",
                "text/csv; charset=UTF-8").POST(HttpRequest.BodyPublishers.ofString(csv,
                java.nio.charset.StandardCharsets.UTF_8)), false);
    }

    /** A POST of a file: the bytes as they are, with the given {@code Content-Type} (an XLSX workbook …). */
    Answer postBytes(String path, String contentType, byte[] body) throws IOException, InterruptedException {
        return send("POST", path, HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)), false);
    }

    /** Sends with the actor's token unless the request names its own credentials; once more after a new login on 401. */
    private Answer send(String method, String path, HttpRequest.Builder request, boolean credentials)
            throws IOException, InterruptedException {
        String actor = user != null ? user : Desk.user(method, path);
        if (anonymous || credentials || actor == null) {
            return answer(request);
        }
        Answer answer = answer(request.setHeader("Authorization", "Bearer " + staff().token(actor)));
        if (answer.status() == 401) {
            answer = answer(request.setHeader("Authorization", "Bearer " + staff().renew(actor)));
        }
        return answer;
    }

    private Answer answer(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<String> response = CLIENT.send(request.timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
        String body = response.body();
        String type = response.headers().firstValue("Content-Type").orElse("");
        // a file (a CSV export) comes back as its text
        return new Answer(response.statusCode(), type, body.isEmpty() ? null : type.startsWith("text/csv")
                ? JSON.getNodeFactory().textNode(body) : JSON.readTree(body), response.headers());
    }
}
