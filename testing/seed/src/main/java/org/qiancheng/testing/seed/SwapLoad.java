package org.qiancheng.testing.seed;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The swap-under-load harness ({@code bench/swap.sh}): drives a running platform at a fixed rate
 * with claim previews (a Sichuan class of 2026, which the two 2025 versions decide differently) and
 * claim reads, while every 5 s it activates Sichuan 2025.2.0 (two-person activation: one policy
 * administrator requests, another confirms) or rolls it back (one person), and every 10 s it
 * removes a region bundle from {@code deploy/} or puts it back. Reports every request's outcome:
 * total, failed (any answer but 200, or no answer), and latency percentiles in steady windows and in
 * the 1 s after each swap. The first 15 s of load warm the JIT and are not counted.
 * <pre>
 *   QC_TOKEN=… QC_TOKEN_2=… [QC_TOKEN_LOAD=…] swap-load BASE_URL SECONDS RATE DEPLOY_DIR BUNDLE_JAR [noswap]
 * </pre>
 * Every request carries a bearer token (the platform has no anonymous access and no {@code X-Operator}
 * any more), taken from the environment rather than the command line, where {@code ps} would show it:
 * {@code QC_TOKEN} a policy administrator's (requests activations, rolls back), {@code QC_TOKEN_2} a
 * second policy administrator's (confirms), {@code QC_TOKEN_LOAD} the load's (previews and claim reads:
 * a clerk's; {@code QC_TOKEN} when unset). {@code bench/lib.sh} logs in and provides them.
 */
public final class SwapLoad {

    /** A preview of a Sichuan class of 2026: 980.00 under 2025.1.0, 975.00 under 2025.2.0. */
    public static final String PREVIEW = """
            {"region": "510000",
             "class": {"region": "511302", "occupation": "6-31-01-03", "level": "JUNIOR", "mode": "OFFLINE",
                       "kind": "GENERAL", "startDate": "2026-03-02", "endDate": "2026-03-31", "hours": 80},
             "trainee": {"idNumber": "510104199001011230", "groups": []},
             "outcome": {"passed": true, "certificate": {"kind": "SKILL_LEVEL", "level": "JUNIOR",
                         "issuedOn": "2026-04-10"}, "employment": "STABLE", "employedOn": "2026-04-20"}}""";
    private static final long SWAP_WINDOW_NANOS = TimeUnit.SECONDS.toNanos(1);
    private static final int WARM_UP_SECONDS = 15;

    /** One request's outcome. */
    private record Sample(long startNanos, long latencyNanos, boolean ok, String kind, String failure) {
    }

    private SwapLoad() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 5 || args.length > 6) {
            System.err.println("usage: swap-load BASE_URL SECONDS RATE DEPLOY_DIR BUNDLE_JAR [noswap]");
            System.exit(2);
        }
        String base = args[0];
        int seconds = Integer.parseInt(args[1]);
        int rate = Integer.parseInt(args[2]);
        Path deploy = Path.of(args[3]);
        Path bundle = Path.of(args[4]);
        boolean swapping = args.length < 6 || !args[5].equals("noswap");
        String admin = token("QC_TOKEN");
        String confirmer = swapping ? token("QC_TOKEN_2") : null;
        String load = System.getenv().getOrDefault("QC_TOKEN_LOAD", admin);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .executor(Executors.newFixedThreadPool(8)).connectTimeout(Duration.ofSeconds(5)).build();
        ConcurrentLinkedQueue<Sample> samples = new ConcurrentLinkedQueue<>();
        List<Long> swaps = Collections.synchronizedList(new ArrayList<>());
        AtomicLong sent = new AtomicLong();
        List<String> controlErrors = Collections.synchronizedList(new ArrayList<>());

        ScheduledExecutorService clock = Executors.newScheduledThreadPool(2);
        long periodNanos = TimeUnit.SECONDS.toNanos(1) / rate;
        warmUp(http, base, rate, load);
        long begin = System.nanoTime();
        clock.scheduleAtFixedRate(() -> {
            long n = sent.incrementAndGet();
            boolean preview = n % 10 < 7;
            HttpRequest request = preview
                    ? HttpRequest.newBuilder(URI.create(base + "/api/v1/claims/preview")).timeout(Duration.ofSeconds(30))
                            .header("Content-Type", "application/json").header("Authorization", "Bearer " + load)
                            .POST(HttpRequest.BodyPublishers.ofString(PREVIEW)).build()
                    : HttpRequest.newBuilder(URI.create(base + "/api/v1/claims?limit=20"))
                            .header("Authorization", "Bearer " + load).timeout(Duration.ofSeconds(30)).GET().build();
            long start = System.nanoTime();
            http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((response, failure) ->
                    samples.add(new Sample(start, System.nanoTime() - start,
                            failure == null && response.statusCode() == 200, preview ? "preview" : "read",
                            failure != null ? failure.toString() : response.statusCode() == 200 ? null
                                    : response.statusCode() + " " + response.body())));
        }, 0, periodNanos, TimeUnit.NANOSECONDS);

        // parked beside deploy/, on the same file system, so moving it back is one atomic rename
        Path parked = deploy.resolveSibling(bundle.getFileName() + ".parked");
        clock.scheduleAtFixedRate(!swapping ? () -> { } : new Runnable() {
            private int tick;

            @Override
            public void run() {
                tick++;
                try {
                    swaps.add(System.nanoTime());
                    if (tick % 2 == 1) {
                        // two-person activation: one administrator requests, the other confirms
                        String path = "/api/v1/policies/510000/2025.2.0/activate";
                        HttpResponse<String> requested = post(http, base + path, admin);
                        if (requested.statusCode() != 202) {
                            controlErrors.add(path + " → " + requested.statusCode() + " " + requested.body());
                        } else {
                            String confirm = "/api/v1/policies/activation-requests/" + id(requested.body())
                                    + "/confirm";
                            HttpResponse<String> confirmed = post(http, base + confirm, confirmer);
                            if (confirmed.statusCode() != 200) {
                                controlErrors.add(confirm + " → " + confirmed.statusCode() + " " + confirmed.body());
                            }
                        }
                    } else {
                        String path = "/api/v1/policies/510000/rollback";
                        HttpResponse<String> answer = post(http, base + path, admin);
                        if (answer.statusCode() != 200) {
                            controlErrors.add(path + " → " + answer.statusCode() + " " + answer.body());
                        }
                    }
                    if (tick % 2 == 0) {
                        // every 10 s: a region bundle leaves deploy/ or comes back
                        Path in = deploy.resolve(bundle.getFileName());
                        if (Files.exists(in)) {
                            Files.move(in, parked, StandardCopyOption.REPLACE_EXISTING);
                        } else {
                            Files.move(parked, in, StandardCopyOption.REPLACE_EXISTING);
                        }
                        swaps.add(System.nanoTime());
                    }
                } catch (IOException e) {
                    controlErrors.add(e.toString());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt(); // the run is over
                }
            }
        }, 5, 5, TimeUnit.SECONDS);

        Thread.sleep(TimeUnit.SECONDS.toMillis(seconds));
        clock.shutdownNow();
        long elapsed = System.nanoTime() - begin;
        Thread.sleep(3_000); // answers still on their way
        if (Files.exists(parked)) {
            Files.move(parked, deploy.resolve(bundle.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        }
        report(new ArrayList<>(samples), swaps, sent.get(), elapsed, controlErrors);
        List<Sample> slowest = new ArrayList<>(samples);
        slowest.sort((a, b) -> Long.compare(b.latencyNanos(), a.latencyNanos()));
        slowest.stream().limit(5).forEach(x -> System.out.printf("slow: %s at +%.2f s took %.0f ms%n", x.kind(),
                (x.startNanos() - begin) / 1e9, x.latencyNanos() / 1e6));
        samples.stream().filter(x -> !x.ok()).limit(5).forEach(x -> System.out.printf("failed: %s at +%.2f s: %s%n",
                x.kind(), (x.startNanos() - begin) / 1e9, x.failure()));
        swaps.forEach(t -> System.out.printf("swap at +%.2f s%n", (t - begin) / 1e9));
        System.exit(0);
    }

    /** A bearer token from the environment; exits with a usage message when it is not set. */
    private static String token(String variable) {
        String token = System.getenv(variable);
        if (token == null || token.isBlank()) {
            System.err.println("swap-load: set " + variable + " to a bearer token (QC_TOKEN and QC_TOKEN_2: two"
                    + " policy administrators; QC_TOKEN_LOAD: the load's user, e.g. a clerk); bench/lib.sh logs in");
            System.exit(2);
        }
        return token.strip();
    }

    /** POSTs the swap's reason with a token. */
    private static HttpResponse<String> post(HttpClient http, String url, String token)
            throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString("{\"reason\": \"bench\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The {@code "id"} of a JSON object, read without a JSON library (the seed tool has none). */
    static long id(String json) {
        java.util.regex.Matcher id = java.util.regex.Pattern.compile("\"id\"\\s*:\\s*(\\d+)").matcher(json);
        if (!id.find()) {
            throw new IllegalStateException("no id in " + json);
        }
        return Long.parseLong(id.group(1));
    }

    /** The same load for {@link #WARM_UP_SECONDS} first, not counted: the JIT compiles the hot paths. */
    private static void warmUp(HttpClient http, String base, int rate, String token) throws InterruptedException {
        ScheduledExecutorService warm = Executors.newSingleThreadScheduledExecutor();
        AtomicLong n = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        warm.scheduleAtFixedRate(() -> {
            boolean preview = n.incrementAndGet() % 10 < 7;
            http.sendAsync(preview
                    ? HttpRequest.newBuilder(URI.create(base + "/api/v1/claims/preview"))
                            .header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
                            .POST(HttpRequest.BodyPublishers.ofString(PREVIEW)).build()
                    : HttpRequest.newBuilder(URI.create(base + "/api/v1/claims?limit=20"))
                            .header("Authorization", "Bearer " + token).GET().build(),
                    HttpResponse.BodyHandlers.discarding()).whenComplete((response, failure) -> {
                        if (failure != null || response.statusCode() != 200) {
                            failed.incrementAndGet();
                        }
                    });
        }, 0, TimeUnit.SECONDS.toNanos(1) / rate, TimeUnit.NANOSECONDS);
        Thread.sleep(TimeUnit.SECONDS.toMillis(WARM_UP_SECONDS));
        warm.shutdownNow();
        Thread.sleep(2_000);
        System.out.printf("warm-up: %d requests in %d s, %d failed (not counted below)%n", n.get(), WARM_UP_SECONDS,
                failed.get());
    }

    private static void report(List<Sample> all, List<Long> swaps, long sent, long elapsedNanos,
            List<String> controlErrors) {
        List<Long> steady = new ArrayList<>();
        List<Long> swapping = new ArrayList<>();
        long failed = 0;
        for (Sample sample : all) {
            failed += sample.ok() ? 0 : 1;
            boolean inSwap = swaps.stream().anyMatch(t -> sample.startNanos() >= t
                    && sample.startNanos() < t + SWAP_WINDOW_NANOS);
            (inSwap ? swapping : steady).add(sample.latencyNanos());
        }
        System.out.printf("requests: %d sent, %d answered in %.1f s = %.0f/s (70%% previews, 30%% claim reads)%n",
                sent, all.size(), elapsedNanos / 1e9, all.size() / (elapsedNanos / 1e9));
        System.out.printf("failed: %d%n", failed + (sent - all.size()));
        System.out.printf("swaps: %d (activate/rollback every 5 s, bundle removed/restored every 10 s)%n", swaps.size());
        System.out.printf("steady windows: %d requests, p50 %.1f ms, p99 %.1f ms%n", steady.size(),
                percentile(steady, 50), percentile(steady, 99));
        System.out.printf("swap windows (1 s after each swap): %d requests, p50 %.1f ms, p99 %.1f ms%n",
                swapping.size(), percentile(swapping, 50), percentile(swapping, 99));
        controlErrors.forEach(e -> System.out.println("control: " + e));
    }

    private static double percentile(List<Long> nanos, int p) {
        if (nanos.isEmpty()) {
            return Double.NaN;
        }
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1)) / 1e6;
    }
}
