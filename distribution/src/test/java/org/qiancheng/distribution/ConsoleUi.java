package org.qiancheng.distribution;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The operator console as a user drives it in {@link Browser}: logging in and out, the menu, the
 * language, and the checks every screen has to pass (no error on the browser console, no critical
 * axe-core violation). Only the console's own DOM hooks (names, {@code data-testid}s, roles) are used.
 */
final class ConsoleUi {

    static final By WHO = By.cssSelector("[data-testid=who]");
    static final By LANGUAGE = By.cssSelector("select[data-testid=language]");
    static final By USERNAME = By.name("username");
    static final By MENU = By.cssSelector("nav.side a");
    /** Settlements, comparisons and the like may take longer than a page. */
    static final Duration SLOW = Duration.ofSeconds(90);

    final Browser browser;
    /** axe-core's findings by screen (serious and worse are asserted on, the rest reported). */
    final Map<String, Map<String, List<Browser.Violation>>> axe = new TreeMap<>();

    ConsoleUi(Browser browser) {
        this.browser = browser;
    }

    /** Opens the console; if somebody is logged in, logs them out; returns at the login form. */
    ConsoleUi loggedOut() {
        browser.open("/console/");
        new WebDriverWait(browser.driver(), Browser.WAIT).until(d -> !d.findElements(WHO).isEmpty()
                || !d.findElements(USERNAME).isEmpty() || !d.findElements(By.name("currentPassword")).isEmpty());
        if (!browser.all(WHO).isEmpty()) {
            browser.click(By.cssSelector("header.topbar button"));
        } else if (browser.all(USERNAME).isEmpty()) {
            // a pending password change: leave it by forgetting this tab's session
            browser.script("sessionStorage.clear()");
            browser.open("/console/");
        }
        browser.await(USERNAME);
        return this;
    }

    /**
     * Logs in as the user from wherever the browser is; returns once the console shows who it is, in
     * Chinese (the user's stored choice is switched back when an earlier test left English).
     */
    ConsoleUi login(String username, String password) {
        loggedOut();
        submitLogin(username, password);
        browser.await(WHO);
        browser.awaitText(WHO, username);
        if (!"zh-CN".equals(browser.script("return document.documentElement.lang"))) {
            language("zh");
        }
        return this;
    }

    void submitLogin(String username, String password) {
        browser.type(USERNAME, username);
        browser.type(By.name("password"), password);
        browser.click(By.cssSelector("button[type=submit]"));
    }

    /** The screens of the side menu, as their ids ({@code dashboard}, {@code classes} …). */
    List<String> menu() {
        List<String> screens = new ArrayList<>();
        for (WebElement link : browser.all(MENU)) {
            screens.add(link.getAttribute("href").replaceAll("^.*#/", ""));
        }
        return screens;
    }

    /** Follows the menu link to the screen and waits for its heading. */
    WebElement go(String screen) {
        browser.click(By.cssSelector("nav.side a[href=\"#/" + screen + "\"]"));
        browser.awaitUrl("#/" + screen);
        return heading(screen);
    }

    WebElement heading(String screen) {
        return browser.await(By.id(screen + "-title"));
    }

    /** Chooses the language in the language selector and waits until the page is in it. */
    void language(String lang) {
        select(LANGUAGE, lang);
        String tag = lang.equals("zh") ? "zh-CN" : "en";
        new WebDriverWait(browser.driver(), Browser.WAIT).withMessage(() -> "the page in " + lang)
                .until(d -> tag.equals(browser.script("return document.documentElement.lang"))
                        && lang.equals(new Select(d.findElement(LANGUAGE)).getFirstSelectedOption().getAttribute("value")));
    }

    /**
     * Picks an option of a select by its value (the option's {@code value} property: Preact leaves the
     * attribute out when the value equals the option's text), firing the events the console listens to.
     */
    void select(By select, String value) {
        Object picked = browser.script("const s = arguments[0];"
                + "const i = [...s.options].findIndex(o => o.value === arguments[1]);"
                + "if (i < 0) return [...s.options].map(o => o.value).join(', ');"
                + "s.selectedIndex = i;"
                + "s.dispatchEvent(new Event('input', {bubbles: true}));"
                + "s.dispatchEvent(new Event('change', {bubbles: true}));"
                + "return true;", browser.await(select), value);
        assertEquals(select + ": no option " + value, Boolean.TRUE, picked);
    }

    /**
     * Sets an input's value as typing would, firing {@code input} and {@code change}: for date and month
     * fields, whose typing rules depend on the browser's locale.
     */
    void setValue(By field, String value) {
        WebElement input = browser.await(field);
        browser.script("const el = arguments[0];"
                + "Object.getOwnPropertyDescriptor(Object.getPrototypeOf(el), 'value').set.call(el, arguments[1]);"
                + "el.dispatchEvent(new Event('input', {bubbles: true}));"
                + "el.dispatchEvent(new Event('change', {bubbles: true}));", input, value);
    }

    /** Waits (up to {@link #SLOW}) until the element contains the text. */
    WebElement awaitSlowly(By locator, String text) {
        new WebDriverWait(browser.driver(), SLOW).withMessage(() -> locator + " to contain \"" + text + "\"; page: "
                + browser.text()).until(d -> {
                    List<WebElement> found = d.findElements(locator);
                    return !found.isEmpty() && found.get(0).getText().contains(text);
                });
        return browser.driver().findElement(locator);
    }

    /** Waits until the chart has been drawn by ECharts (its animation finished). */
    WebElement chart(String testid) {
        return browser.await(By.cssSelector("[data-testid=" + testid + "][data-rendered=true]"));
    }

    /**
     * The checks of every screen: nothing SEVERE on the browser console (but what the caller expects,
     * e.g. the 422 of a refused import, by a part of its message), and no critical axe-core violation;
     * the other violations are kept for the report.
     */
    void clean(String screen, String... expected) throws IOException {
        List<String> errors = browser.consoleErrors().stream()
                .filter(e -> java.util.Arrays.stream(expected).noneMatch(e::contains)).toList();
        assertEquals(screen + ": errors on the browser console", List.of(), errors);
        Map<String, List<Browser.Violation>> found = browser.axe();
        axe.put(screen, found);
        assertFalse(screen + ": critical axe violations " + found.get("critical"), found.containsKey("critical"));
    }

    /** A picture of the screen for the documentation, after the screen's checks. */
    void shoot(String name, String... expectedErrors) throws IOException {
        clean(name, expectedErrors);
        browser.screenshot(name);
    }
}
