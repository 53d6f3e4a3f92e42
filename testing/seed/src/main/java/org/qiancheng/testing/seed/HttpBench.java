package org.qiancheng.testing.seed;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Closed-loop HTTP harnesses of {@code bench/login.sh} and {@code bench/session-gate.sh}: each client
 * sends its next request when the answer to the last one arrived, so the figures are what the platform
 * answers at saturation (on this machine the clients share the platform's cores).
 * <pre>
 *   login-bench BASE_URL USERNAME PASSWORD SEQUENTIAL CLIENTS SECONDS
 *       SEQUENTIAL logins one after another (median, p95), then CLIENTS concurrent clients logging in
 *       for SECONDS (logins/s); after 3 logins to warm up; 0 skips either
 *   load BASE_URL METHOD PATH BODY_FILE|- CLIENTS SECONDS WARM_UP_SECONDS
 *       CLIENTS clients sending the same request for WARM_UP_SECONDS (not counted), then SECONDS
 *       (requests/s, p50, p99); with Authorization: Bearer $QC_BENCH_TOKEN when that is set
 * </pre>
 * Each prints one result line per measurement and exits 1 when no request got the expected answer
 * (201 for a login, 200 otherwise) or when any failed: a harness that measured nothing must not print
 * a figure.
 */
public final class HttpBench {

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    /** One client's latencies in nanoseconds, and its failures. */
    private static final class Tally {
        long[] nanos = new long[1024];
        int count;
        long failed;
        String firstFailure;

        void add(long latency) {
            if (count == nanos.length) {
                nanos = Arrays.copyOf(nanos, count * 2);
            }
            nanos[count++] = latency;
        }
    }

    public static void main(String[] args) throws Exception {
        HttpBench bench = new HttpBench();
        boolean ok;
        if (args.length == 7 && args[0].equals("login-bench")) {
            ok = bench.logins(BenchStaff.api(args[1]), args[2], args[3], Integer.parseInt(args[4]),
                    Integer.parseInt(args[5]), Integer.parseInt(args[6]));
        } else if (args.length == 8 && args[0].equals("load")) {
            String body = args[4].equals("-") ? null : Files.readString(Path.of(args[4]));
            String token = System.getenv("QC_BENCH_TOKEN");
            ok = bench.load(BenchStaff.api(args[1]), args[2], args[3], body, token == null || token.isEmpty() ? null
                    : token, Integer.parseInt(args[5]), Integer.parseInt(args[6]), Integer.parseInt(args[7]));
        } else {
            System.err.println("usage: login-bench BASE_URL USERNAME PASSWORD SEQUENTIAL CLIENTS SECONDS"
                    + " | load BASE_URL METHOD PATH BODY_FILE|- CLIENTS SECONDS WARM_UP_SECONDS");
            System.exit(2);
            return;
        }
        System.exit(ok ? 0 : 1);
    }

    private boolean logins(String api, String username, String password, int sequential, int clients, int seconds)
            throws Exception {
        HttpRequest login = HttpRequest.newBuilder(URI.create(api + "/session")).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(BenchStaff.credentials(username, password))).build();
        Tally warm = new Tally();
        for (int i = 0; i < 3; i++) {
            send(login, 201, warm);
        }
        boolean ok = true;
        if (sequential > 0) {
            Tally one = new Tally();
            long begin = System.nanoTime();
            for (int i = 0; i < sequential; i++) {
                send(login, 201, one);
            }
            long elapsed = System.nanoTime() - begin;
            ok = report(String.format(Locale.ROOT, "login sequential: %d logins", sequential), one, elapsed);
        }
        if (clients > 0) {
            List<Tally> tallies = run(login, 201, clients, Duration.ofSeconds(seconds).toNanos());
            ok &= report(String.format(Locale.ROOT, "login %d concurrent clients for %d s", clients, seconds),
                    merge(tallies), Duration.ofSeconds(seconds).toNanos());
        }
        return ok;
    }

    private boolean load(String api, String method, String path, String body, String token, int clients, int seconds,
            int warmUpSeconds) throws Exception {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(api + path)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            builder.header("Content-Type", "application/json");
        }
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        HttpRequest request = builder.build();
        if (warmUpSeconds > 0) {
            merge(run(request, 200, clients, Duration.ofSeconds(warmUpSeconds).toNanos()));
        }
        long window = Duration.ofSeconds(seconds).toNanos();
        return report(String.format(Locale.ROOT, "load %s %s, %s, %d clients for %d s", method, path,
                token == null ? "no session" : "bearer token", clients, seconds), merge(run(request, 200, clients,
                        window)), window);
    }

    /** CLIENTS threads sending REQUEST in a closed loop for WINDOW nanoseconds. */
    private List<Tally> run(HttpRequest request, int expected, int clients, long window) throws InterruptedException {
        List<Tally> tallies = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        long end = System.nanoTime() + window;
        for (int i = 0; i < clients; i++) {
            Tally tally = new Tally();
            tallies.add(tally);
            Thread thread = new Thread(() -> {
                while (System.nanoTime() < end) {
                    send(request, expected, tally);
                }
            }, "client-" + i);
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        return tallies;
    }

    private void send(HttpRequest request, int expected, Tally tally) {
        long begin = System.nanoTime();
        String failure;
        try {
            HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() == expected) {
                tally.add(System.nanoTime() - begin);
                return;
            }
            String text = answer.body();
            failure = answer.statusCode() + " " + (text.length() > 300 ? text.substring(0, 300) : text);
        } catch (IOException e) {
            failure = e.toString();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failure = e.toString();
        }
        tally.failed++;
        if (tally.firstFailure == null) {
            tally.firstFailure = failure;
        }
    }

    private static Tally merge(List<Tally> tallies) {
        Tally all = new Tally();
        for (Tally tally : tallies) {
            for (int i = 0; i < tally.count; i++) {
                all.add(tally.nanos[i]);
            }
            all.failed += tally.failed;
            if (all.firstFailure == null) {
                all.firstFailure = tally.firstFailure;
            }
        }
        return all;
    }

    /** Prints one line; {@code false} when nothing succeeded or something failed. */
    private static boolean report(String what, Tally tally, long elapsedNanos) {
        if (tally.count == 0 || tally.failed > 0) {
            System.out.printf(Locale.ROOT, "%s: FAILED, %d answered as expected, %d failed (first: %s)%n", what,
                    tally.count, tally.failed, tally.firstFailure);
            return false;
        }
        long[] sorted = Arrays.copyOf(tally.nanos, tally.count);
        Arrays.sort(sorted);
        System.out.printf(Locale.ROOT, "%s: %d ok, 0 failed, %.1f/s, median %.2f ms, p95 %.2f ms, p99 %.2f ms,"
                + " max %.2f ms%n", what, tally.count, tally.count / (elapsedNanos / 1e9), ms(percentile(sorted, 50)),
                ms(percentile(sorted, 95)), ms(percentile(sorted, 99)), ms(sorted[sorted.length - 1]));
        return true;
    }

    private static long percentile(long[] sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }
}
