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
import org.openqa.selenium.WebElement;
import org.qiancheng.demo.DemoData;

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
    private static ConsoleUi ui;
    /** Every demo user's password ({@link DemoData#DEFAULT_PASSWORD}). */
    static final String PASSWORD = DemoData.DEFAULT_PASSWORD;
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
        String base = System.getProperty("qc.console.base", "");
        if (base.isEmpty()) {
            Path home = Files.createTempDirectory(Path.of("target"), "console-home-").toAbsolutePath();
            platform = RunningPlatform.start(home, "console-browser-platform.log");
            base = "http://127.0.0.1:" + platform.port;
        }
        long t1 = System.nanoTime();
        if (platform != null) {
            // the demonstration data set, as ./qiancheng demo writes it: every screen has something to show
            DemoData.seed(base + "/api/v1", platform.home, Staff.ADMIN_INITIAL, PASSWORD, System.out);
        }
        long t2 = System.nanoTime();
        browser = Browser.start(base);
        ui = new ConsoleUi(browser);
        long t3 = System.nanoTime();
        pages = servePages();
        System.out.printf("ConsoleBrowserE2EIT: platform started in %d ms, demo data in %d ms, browser in %d ms%n",
                (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, (t3 - t2) / 1_000_000);
    }

    @AfterClass
    public static void stop() throws Exception {
        try {
            if (ui != null) {
                reportAxe();
            }
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

    // ---- the console, on the demonstration data ----------------------------------------------------

    /** The screens each role's menu offers (the permission matrix's permissions, as the console reads them). */
    static final Map<String, List<String>> MENUS = Map.of(
            "admin", List.of("users"),
            "clerk-sc", List.of("dashboard", "plans", "classes", "review"),
            "clerk-xa", List.of("dashboard", "plans", "classes", "review"),
            "reviewer", List.of("dashboard", "plans", "classes", "review"),
            "finance", List.of("dashboard", "plans", "classes", "review", "payments"),
            "policy-a", List.of("dashboard", "plans", "policies"),
            "auditor", List.of("dashboard", "plans", "classes", "review", "payments", "policies", "audit"));

    @Test
    public void eachRoleSeesOnlyWhatItMayUse() throws Exception {
        for (Map.Entry<String, List<String>> user : new java.util.TreeMap<>(MENUS).entrySet()) {
            ui.login(user.getKey(), PASSWORD);
            assertEquals(user.getKey() + "'s menu", user.getValue(), ui.menu());
            // the first screen the role may see is where the console opens
            ui.heading(user.getValue().get(0));
            ui.clean(user.getKey() + " " + user.getValue().get(0));
        }
        // a clerk typing the users screen's address gets the first screen of their own menu instead
        ui.login("clerk-sc", PASSWORD);
        browser.open("/console/#/users");
        ui.heading("dashboard");
        browser.awaitUrl("#/dashboard");
        assertEquals(List.of(), browser.all(By.id("users-title")));
        assertTrue(browser.text().indexOf("新建用户") < 0);

        // a Xi'an clerk's class list holds Xi'an's classes only
        ui.login("clerk-xa", PASSWORD);
        ui.go("classes");
        browser.await(By.cssSelector("tr[data-id]"));
        List<String> regions = browser.all(By.cssSelector("tr[data-id] td:nth-child(4)")).stream()
                .map(WebElement::getText).toList();
        assertTrue(regions.toString(), regions.size() >= 6 && regions.stream().allMatch(r -> r.startsWith("6101")));
        ui.clean("clerk-xa classes");
    }

    @Test
    public void aNewUserChangesTheInitialPasswordAtTheFirstLogin() throws Exception {
        String username = "clerk-new-" + Long.toString(System.nanoTime() % 100_000, 36);
        ui.login("admin", PASSWORD);
        ui.heading("users");
        ui.shoot("users-zh");
        browser.click(By.cssSelector("section .toolbar button.primary"));
        WebElement form = browser.await(By.cssSelector("dialog[open] form"));
        browser.type(By.cssSelector("dialog[open] input[name=username]"), username);
        browser.type(By.cssSelector("dialog[open] input[name=password]"), "Initial-Console-2026#");
        browser.type(By.cssSelector("dialog[open] input[name=regions]"), "510100");
        form.findElements(By.cssSelector("fieldset input[type=checkbox]")).get(0).click(); // CLERK, the first role
        form.findElement(By.cssSelector("button[type=submit]")).click();
        browser.awaitGone(By.cssSelector("dialog[open]"));
        browser.awaitText(By.cssSelector("[role=status]"), username);
        WebElement row = browser.await(By.xpath("//tr[td[1][normalize-space()='" + username + "']]"));
        assertTrue(row.getText(), row.getText().contains("经办") && row.getText().contains("510100"));
        ui.clean("users after create");
        ui.language("en");
        browser.awaitText(By.id("users-title"), "Users");
        browser.await(By.xpath("//tr[td[1][normalize-space()='" + username + "']]"));
        ui.shoot("users-en");
        ui.language("zh");

        ui.loggedOut();
        ui.submitLogin(username, "Initial-Console-2026#");
        browser.await(By.name("currentPassword"));
        assertEquals("no menu before the password is changed", List.of(), browser.all(ConsoleUi.MENU));
        ui.clean("password change");
        browser.type(By.name("currentPassword"), "Initial-Console-2026#");
        browser.type(By.name("newPassword"), "Chengdu-Clerk-2026!");
        browser.type(By.name("newPasswordAgain"), "Chengdu-Clerk-2026!");
        browser.click(By.cssSelector("button[type=submit]"));
        browser.awaitText(ConsoleUi.WHO, username);
        assertEquals(MENUS.get("clerk-sc"), ui.menu());
        ui.clean("new clerk dashboard");
        // the new password is the one that works from now on
        ui.login(username, "Chengdu-Clerk-2026!");
    }

    @Test
    public void aClerkFilesAClassAndImportsItsTrainees() throws Exception {
        ui.login("clerk-sc", PASSWORD);
        ui.go("classes");
        browser.await(By.cssSelector("tr[data-id]"));
        browser.click(By.xpath("//section//div[@class='toolbar']//button[contains(., '开班备案')]"));
        browser.await(By.cssSelector("form[data-testid=file-class]"));
        ui.select(By.cssSelector("form[data-testid=file-class] select[name=institutionId]"),
                browser.driver().findElement(By.xpath("//form[@data-testid='file-class']//select[@name='institutionId']"
                        + "/option[contains(., '锦城')]")).getAttribute("value"));
        browser.type(By.cssSelector("form[data-testid=file-class] input[name=regionCode]"), "510104");
        ui.setValue(By.cssSelector("form[data-testid=file-class] input[name=startDate]"), "2026-12-21");
        ui.setValue(By.cssSelector("form[data-testid=file-class] input[name=endDate]"), "2026-12-30");
        browser.type(By.cssSelector("form[data-testid=file-class] input[name=hours]"), "80");
        ui.clean("file a class");
        browser.click(By.cssSelector("form[data-testid=file-class] button[type=submit]"));
        browser.awaitUrl("#/classes/");
        String classId = browser.url().replaceAll("^.*#/classes/", "");
        browser.awaitText(By.id("class-title"), classId);
        browser.awaitText("2026-12-21");
        ui.clean("new class");

        // a file with one broken row: refused as a whole, the row's fault in the table
        String good = residentId("510104", "19900512", 11);
        String broken = good.substring(0, 17) + (good.charAt(17) == '0' ? '1' : '0');
        browser.await(By.cssSelector("input[data-testid=trainee-import]"))
                .sendKeys(csv("身份证号,姓名,重点群体\n" + good + ",赵小川,农民工\n" + broken + ",钱小蓉,\n").toString());
        browser.await(By.cssSelector(".problem"));
        List<WebElement> errors = browser.all(By.cssSelector("tr.error"));
        assertEquals(1, errors.size());
        assertTrue(errors.get(0).getText(), errors.get(0).getText().startsWith("3") && errors.get(0).getText().contains("idNumber"));
        ui.clean("refused import", "status of 422");
        // nothing of it was written: the good row's trainee is unknown to an enrolment
        browser.await(By.cssSelector("input[data-testid=enrolment-import]"))
                .sendKeys(csv("身份证号\n" + good + "\n").toString());
        browser.awaitText(By.cssSelector("tr.error"), "2");
        ui.clean("refused enrolment", "status of 422");

        // the whole file fixed: the trainees are registered, then enrolled
        String other = residentId("510107", "19850203", 22);
        browser.await(By.cssSelector("input[data-testid=trainee-import]"))
                .sendKeys(csv("身份证号,姓名,重点群体\n" + good + ",赵小川,农民工\n" + other + ",钱小蓉,\n").toString());
        browser.awaitText(By.cssSelector("[role=status]"), "2");
        assertEquals(List.of(), browser.all(By.cssSelector("tr.error")));
        // the enrolment list as an Excel workbook: the console sends it as XLSX by its extension
        browser.await(By.cssSelector("input[data-testid=enrolment-import]"))
                .sendKeys(xlsx(List.of(List.of("身份证号"), List.of(good), List.of(other))).toString());
        browser.awaitText(By.cssSelector("[role=status]"), "2");
        new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), Browser.WAIT)
                .until(d -> d.findElements(By.cssSelector("tr[data-id]")).size() == 2);
        assertTrue(browser.text(), browser.text().contains("赵小川") && browser.text().contains("510104********")
                && browser.text().contains("钱小蓉")
                && !browser.text().contains("undefined"));
        ui.clean("imported");
        browser.click(By.xpath("//button[@role='tab'][contains(., '时间线')]"));
        WebElement timeline = browser.await(By.cssSelector("[data-testid=timeline]"));
        assertTrue(timeline.getText(), timeline.getText().contains("2026-12-21"));
        ui.clean("timeline");
    }

    @Test
    public void aReviewerReadsTheTraceAndApprovesTwoTickedClaims() throws Exception {
        ui.login("reviewer", PASSWORD);
        ui.go("review");
        List<WebElement> rows = waitForRows(3);
        rows.get(0).findElements(By.tagName("td")).get(1).click();
        browser.awaitUrl("#/review/" + rows.get(0).getAttribute("data-id"));
        WebElement trace = browser.await(By.cssSelector("[data-testid=claim-panel] [data-testid=trace]"));
        List<String> cites = trace.findElements(By.cssSelector(".trace .cite")).stream().map(WebElement::getText)
                .filter(c -> !c.isBlank()).toList();
        assertTrue("clause citations: " + cites, !cites.isEmpty() && cites.stream().allMatch(c -> c.matches("\\[.+§.+\\].*")));
        String version = browser.await(By.cssSelector("[data-testid=policy-version]")).getText();
        assertTrue(version, version.matches("(?s).*\\d{6}.*\\d{4}\\.\\d+\\.\\d+.*"));
        ui.shoot("review-zh");
        ui.language("en");
        browser.await(By.cssSelector("[data-testid=claim-panel] [data-testid=trace]"));
        browser.awaitText(By.id("review-title"), "Review");
        ui.shoot("review-en");
        ui.language("zh");

        // two ticked, approved with a reason: a result for each
        rows = waitForRows(3);
        String first = rows.get(1).getAttribute("data-id");
        String second = rows.get(2).getAttribute("data-id");
        rows.get(1).findElement(By.cssSelector("input[type=checkbox]")).click();
        rows.get(2).findElement(By.cssSelector("input[type=checkbox]")).click();
        browser.click(By.cssSelector("[data-testid=batch-bar] button.primary"));
        browser.type(By.cssSelector("form[data-testid=batch-confirm] textarea[name=reason]"), "考勤记录已核实，浏览器测试批量通过");
        ui.clean("batch confirm");
        browser.click(By.cssSelector("form[data-testid=batch-confirm] button[type=submit]"));
        WebElement results = browser.await(By.cssSelector("[data-testid=batch-results]"));
        List<String> lines = results.findElements(By.cssSelector("tr[data-id]")).stream().map(WebElement::getText).toList();
        assertEquals(lines.toString(), 2, lines.size());
        assertTrue(lines.toString(), lines.stream().allMatch(l -> l.contains("通过") && !l.contains("不予通过")));
        assertEquals(java.util.Set.of(first, second), results.findElements(By.cssSelector("tr[data-id]")).stream()
                .map(r -> r.findElement(By.tagName("td")).getText()).collect(Collectors.toSet()));
        ui.clean("batch results");
    }

    @Test
    public void financeSettlesSichuanOctoberAndWatchesItComplete() throws Exception {
        ui.login("finance", PASSWORD);
        ui.go("payments");
        browser.click(By.xpath("//button[@role='tab'][contains(., '月度结算')]"));
        browser.await(By.cssSelector("form[data-testid=start-settlement]"));
        // October 2026 in Sichuan: the drone class (SC-09) ended on the 31st with its outcomes and no claims yet
        browser.type(By.cssSelector("form[data-testid=start-settlement] input[name=regionCode]"), "510000");
        ui.setValue(By.cssSelector("form[data-testid=start-settlement] input[name=month]"), "2026-10");
        browser.click(By.cssSelector("form[data-testid=start-settlement] button[type=submit]"));
        browser.await(By.cssSelector("[data-testid=settlement-progress] progress"));
        ui.awaitSlowly(By.cssSelector("[data-testid=settlement-percent]"), "100 %");
        WebElement progress = ui.awaitSlowly(By.cssSelector("[data-testid=settlement-progress]"), "已完成");
        assertEquals("100", progress.findElement(By.tagName("progress")).getAttribute("value"));
        WebElement run = browser.await(By.xpath("//tr[td[2][.='510000'] and td[3][.='2026-10']]"));
        List<WebElement> cells = run.findElements(By.tagName("td"));
        assertTrue(run.getText(), cells.get(4).getText().matches("(\\d+)/\\1") && Integer.parseInt(cells.get(5).getText()) > 0);
        ui.shoot("payments-zh");
        ui.language("en");
        browser.click(By.xpath("//button[@role='tab'][contains(., 'Monthly settlements')]"));
        browser.click(By.xpath("//tr[td[2][.='510000'] and td[3][.='2026-10']]//button"));
        ui.awaitSlowly(By.cssSelector("[data-testid=settlement-percent]"), "100 %");
        ui.awaitSlowly(By.cssSelector("[data-testid=settlement-progress]"), "Completed");
        ui.shoot("payments-en");
        ui.language("zh");
    }

    @Test
    public void twoPolicyAdministratorsCompareAndActivateSichuan2025Second() throws Exception {
        ui.login("policy-a", PASSWORD);
        ui.go("policies");
        compareSichuan();
        List<WebElement> differences = browser.all(By.cssSelector("[data-testid=comparison] tr[data-id]"));
        assertTrue("the largest differences", !differences.isEmpty());
        ui.shoot("policies-zh");
        ui.language("en");
        compareSichuan();
        ui.shoot("policies-en");
        ui.language("zh");

        ui.select(By.cssSelector("select[data-testid=policy-region]"), "510000");
        browser.click(By.cssSelector("tr[data-id='510000/2025.2.0'] button.primary"));
        browser.type(By.cssSelector("dialog[open] textarea[name=reason]"), "川人社〔2025〕终稿：考核占比 25%，浏览器测试申请启用");
        ui.clean("activation request");
        browser.click(By.cssSelector("dialog[open] button[type=submit]"));
        browser.awaitGone(By.cssSelector("dialog[open]"));
        WebElement pending = browser.await(By.cssSelector("[data-testid=pending-requests]"));
        assertTrue(pending.getText(), pending.getText().contains("2025.2.0") && pending.getText().contains("policy-a"));
        assertEquals("the requester cannot confirm", List.of(), pending.findElements(By.cssSelector("button.primary")));

        ui.login("policy-b", PASSWORD);
        ui.go("policies");
        browser.click(By.xpath("//*[@data-testid='pending-requests']//tr[td[2][.='2025.2.0']]//button[contains(@class, 'primary')]"));
        browser.awaitGone(By.cssSelector("[data-testid=pending-requests]"));
        ui.select(By.cssSelector("select[data-testid=policy-region]"), "510000");
        browser.await(By.cssSelector("tr[data-id='510000/2025.2.0'] .badge.ACTIVE"));
        ui.clean("activated");
    }

    private void compareSichuan() {
        ui.select(By.cssSelector("select[data-testid=policy-region]"), "510000");
        browser.click(By.cssSelector("tr[data-id='510000/2025.2.0'] button:not(.primary)"));
        new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), ConsoleUi.SLOW)
                .until(d -> !d.findElements(By.cssSelector("[data-testid=chart-compare][data-rendered=true]")).isEmpty());
        browser.await(By.cssSelector("[data-testid=comparison] tr[data-id]"));
    }

    @Test
    public void theLanguageIsTheUsersAndRemembered() throws Exception {
        ui.login("clerk-js", PASSWORD);
        assertEquals("国内用户的默认语言", "工作台", browser.await(By.id("dashboard-title")).getText());
        ui.language("en");
        browser.awaitText(By.id("dashboard-title"), "Dashboard");
        assertTrue(browser.text(), browser.text().contains("Classes") && browser.text().contains("Log out"));
        ui.clean("dashboard in English");
        // another browser profile would not know: forget this one's choice, the account remembers
        ui.loggedOut();
        browser.script("localStorage.clear()");
        browser.open("/console/");
        browser.awaitText(By.cssSelector("button[type=submit]"), "登录");
        ui.submitLogin("clerk-js", PASSWORD);
        browser.awaitText(By.id("dashboard-title"), "Dashboard");
        ui.language("zh");
        browser.awaitText(By.id("dashboard-title"), "工作台");
        assertTrue(browser.text(), browser.text().contains("培训班级") && !browser.text().contains("Log out"));
        ui.loggedOut();
        browser.script("localStorage.clear()");
        ui.login("clerk-js", PASSWORD);
        assertEquals("工作台", browser.await(By.id("dashboard-title")).getText());
    }

    // ---- surveys, later employment and top-ups, training plans (issue 14) --------------------------

    /** A clerk's class of the demo data by its district and occupation (the class list's 4th and 5th columns). */
    private static void openClass(String district, String occupation) {
        ui.go("classes");
        browser.click(By.xpath("//tr[@data-id][td[4][normalize-space()='" + district + "'] and td[5][starts-with(normalize-space(), '"
                + occupation + "')]]/td[2]"));
        browser.await(By.id("class-title"));
    }

    /** The year of the platform's today, as the logged-in user's session answers it. */
    private static String platformYear() {
        Object today = ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                + "fetch('/api/v1/session').then(r => r.json()).then(s => done(s.today), e => done(String(e)));");
        assertTrue(String.valueOf(today), String.valueOf(today).matches("\\d{4}-\\d{2}-\\d{2}"));
        return String.valueOf(today).substring(0, 4);
    }

    private static void tab(String label) {
        browser.click(By.xpath("//button[@role='tab'][contains(., '" + label + "')]"));
    }

    @Test
    public void aClerkRecordsASatisfactionSurveyOnceTheClassHasEnded() throws Exception {
        // Xi'an's electricians (XA-05) ended with attendance and no outcomes: nothing surveyed yet
        ui.login("clerk-xa", PASSWORD);
        openClass("610104", "6-31-01-03");
        browser.awaitText(By.cssSelector("[data-testid=survey-summary]"), "未录入满意度调查");
        tab("满意度调查");
        browser.await(By.cssSelector("[data-testid=survey-none]"));
        // more respondents than trainees enrolled: the platform's refusal (K11), in Chinese
        browser.type(By.cssSelector("form[data-testid=survey-form] input[name=respondents]"), "99");
        browser.type(By.cssSelector("form[data-testid=survey-form] input[name=satisfied]"), "10");
        browser.click(By.cssSelector("form[data-testid=survey-form] button[type=submit]"));
        WebElement refusal = browser.await(By.cssSelector("form[data-testid=survey-form] .problem"));
        assertTrue(refusal.getText(), refusal.getText().contains("K11") && refusal.getText().codePoints()
                .anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN));
        ui.clean("survey refused", "status of 404", "status of 422");
        browser.type(By.cssSelector("form[data-testid=survey-form] input[name=respondents]"), "20");
        browser.type(By.cssSelector("form[data-testid=survey-form] input[name=satisfied]"), "18");
        browser.click(By.cssSelector("form[data-testid=survey-form] button[type=submit]"));
        browser.awaitText(By.cssSelector("[data-testid=survey-rate]"), "90%");
        browser.awaitText(By.cssSelector("[data-testid=survey-summary]"), "18/20");
        WebElement recorded = browser.await(By.cssSelector("[data-testid=survey-recorded]"));
        assertTrue(recorded.getText(), recorded.getText().contains("clerk-xa"));
        // no claims yet: it may still be replaced
        browser.await(By.cssSelector("form[data-testid=survey-form]"));
        ui.shoot("class-survey-zh", "status of 404", "status of 422");
        ui.language("en");
        browser.awaitText(By.cssSelector("[data-testid=survey-summary]"), "18 of 20");
        tab("Satisfaction survey");
        browser.awaitText(By.cssSelector("[data-testid=survey-rate]"), "90%");
        ui.shoot("class-survey-en");
        ui.language("zh");
    }

    @Test
    public void laterEmploymentMakesATopUpThatTheReviewerSeesAsOne() throws Exception {
        // Xi'an's long-term care class (XA-04): claims computed, awaiting review
        ui.login("clerk-xa", PASSWORD);
        openClass("610103", "4-14-01-03");
        String classId = browser.url().replaceAll("^.*#/classes/", "");
        tab("结业与就业");
        // a trainee who passed and was not employed when the claim was decided (flagged for review, not refused)
        By candidate = By.xpath("//tr[@data-id][td[2][normalize-space()='是']][.//span[contains(@class, 'badge')"
                + " and (contains(@class, 'FLAGGED') or contains(@class, 'COMPUTED'))]][.//button[@data-testid='later-employment']]");
        WebElement row = browser.await(candidate);
        String enrolment = row.getAttribute("data-id");
        String claim = row.findElement(By.cssSelector("td:nth-child(5) a")).getText().replace("#", "");
        ui.clean("outcomes with later employment");
        row.findElement(By.cssSelector("button[data-testid=later-employment]")).click();
        browser.await(By.cssSelector("dialog[open] form[data-testid=later-employment-form]"));
        ui.select(By.cssSelector("dialog[open] select[name=employment]"), "STABLE");
        ui.clean("later employment dialog");
        browser.click(By.cssSelector("dialog[open] button[type=submit]"));
        browser.awaitGone(By.cssSelector("dialog[open]"));
        // the row as reloaded: its button is labelled 就业补录 too, so wait for the new employment, not for 补录
        WebElement after = browser.awaitText(By.cssSelector("tr[data-id='" + enrolment + "']"), "稳定就业");
        assertTrue(after.getText(), after.getText().matches("(?s).*\\d{4}-\\d{2}-\\d{2} 补录.*"));
        assertEquals("recorded once: no second action", List.of(),
                after.findElements(By.cssSelector("button[data-testid=later-employment]")));

        // the next computation of the class stores the top-up of that claim, marked as one
        tab("补贴申请");
        browser.click(By.xpath("//section//div[@class='toolbar']//button[contains(., '核算补贴申请')]"));
        WebElement topUp = browser.await(By.xpath("//tr[@data-id][.//*[@data-testid='topup']//a[normalize-space()='原申请 #" + claim + "']]"));
        String topUpId = topUp.getAttribute("data-id");
        assertTrue(topUp.getText(), topUp.getText().contains("补差"));
        WebElement original = browser.await(By.cssSelector("tr[data-id='" + claim + "']"));
        assertTrue(original.getText(), original.getText().contains("补差 #" + topUpId));
        ui.shoot("class-topup-zh");
        ui.language("en");
        tab("Claims");
        browser.awaitText(By.cssSelector("tr[data-id='" + topUpId + "'] [data-testid=topup]"), "top-up of #" + claim);
        ui.shoot("class-topup-en");
        ui.language("zh");

        // the reviewer finds it in the queue as a difference, with the way to its original
        ui.login("reviewer", PASSWORD);
        ui.go("review");
        ui.select(By.cssSelector("select[name=status]"), "");
        browser.type(By.cssSelector("input[name=classId]"), classId);
        browser.driver().findElement(By.cssSelector("input[name=classId]")).sendKeys(org.openqa.selenium.Keys.TAB);
        WebElement queued = browser.await(By.xpath("//tr[@data-id='" + topUpId + "'][.//*[@data-testid='topup']]"));
        queued.findElements(By.tagName("td")).get(1).click();
        WebElement note = browser.await(By.cssSelector("[data-testid=claim-panel] [data-testid=topup-note]"));
        assertTrue(note.getText(), note.getText().contains("#" + claim) && note.getText().contains("差额"));
        ui.shoot("review-topup-zh");
        ui.language("en");
        browser.awaitText(By.cssSelector("[data-testid=claim-panel] [data-testid=topup-note]"), "top-up of #" + claim);
        ui.shoot("review-topup-en");
        ui.language("zh");
        // the link leads to the original claim
        browser.click(By.cssSelector("[data-testid=claim-panel] [data-testid=topup-note] a"));
        browser.awaitUrl("#/review/" + claim);
        browser.awaitText(By.cssSelector("[data-testid=claim-panel] h2"), claim);
        assertEquals(List.of(), browser.all(By.cssSelector("[data-testid=claim-panel] [data-testid=topup-note]")));
    }

    @Test
    public void aClerkDraftsPublishesAndAdjustsAPlanAndFollowsItsProgress() throws Exception {
        // Mianyang's plan for this year: its elder-care class (SC-04) is planned, its car mechanics (SC-06)
        // are not (both started this year once it is past July, as the demo data sets them)
        ui.login("clerk-sc", PASSWORD);
        String year = platformYear();
        ui.go("plans");
        ui.select(By.cssSelector("select[name=year]"), year);
        browser.click(By.cssSelector("button[data-testid=new-plan]"));
        browser.await(By.cssSelector("dialog[open] form[data-testid=plan-form]"));
        browser.type(By.cssSelector("dialog[open] input[name=regionCode]"), "510700");
        browser.type(By.cssSelector("dialog[open] input[name=year]"), year);
        // the occupations offered are the region's demand catalogue
        browser.await(By.cssSelector("dialog[open] select[name=occupation-0] option[value='4-10-01-05']"));
        ui.select(By.cssSelector("dialog[open] select[name=occupation-0]"), "4-10-01-05");
        ui.select(By.cssSelector("dialog[open] select[name=level-0]"), "JUNIOR");
        browser.type(By.cssSelector("dialog[open] input[name=trainees-0]"), "30");
        browser.click(By.cssSelector("dialog[open] button[data-testid=add-line]"));
        ui.select(By.cssSelector("dialog[open] select[name=occupation-1]"), "6-31-01-03");
        browser.type(By.cssSelector("dialog[open] input[name=trainees-1]"), "25");
        ui.clean("plan draft form");
        browser.click(By.cssSelector("dialog[open] button[type=submit]"));
        browser.awaitUrl("#/plans/510700/" + year);
        browser.awaitText(By.cssSelector("[data-testid=plan-facts]"), "草稿");

        // a draft's lines are replaced
        browser.click(By.cssSelector("button[data-testid=edit-lines]"));
        browser.await(By.cssSelector("dialog[open] form[data-testid=lines-form] select[name=occupation-0] option[value='4-10-01-05']"));
        browser.type(By.cssSelector("dialog[open] input[name=trainees-0]"), "40");
        browser.click(By.cssSelector("dialog[open] button[type=submit]"));
        browser.awaitGone(By.cssSelector("dialog[open]"));
        browser.awaitText(By.xpath("//tr[@data-id='4-10-01-05/JUNIOR']"), "40");
        ui.clean("plan draft");

        // published: the progress counts the classes that started this year
        browser.click(By.cssSelector("button[data-testid=publish]"));
        browser.await(By.cssSelector("dialog[open] form[data-testid=publish-form]"));
        browser.click(By.cssSelector("dialog[open] button[type=submit]"));
        browser.awaitGone(By.cssSelector("dialog[open]"));
        browser.awaitText(By.cssSelector("[data-testid=plan-facts]"), "已发布");
        ui.chart("chart-plan");
        WebElement planned = browser.await(By.xpath("//*[@data-testid='plan-progress']//tr[@data-id='in/4-10-01-05/JUNIOR']"));
        List<WebElement> cells = planned.findElements(By.tagName("td"));
        assertEquals(planned.getText(), "40", cells.get(1).getText());
        assertEquals(planned.getText(), "1", cells.get(2).getText());
        assertTrue(planned.getText(), Integer.parseInt(cells.get(3).getText()) > 0);
        WebElement unplanned = browser.await(By.xpath("//*[@data-testid='plan-progress']//tr[@data-id='out/4-12-01-01/INTERMEDIATE']"));
        assertTrue(unplanned.getAttribute("class"), unplanned.getAttribute("class").contains("warn"));
        assertTrue(unplanned.getText(), unplanned.getText().contains("计划外"));
        browser.await(By.cssSelector("[data-testid=unplanned-note]"));
        assertEquals("CSV and XLSX", 2, browser.all(By.xpath("//*[@data-testid='plan-progress']//button[.='CSV' or .='XLSX']")).size());
        Object export = ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                + "fetch('/api/v1/plans/510700/" + year + "/progress/export').then(r => r.text().then(b => done(r.status + ' ' + r.headers.get('Content-Type') + ' ' + b.includes('4-12-01-01'))));");
        assertTrue(String.valueOf(export), String.valueOf(export).matches("200 text/csv.* true"));
        ui.clean("plan published");

        // adjusted once, with a reason: the car mechanics join the plan
        browser.click(By.cssSelector("button[data-testid=adjust]"));
        browser.await(By.cssSelector("dialog[open] form[data-testid=adjust-form] select[name=occupation-0] option[value='4-10-01-05']"));
        browser.type(By.cssSelector("dialog[open] textarea[name=reason]"), "年中调整：汽车维修工需求增加");
        browser.click(By.cssSelector("dialog[open] button[data-testid=add-line]"));
        ui.select(By.cssSelector("dialog[open] select[name=occupation-2]"), "4-12-01-01");
        ui.select(By.cssSelector("dialog[open] select[name=level-2]"), "INTERMEDIATE");
        browser.type(By.cssSelector("dialog[open] input[name=trainees-2]"), "20");
        ui.clean("plan adjustment");
        browser.click(By.cssSelector("dialog[open] button[type=submit]"));
        browser.awaitGone(By.cssSelector("dialog[open]"));
        browser.awaitText(By.cssSelector("[data-testid=plan-adjustment]"), "汽车维修工需求增加");
        WebElement nowPlanned = browser.await(By.xpath("//*[@data-testid='plan-progress']//tr[@data-id='in/4-12-01-01/INTERMEDIATE']"));
        assertTrue(nowPlanned.getText(), nowPlanned.getText().contains("原 0"));
        assertEquals("adjusted once: no second adjustment", List.of(), browser.all(By.cssSelector("button[data-testid=adjust]")));
        assertEquals(List.of(), browser.all(By.cssSelector("[data-testid=unplanned-note]")));
        ui.clean("plan adjusted");
    }

    @Test
    public void everyScreenInChineseAndEnglish() throws Exception {
        ui.loggedOut();
        ui.shoot("login-zh");
        ui.language("en");
        browser.awaitText(By.cssSelector("button[type=submit]"), "Log in");
        ui.shoot("login-en");
        ui.language("zh");

        ui.login("auditor", PASSWORD);
        for (String lang : List.of("zh", "en")) {
            if (lang.equals("en")) {
                ui.language("en");
            }
            ui.go("dashboard");
            for (String chart : List.of("chart-funnel", "chart-months", "chart-regions", "chart-queue")) {
                ui.chart(chart);
            }
            browser.await(By.cssSelector("[data-testid=kpis]"));
            browser.await(By.cssSelector("[data-testid=targets] tr[data-id]"));
            ui.shoot("dashboard-" + lang);

            ui.go("classes");
            waitForRows(15);
            ui.shoot("classes-" + lang);
            // the first class of the year, paid: every tab has something
            browser.click(By.cssSelector("tr[data-id='1'] td:nth-child(2)"));
            browser.await(By.id("class-title"));
            browser.await(By.cssSelector("tr[data-id]"));
            ui.shoot("class-detail-" + lang);

            // Xi'an's plan of the year (the demo data publishes it): lines, progress, the chart
            ui.go("plans");
            browser.await(By.cssSelector("tr[data-id^='610100/']"));
            ui.clean("plans " + lang);
            browser.click(By.cssSelector("tr[data-id='610100/" + platformYear() + "'] td:nth-child(2)"));
            browser.await(By.id("plan-title"));
            ui.chart("chart-plan");
            browser.await(By.cssSelector("[data-testid=plan-progress] tr.warn"));
            // the picture shows the progress (table and chart), scrolled past the plan's facts and lines
            browser.script("document.querySelector('[data-testid=plan-progress]').scrollIntoView()");
            ui.shoot("plan-" + lang);

            ui.go("audit");
            browser.await(By.cssSelector("tr[data-id]"));
            ui.select(By.cssSelector("select[name=entity]"), "claim");
            browser.type(By.cssSelector("input[name=actor]"), "reviewer");
            browser.driver().findElement(By.cssSelector("input[name=actor]")).sendKeys(org.openqa.selenium.Keys.TAB);
            browser.awaitText(By.cssSelector("tbody"), "claim.");
            assertTrue(browser.all(By.cssSelector("tbody tr")).stream().allMatch(r -> r.getText().contains("reviewer")));
            browser.click(By.xpath("//form//button[contains(@class, 'primary')]"));
            browser.awaitText(By.cssSelector("[data-testid=audit-verification]"), lang.equals("zh") ? "完整" : "intact");
            ui.shoot("audit-" + lang);
        }
        ui.language("zh");
    }

    private static List<WebElement> waitForRows(int atLeast) {
        new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), Browser.WAIT)
                .withMessage(() -> "at least " + atLeast + " rows: " + browser.text())
                .until(d -> d.findElements(By.cssSelector("tr[data-id]")).size() >= atLeast);
        return browser.all(By.cssSelector("tr[data-id]"));
    }

    /** A resident ID valid by GB 11643: the address, the birth day, a sequence and the check digit. */
    static String residentId(String address, String born, int sequence) {
        String body = address + born + String.format("%03d", sequence % 1000);
        int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (body.charAt(i) - '0') * weights[i];
        }
        return body + "10X98765432".charAt(sum % 11);
    }

    /** A CSV file in target/, UTF-8, to hand to a file input. */
    private static Path csv(String text) throws IOException {
        Path file = Files.createTempFile(Path.of("target").toAbsolutePath(), "console-import-", ".csv");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    private static Path xlsx(List<List<?>> rows) throws IOException {
        Path file = Files.createTempFile(Path.of("target").toAbsolutePath(), "console-import-", ".xlsx");
        Files.write(file, Workbooks.xlsx(rows));
        return file;
    }

    /** What axe-core found on each screen and the tests let pass (nothing critical), for the report. */
    private static void reportAxe() throws IOException {
        StringBuilder report = new StringBuilder();
        ui.axe.forEach((screen, found) -> found.forEach((impact, violations) -> violations.forEach(v -> report
                .append(screen).append('\t').append(impact).append('\t').append(v.id()).append('\t')
                .append(v.targets()).append('\n'))));
        Path file = Path.of("target", "console-axe.txt");
        Files.writeString(file, report.toString(), StandardCharsets.UTF_8);
        System.out.println("axe-core on " + ui.axe.size() + " screens, violations left (" + file + "):\n" + report);
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
