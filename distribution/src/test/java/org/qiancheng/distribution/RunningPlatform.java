package org.qiancheng.distribution;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDate;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * The assembled platform started as users start it ({@code ./qiancheng start}), as a separate
 * process on a free port, driven over HTTP.
 */
final class RunningPlatform implements AutoCloseable {

    /** JSON as the platform writes it: decimals exact (2 decimals kept). */
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true));

    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

    final Path home;
    final int port;
    final Path log;
    private final Process process;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private RunningPlatform(Path home, int port, Path log, Process process) {
        this.home = home;
        this.port = port;
        this.log = log;
        this.process = process;
    }

    static RunningPlatform start(Path home, String logName) throws Exception {
        Path repo = Path.of(System.getProperty("qc.repo", ".."));
        int port = PlatformTestSupport.freePort();
        Path log = Path.of("target", logName);
        ProcessBuilder builder = new ProcessBuilder("bash", repo.resolve("qiancheng").toString(), "start")
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("QC_HOME", home.toString());
        builder.environment().put("QC_PORT", Integer.toString(port));
        builder.environment().put("QC_CLOCK_FIXED", PlatformTestSupport.TODAY);
        builder.environment().put("QC_ADMIN_PASSWORD", Staff.ADMIN_INITIAL);
        TestDatabase.addTo(builder.environment());
        RunningPlatform platform = new RunningPlatform(home, port, log, builder.start());
        platform.await("/api/v1/health", r -> r.statusCode() == 200, START_TIMEOUT);
        return platform;
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return signed("GET", path, HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(10)));
    }

    /** @return the people of this platform, one user per role ({@link Staff}) */
    Staff staff() {
        return Staff.of("http://127.0.0.1:" + port + "/api/v1");
    }

    /**
     * Sends a request with the token of the staff member whose {@link Desk} it is (none to the health
     * check, which is anonymous and answers before anybody can log in); once more after a new login when
     * the token has ended.
     */
    private HttpResponse<String> signed(String method, String path, HttpRequest.Builder request)
            throws IOException, InterruptedException {
        String user = path.startsWith("/api/v1/") ? Desk.user(method, path.substring("/api/v1".length())) : null;
        if (user == null) {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }
        HttpResponse<String> answer = http.send(request.setHeader("Authorization", "Bearer "
                + staff().token(user)).build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() == 401) {
            answer = http.send(request.setHeader("Authorization", "Bearer " + staff().renew(user)).build(),
                    HttpResponse.BodyHandlers.ofString());
        }
        return answer;
    }

    HttpResponse<String> post(String path, String body) throws IOException, InterruptedException {
        return post(path, body, Duration.ofSeconds(10));
    }

    /** A POST that may take long (a comparison over many claims). */
    HttpResponse<String> post(String path, String body, Duration timeout) throws IOException, InterruptedException {
        return signed("POST", path, HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/json").timeout(timeout)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** POSTs bytes as {@code application/java-archive}. */
    HttpResponse<String> upload(String path, byte[] jar) throws IOException, InterruptedException {
        return signed("POST", path, HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/java-archive").timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofByteArray(jar)));
    }

    /** Any request, with headers given as name, value, name, value … */
    HttpResponse<String> send(String method, String path, String body, String... headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(10)).method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        boolean credentials = false;
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
            credentials |= headers[i].equalsIgnoreCase("Authorization");
        }
        return credentials ? http.send(request.build(), HttpResponse.BodyHandlers.ofString())
                : signed(method, path, request);
    }

    /** Polls a URL over HTTP until the answer satisfies the condition; returns that answer. */
    HttpResponse<String> await(String path, Predicate<HttpResponse<String>> condition, Duration timeout)
            throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = "no answer";
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("platform exited with " + process.exitValue() + "; log:\n" + Files.readString(log));
            }
            try {
                HttpResponse<String> response = get(path);
                if (condition.test(response)) {
                    return response;
                }
                last = response.statusCode() + " " + response.body();
            } catch (IOException e) {
                last = e.toString();
            }
            Thread.sleep(50);
        }
        throw new AssertionError(path + " never satisfied the condition within " + timeout + "; last: " + last);
    }

    /**
     * Moves the running platform's "today" as an operator does: writes
     * {@code etc/org.qiancheng.clock.config} ({@code fixedInstant} at midnight UTC of the day),
     * beside {@code etc/} first and then renamed in, so that FileInstall reads it whole; then waits
     * until a report of the region, which ends today unless asked otherwise, ends on the day.
     */
    void today(LocalDate day, String region) throws Exception {
        Path etc = home.resolve("etc");
        Path aside = home.resolve("org.qiancheng.clock.config.tmp"); // outside etc/, which FileInstall watches
        Files.writeString(aside, "fixedInstant=\"" + day + "T00:00:00Z\"\n");
        Files.move(aside, etc.resolve("org.qiancheng.clock.config"), StandardCopyOption.ATOMIC_MOVE,
                StandardCopyOption.REPLACE_EXISTING);
        await("/api/v1/reports/" + region + "/indicators", r -> r.statusCode() == 200
                && day.toString().equals(json(r).path("to").asText()), Duration.ofSeconds(30));
    }

    /** An answer's JSON body; an assertion error naming the body when it is not JSON. */
    static JsonNode json(HttpResponse<String> answer) {
        try {
            return JSON.readTree(answer.body());
        } catch (IOException e) {
            throw new AssertionError(answer.body(), e);
        }
    }

    /** Sends SIGTERM and waits for the exit; returns the exit code. */
    int terminate() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(90, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("platform did not stop within 90 s of SIGTERM");
        }
        return process.exitValue();
    }

    /** Kills the process as {@code kill -9} would (no shutdown hook runs) and waits for it to be gone. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new AssertionError("platform still alive 30 s after SIGKILL");
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroyForcibly().waitFor();
        }
    }
}
