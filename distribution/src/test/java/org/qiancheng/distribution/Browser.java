package org.qiancheng.distribution;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One headless chromium driven by Selenium, for the console's browser tests: Debian's
 * {@code chromium} and {@code chromium-driver} at fixed paths (installed by
 * {@code scripts/ensure-chromium.sh} when missing; Selenium Manager is never asked, nothing is
 * downloaded), a new empty profile, a 1440×900 viewport, a chosen UI language, the browser console logged.
 *
 * <p>Pages are opened by path below a base URL ({@link #open}); waits are explicit ({@link #await},
 * {@link #awaitText}), never sleeps. {@link #consoleErrors()} drains the SEVERE entries of the
 * browser console; {@link #axe()} runs the vendored axe-core (checksum verified) in the page.
 * {@link #screenshot} writes {@code target/console-screenshots/<name>.png}, or
 * {@code docs/console/<name>.png} of the repository with {@code -Dconsole.screenshots=true};
 * {@link #capture} always the former.
 */
final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of(System.getProperty("qc.chromium", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getProperty("qc.chromedriver", "/usr/bin/chromedriver"));
    static final Duration WAIT = Duration.ofSeconds(10);
    /** The viewport, as on an operator's laptop. */
    static final int WIDTH = 1440, HEIGHT = 900;
    /** axe-core's impact levels, worst first. */
    static final List<String> IMPACTS = List.of("critical", "serious", "moderate", "minor");

    private static final Path REPO = Path.of(System.getProperty("qc.repo", "..")).toAbsolutePath().normalize();
    private static final String AXE = "axe/axe.min.js";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ChromeDriver driver;
    private final Path profile;
    private final String base;
    private final WebDriverWait wait;
    /** What the browser console said and nobody has asked for yet (chromedriver hands each entry out once). */
    private final List<LogEntry> console = new ArrayList<>();
    private String axeSource;

    private Browser(ChromeDriver driver, Path profile, String base) {
        this.driver = driver;
        this.profile = profile;
        this.base = base;
        this.wait = new WebDriverWait(driver, WAIT);
    }

    /** A browser in Simplified Chinese, as the console's users have it. */
    static Browser start(String base) throws IOException, InterruptedException {
        return start(base, "zh-CN");
    }

    /**
     * @param base what {@link #open} paths are relative to, e.g. {@code http://127.0.0.1:8080}
     * @param language the browser's UI language and {@code Accept-Language}, e.g. {@code zh-CN} or {@code en-US}
     */
    static Browser start(String base, String language) throws IOException, InterruptedException {
        ensureInstalled();
        Path profile = Files.createTempDirectory("qc-chromium-profile-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--user-data-dir=" + profile, "--window-size=" + WIDTH + "," + HEIGHT,
                "--lang=" + language);
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", language));
        LoggingPreferences logging = new LoggingPreferences();
        logging.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logging);
        Path driverLog = Path.of("target", "chromedriver.log").toAbsolutePath();
        Files.createDirectories(driverLog.getParent());
        // the driver named here: Selenium Manager is skipped ("path specified in Service class")
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().withLogFile(driverLog.toFile()).build();
        ChromeDriver driver = null;
        try {
            driver = new ChromeDriver(service, options);
            // headless=new leaves 1440×757 of a 1440×900 window to the page: make the viewport itself 1440×900
            driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                    Map.of("width", WIDTH, "height", HEIGHT, "deviceScaleFactor", 1, "mobile", false));
            return new Browser(driver, profile, base.replaceAll("/+$", ""));
        } catch (RuntimeException e) {
            if (driver != null) {
                driver.quit();
            }
            deleteTree(profile);
            throw e;
        }
    }

    /** Runs {@code scripts/ensure-chromium.sh} when the browser or its driver is missing. */
    static synchronized void ensureInstalled() throws IOException, InterruptedException {
        if (Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER)) {
            return;
        }
        Path log = Path.of("target", "ensure-chromium.log").toAbsolutePath();
        Files.createDirectories(log.getParent());
        Process install = new ProcessBuilder("bash", REPO.resolve("scripts/ensure-chromium.sh").toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!install.waitFor(15, TimeUnit.MINUTES)) {
            install.destroyForcibly();
            throw new IllegalStateException("scripts/ensure-chromium.sh still running after 15 minutes; log: " + log);
        }
        if (install.exitValue() != 0 || !Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            throw new IllegalStateException("scripts/ensure-chromium.sh exited with " + install.exitValue()
                    + " and " + CHROMIUM + " or " + CHROMEDRIVER + " is missing:\n" + Files.readString(log));
        }
    }

    /** @return the base URL pages are opened under */
    String base() {
        return base;
    }

    /** Opens {@code base + path} (or a whole URL, {@code http://…}) and returns when the document has loaded. */
    Browser open(String path) {
        driver.get(path.startsWith("http:") || path.startsWith("https:") ? path
                : base + (path.startsWith("/") ? path : "/" + path));
        return this;
    }

    /** @return the URL the browser shows */
    String url() {
        return driver.getCurrentUrl();
    }

    /** Waits until an element matching the locator is visible; returns it. */
    WebElement await(By locator) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(locator));
    }

    /** Waits until the element matching the locator contains the text; returns it. */
    WebElement awaitText(By locator, String text) {
        new WebDriverWait(driver, WAIT).withMessage(() -> locator + " to contain \"" + text + "\"; page text: " + text())
                .until(ExpectedConditions.textToBePresentInElementLocated(locator, text));
        return driver.findElement(locator);
    }

    /** Waits until the page's visible text contains the text. */
    void awaitText(String text) {
        awaitText(By.tagName("body"), text);
    }

    /** Waits until no element matches the locator (or none is visible). */
    void awaitGone(By locator) {
        wait.until(ExpectedConditions.invisibilityOfElementLocated(locator));
    }

    /** Waits until the URL contains the fragment (a route change of a single-page application). */
    void awaitUrl(String fragment) {
        wait.until(ExpectedConditions.urlContains(fragment));
    }

    /** @return the visible text of the page */
    String text() {
        return driver.findElement(By.tagName("body")).getText();
    }

    /** @return every element matching the locator now (no wait) */
    List<WebElement> all(By locator) {
        return driver.findElements(locator);
    }

    /** Waits until the element is clickable and clicks it. */
    void click(By locator) {
        wait.until(ExpectedConditions.elementToBeClickable(locator)).click();
    }

    /** Waits for the field, clears it and types the text. */
    void type(By locator, String text) {
        WebElement field = await(locator);
        field.clear();
        field.sendKeys(text);
    }

    /** Runs JavaScript in the page (a function body: {@code return …}, arguments in {@code arguments}). */
    Object script(String javascript, Object... arguments) {
        return driver.executeScript(javascript, arguments);
    }

    /** @return the driver itself, for what these helpers do not cover */
    ChromeDriver driver() {
        return driver;
    }

    /**
     * Saves a picture for the documentation, a PNG of the viewport: {@code docs/console/<name>.png}
     * of the repository when the system property {@code console.screenshots} is {@code true}
     * (refreshing the documentation's pictures), else {@code target/console-screenshots/<name>.png}.
     */
    Path screenshot(String name) throws IOException {
        return Boolean.getBoolean("console.screenshots") ? save(REPO.resolve("docs/console"), name) : capture(name);
    }

    /** Saves a PNG of the viewport as {@code target/console-screenshots/<name>.png}, never in docs/ (evidence, failures). */
    Path capture(String name) throws IOException {
        return save(Path.of("target", "console-screenshots").toAbsolutePath(), name);
    }

    private Path save(Path folder, String name) throws IOException {
        Files.createDirectories(folder);
        Path file = folder.resolve(name + ".png");
        Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
        return file;
    }

    /**
     * The browser console's SEVERE entries (errors: uncaught exceptions, {@code console.error},
     * failed loads, CSP violations) since the previous call of this method or {@link #consoleLog()};
     * each entry as "level message".
     */
    List<String> consoleErrors() {
        return drain(Level.SEVERE);
    }

    /** Every browser console entry since the previous call of this method or {@link #consoleErrors()}. */
    List<String> consoleLog() {
        return drain(Level.ALL);
    }

    private List<String> drain(Level threshold) {
        console.addAll(driver.manage().logs().get(LogType.BROWSER).getAll());
        List<String> entries = console.stream().filter(e -> e.getLevel().intValue() >= threshold.intValue())
                .map(e -> e.getLevel() + " " + e.getMessage()).toList();
        console.clear();
        return entries;
    }

    /**
     * Runs axe-core (the vendored {@code axe.min.js}, its SHA-256 checked against
     * {@code axe.min.js.sha256} first) on the open page, WCAG 2.x A and AA rules and axe's best
     * practices.
     *
     * @return the violations by impact, worst first ({@link #IMPACTS}); an impact with none is absent
     */
    Map<String, List<Violation>> axe() throws IOException {
        return axe(Map.of("runOnly", Map.of("type", "tag",
                "values", List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"))));
    }

    /** {@link #axe()} with axe's own run options (see axe-core's API: {@code runOnly}, {@code rules} …). */
    Map<String, List<Violation>> axe(Map<String, Object> runOptions) throws IOException {
        if (!Boolean.TRUE.equals(driver.executeScript("return typeof window.axe === 'object'"))) {
            // WebDriver's script evaluation is DevTools' Runtime.callFunctionOn, which the page's CSP does not govern
            driver.executeScript(axeSource());
        }
        Object answer = ((JavascriptExecutor) driver).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "axe.run(document, Object.assign({resultTypes: ['violations']}, arguments[0]))"
                        + ".then(r => done(JSON.stringify(r.violations)), e => done('axe failed: ' + e));",
                runOptions);
        String json = String.valueOf(answer);
        if (!json.startsWith("[")) {
            throw new IllegalStateException(json);
        }
        Map<String, List<Violation>> byImpact = new LinkedHashMap<>();
        IMPACTS.forEach(impact -> byImpact.put(impact, new ArrayList<>()));
        for (JsonNode v : JSON.readTree(json)) {
            List<String> targets = new ArrayList<>();
            v.path("nodes").forEach(n -> targets.add(n.path("target").toString()));
            String impact = v.path("impact").asText("minor");
            byImpact.computeIfAbsent(impact, k -> new ArrayList<>()).add(new Violation(v.path("id").asText(),
                    impact, v.path("help").asText(), v.path("helpUrl").asText(), targets));
        }
        byImpact.values().removeIf(List::isEmpty);
        return byImpact;
    }

    /** One axe rule broken on the page: the rule, its impact, what it asks, and the elements (CSS selectors). */
    record Violation(String id, String impact, String help, String helpUrl, List<String> targets) {
        @Override
        public String toString() {
            return impact + " " + id + ": " + help + " " + targets;
        }
    }

    private String axeSource() throws IOException {
        if (axeSource == null) {
            byte[] script = resource(AXE);
            String expected = new String(resource(AXE + ".sha256"), StandardCharsets.US_ASCII).trim().split("\\s+")[0];
            String actual;
            try {
                actual = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(script));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
            if (!actual.equalsIgnoreCase(expected)) {
                throw new IllegalStateException(AXE + " has SHA-256 " + actual + ", not " + expected
                        + " as axe.min.js.sha256 says: refusing to inject it");
            }
            axeSource = new String(script, StandardCharsets.UTF_8);
        }
        return axeSource;
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = Objects.requireNonNull(Browser.class.getResourceAsStream(name), name + " missing")) {
            return in.readAllBytes();
        }
    }

    /**
     * The fonts chromium actually used to draw the text of the first element matching a CSS
     * selector (DevTools {@code CSS.getPlatformFontsForNode}), family name to glyph count: shows
     * whether Chinese text was drawn with a font that has the glyphs.
     */
    Map<String, Integer> fontsOf(String cssSelector) {
        driver.executeCdpCommand("DOM.enable", Map.of());
        driver.executeCdpCommand("CSS.enable", Map.of());
        Map<String, Object> root = driver.executeCdpCommand("DOM.getDocument", Map.of("depth", 0));
        Object rootId = ((Map<?, ?>) root.get("root")).get("nodeId");
        Object nodeId = driver.executeCdpCommand("DOM.querySelector",
                Map.of("nodeId", rootId, "selector", cssSelector)).get("nodeId");
        if (nodeId == null || ((Number) nodeId).intValue() == 0) {
            throw new IllegalArgumentException("no element matches " + cssSelector);
        }
        Map<String, Integer> fonts = new LinkedHashMap<>();
        Object list = driver.executeCdpCommand("CSS.getPlatformFontsForNode", Map.of("nodeId", nodeId)).get("fonts");
        for (Object font : (List<?>) list) {
            Map<?, ?> f = (Map<?, ?>) font;
            fonts.merge(String.valueOf(f.get("familyName")), ((Number) f.get("glyphCount")).intValue(), Integer::sum);
        }
        return fonts;
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            deleteTree(profile);
        }
    }

    private static void deleteTree(Path folder) {
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary folder left behind is no failure
        }
    }
}
