package org.qiancheng.distribution;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TestWatcher;
import org.junit.runner.Description;
import org.openqa.selenium.By;

/**
 * The operator console in a real browser: Debian's chromium (headless, driven by Selenium through
 * {@link Browser}) against the assembled platform started as users start it. One platform and one
 * browser serve every test method of the class.
 *
 * <p>Until the console ships, this proves the infrastructure: the anonymous health check read in
 * the browser, a picture of it, the browser console read for errors, Chinese drawn with a CJK font,
 * and axe-core run in a page served under the console's strict Content-Security-Policy.
 */
public class ConsoleBrowserE2EIT {

    /** The policy the console is to ship with: scripts only from its own origin, nothing inline. */
    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

    private static RunningPlatform platform;
    private static Browser browser;
    /** Small pages under {@link #CSP}, for what the platform does not serve yet. */
    private static HttpServer pages;
    /** The {@code Accept-Language} of the last request for a page. */
    private static final AtomicReference<String> ACCEPT_LANGUAGE = new AtomicReference<>();

    /** A failed test leaves a picture of the page: target/console-screenshots/failed-<test>.png. */
    @Rule
    public final TestWatcher onFailure = new TestWatcher() {
        @Override
        protected void failed(Throwable e, Description test) {
            try {
                if (browser != null) {
                    System.out.println("page at failure: " + browser.capture("failed-" + test.getMethodName()));
                }
            } catch (Exception | Error ignored) {
                // the failure itself is what counts
            }
        }
    };

    @BeforeClass
    public static void startPlatformAndBrowser() throws Exception {
        long t0 = System.nanoTime();
        Path home = Files.createTempDirectory(Path.of("target"), "console-home-").toAbsolutePath();
        platform = RunningPlatform.start(home, "console-browser-platform.log");
        long t1 = System.nanoTime();
        browser = Browser.start("http://127.0.0.1:" + platform.port);
        long t2 = System.nanoTime();
        pages = servePages();
        System.out.printf("ConsoleBrowserE2EIT: platform started in %d ms, browser in %d ms%n",
                (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000);
    }

    @AfterClass
    public static void stop() throws Exception {
        try {
            if (browser != null) {
                browser.close();
            }
        } finally {
            if (pages != null) {
                pages.stop(0);
            }
            if (platform != null) {
                platform.close();
            }
        }
    }

    @Test
    public void theHealthCheckReadsUpInTheBrowser() throws Exception {
        browser.open("/api/v1/health");
        browser.awaitText("UP");
        assertTrue(browser.text(), browser.text().contains("\"status\""));
        Path shot = browser.capture("smoke-health");
        assertTrue("a PNG", Files.size(shot) > 1000 && new String(Files.readAllBytes(shot), 1, 3,
                StandardCharsets.US_ASCII).equals("PNG"));
        // a JSON document names no icon, so chromium asks for /favicon.ico, which the platform does not serve
        // (a 404 on the console: the console's pages declare their icon); anything else is an error
        assertEquals(List.of(), browser.consoleErrors().stream()
                .filter(e -> !e.contains("/favicon.ico - Failed to load resource")).toList());
    }

    @Test
    public void chineseIsDrawnWithACjkFont() throws Exception {
        browser.open(page("/clean.html"));
        browser.awaitText(By.tagName("h1"), "前程");
        assertEquals("zh-CN", browser.script("return navigator.language"));
        assertTrue(ACCEPT_LANGUAGE.get(), ACCEPT_LANGUAGE.get().startsWith("zh-CN"));
        assertEquals(List.of(1440L, 900L), browser.script("return [innerWidth, innerHeight]"));
        Map<String, Integer> fonts = browser.fontsOf("h1");
        assertTrue("the heading's glyphs come from WenQuanYi Micro Hei: " + fonts,
                fonts.getOrDefault("WenQuanYi Micro Hei", 0) >= 4);
        browser.capture("smoke-chinese");
        assertEquals(List.of(), browser.consoleErrors());
    }

    @Test
    public void axeRunsUnderTheConsolesContentSecurityPolicy() throws Exception {
        // the CSP is in force: the page's own inline script is refused (and reported on the console) …
        browser.open(page("/broken.html"));
        browser.await(By.tagName("h1"));
        assertEquals("inline script blocked", "no", browser.script("return document.body.dataset.inline || 'no'"));
        List<String> errors = browser.consoleErrors();
        assertTrue("the refusal is on the console: " + errors, errors.stream().anyMatch(e -> e.contains("Content Security Policy")));
        // … and axe, injected through WebDriver's script evaluation, runs all the same and finds what is wrong
        Map<String, List<Browser.Violation>> violations = browser.axe();
        List<String> rules = violations.values().stream().flatMap(List::stream).map(Browser.Violation::id).sorted()
                .collect(Collectors.toList());
        assertEquals(violations.toString(), List.of("button-name", "image-alt", "label", "target-size"), rules);
        assertEquals("worst first", List.of("critical", "serious"), List.copyOf(violations.keySet()));
        assertEquals(List.of("target-size"), violations.get("serious").stream().map(Browser.Violation::id).toList());

        browser.open(page("/clean.html"));
        browser.await(By.tagName("h1"));
        assertEquals("a module script from the page's own origin runs", "ran",
                browser.script("return document.documentElement.dataset.module"));
        assertEquals(Map.of(), browser.axe());
        assertEquals(List.of(), browser.consoleErrors());
    }

    private static String page(String path) {
        return "http://127.0.0.1:" + pages.getAddress().getPort() + path;
    }

    /** A tiny site under {@link #CSP}: a clean page, a broken one, a stylesheet, a script and an image. */
    private static HttpServer servePages() throws IOException {
        String head = "<!doctype html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\">"
                + "<title>前程 浏览器测试</title><link rel=\"icon\" href=\"data:,\">"
                + "<link rel=\"stylesheet\" href=\"/page.css\"><script type=\"module\" src=\"/page.js\"></script></head>";
        Map<String, String[]> files = Map.of(
                "/clean.html", new String[] {"text/html", head + "<body><main><h1>前程 技能照亮前程</h1>"
                        + "<img src=\"/pixel.png\" alt=\"一个像素\"><label for=\"q\">姓名</label><input id=\"q\">"
                        + "<button type=\"button\">查询</button></main></body></html>"},
                "/broken.html", new String[] {"text/html", head + "<body><main><h1>前程</h1>"
                        + "<script>document.body.dataset.inline = 'ran';</script>"
                        + "<img src=\"/pixel.png\"><input id=\"q\"><button type=\"button\"></button></main></body></html>"},
                "/page.css", new String[] {"text/css", "body { font: 16px sans-serif; color: #222; background: #fff; }"},
                "/page.js", new String[] {"text/javascript", "document.documentElement.dataset.module = 'ran';"});
        byte[] pixel = Base64.getDecoder().decode(
                "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=");
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            String[] file = files.get(path);
            if (path.endsWith(".html")) {
                ACCEPT_LANGUAGE.set(exchange.getRequestHeaders().getFirst("Accept-Language"));
            }
            byte[] body = file != null ? file[1].getBytes(StandardCharsets.UTF_8) : path.equals("/pixel.png") ? pixel : null;
            exchange.getResponseHeaders().set("Content-Security-Policy", CSP);
            exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
            if (body == null) {
                exchange.sendResponseHeaders(404, -1);
            } else {
                exchange.getResponseHeaders().set("Content-Type", file != null ? file[0] + "; charset=utf-8" : "image/png");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
            }
            exchange.close();
        });
        server.start();
        return server;
    }
}
