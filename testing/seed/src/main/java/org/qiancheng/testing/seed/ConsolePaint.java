package org.qiancheng.testing.seed;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * How fast the console's dashboard shows, in Debian's chromium (bench/console.sh): per run a new browser
 * profile; the page of the console cold (login form), then the dashboard cold (cache cleared, a session
 * of the user set as the login would) and warm (reloaded: every file revalidated by its ETag). For each:
 * first contentful paint, "dashboard ready" (the last of its four charts drawn, from the console's own
 * {@code qc:chart:*} performance marks) and the bytes transferred and decoded (resource timing).
 * Prints the medians; exits 1 when a run measured nothing (no paint entry, no chart mark).
 * <pre>console-paint BASE USERNAME PASSWORD RUNS</pre>
 */
final class ConsolePaint {

    private static final int CHARTS = 4;
    private static final String METRICS = """
            const nav = performance.getEntriesByType('navigation')[0];
            const paint = performance.getEntriesByName('first-contentful-paint')[0];
            const marks = performance.getEntriesByType('mark').filter(m => m.name.startsWith('qc:chart:'));
            const all = [nav, ...performance.getEntriesByType('resource')];
            return {
              fcp: paint ? paint.startTime : -1,
              charts: marks.length,
              ready: marks.length ? Math.max(...marks.map(m => m.startTime)) : -1,
              transferred: all.reduce((s, e) => s + (e.transferSize || 0), 0),
              decoded: all.reduce((s, e) => s + (e.decodedBodySize || 0), 0),
              requests: all.length,
            };""";

    private ConsolePaint() {
    }

    public static void main(String[] args) throws Exception {
        String base = args[0];
        int runs = Integer.parseInt(args[3]);
        String[] session = login(base, args[1], args[2]);
        List<Map<String, Object>> login = new ArrayList<>();
        List<Map<String, Object>> cold = new ArrayList<>();
        List<Map<String, Object>> warm = new ArrayList<>();
        for (int run = 0; run < runs; run++) {
            ChromeDriver browser = start();
            try {
                browser.get(base + "/console/");
                await(browser, "return document.querySelector('input[name=username]') !== null");
                login.add(metrics(browser));
                browser.manage().addCookie(new Cookie("qc_session", session[0], "/"));
                browser.executeScript("sessionStorage.setItem('qc.csrf', arguments[0])", session[1]);
                browser.executeCdpCommand("Network.enable", Map.of());
                browser.executeCdpCommand("Network.clearBrowserCache", Map.of());
                browser.get(base + "/console/#/dashboard");
                browser.navigate().refresh();
                await(browser, "return document.querySelectorAll('[data-rendered=true]').length >= " + CHARTS);
                cold.add(metrics(browser));
                browser.navigate().refresh();
                await(browser, "return document.querySelectorAll('[data-rendered=true]').length >= " + CHARTS);
                warm.add(metrics(browser));
            } finally {
                browser.quit();
            }
        }
        report("console page, cold (login form)", login, false);
        report("dashboard, cold cache", cold, true);
        report("dashboard, warm (revalidated)", warm, true);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> metrics(ChromeDriver browser) {
        return (Map<String, Object>) browser.executeScript(METRICS);
    }

    private static void report(String what, List<Map<String, Object>> runs, boolean charts) {
        double[] fcp = column(runs, "fcp");
        double[] ready = column(runs, "ready");
        for (int i = 0; i < runs.size(); i++) {
            if (fcp[i] < 0 || (charts && (ready[i] < 0 || ((Number) runs.get(i).get("charts")).intValue() < CHARTS))) {
                System.err.println("console-paint: run " + (i + 1) + " of '" + what + "' measured nothing: " + runs.get(i));
                System.exit(1);
            }
        }
        System.out.printf("%-34s first contentful paint median %6.0f ms (min %.0f, max %.0f)", what, median(fcp),
                min(fcp), max(fcp));
        if (charts) {
            System.out.printf(", dashboard ready median %6.0f ms (min %.0f, max %.0f)", median(ready), min(ready), max(ready));
        }
        System.out.printf(", %.0f kB transferred, %.0f kB decoded, %d requests; %d runs%n",
                median(column(runs, "transferred")) / 1024, median(column(runs, "decoded")) / 1024,
                (int) median(column(runs, "requests")), runs.size());
    }

    private static double[] column(List<Map<String, Object>> runs, String key) {
        return runs.stream().mapToDouble(r -> ((Number) r.get(key)).doubleValue()).toArray();
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    private static double min(double[] values) {
        return Arrays.stream(values).min().orElse(-1);
    }

    private static double max(double[] values) {
        return Arrays.stream(values).max().orElse(-1);
    }

    private static void await(ChromeDriver browser, String condition) throws InterruptedException {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (!Boolean.TRUE.equals(browser.executeScript(condition))) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the console never satisfied: " + condition);
            }
            Thread.sleep(5);
        }
    }

    /** A session as the console's login gets it: the token (the cookie's value) and the CSRF token. */
    private static String[] login(String base, String username, String password) throws Exception {
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "/api/v1/session"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        Matcher token = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"").matcher(answer.body());
        Matcher csrf = Pattern.compile("\"csrfToken\"\\s*:\\s*\"([^\"]+)\"").matcher(answer.body());
        if (answer.statusCode() != 201 || !token.find() || !csrf.find()) {
            throw new IllegalStateException("login of " + username + " failed: " + answer.statusCode() + " " + answer.body());
        }
        return new String[] {token.group(1), csrf.group(1)};
    }

    private static ChromeDriver start() throws Exception {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(System.getProperty("qc.chromium", "/usr/bin/chromium"));
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1440,900", "--lang=zh-CN",
                "--user-data-dir=" + Files.createTempDirectory("qc-paint"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of(System.getProperty("qc.chromedriver", "/usr/bin/chromedriver")).toFile())
                .build();
        return new ChromeDriver(service, options);
    }
}
