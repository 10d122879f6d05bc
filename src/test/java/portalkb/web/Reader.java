package portalkb.web;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A person at the web UI: headless Chromium at one screen size, reading in one language (the UI's own choice, kept in
 * the browser). Screenshots go to target/screenshots/journeys/, and those the README shows also to docs/screenshots/.
 */
final class Reader implements AutoCloseable {

    /** A screen: desktop 1400×1000, phone 390×844. */
    enum Screen {
        DESKTOP(1400, 1000), PHONE(390, 844);

        final int width;
        final int height;

        Screen(int width, int height) {
            this.width = width;
            this.height = height;
        }
    }

    static final Path SHOTS = Path.of("target", "screenshots", "journeys");
    static final Path README_SHOTS = Path.of("docs", "screenshots");

    final WebDriver browser;
    final String lang;
    final Screen screen;

    Reader(String lang, Screen screen) {
        this.lang = lang;
        this.screen = screen;
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
            "--lang=" + ("vi".equals(lang) ? "vi-VN" : "en-US"), "--hide-scrollbars");
        browser = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(new File("/usr/bin/chromedriver")).build(), options);
        browser.manage().window().setSize(new Dimension(screen.width, screen.height));
        // Chromium's window is the screen's size; the page's viewport is what is left inside it: make the viewport the size.
        Number innerWidth = (Number) js("return window.innerWidth;");
        Number innerHeight = (Number) js("return window.innerHeight;");
        browser.manage().window().setSize(new Dimension(2 * screen.width - innerWidth.intValue(), 2 * screen.height - innerHeight.intValue()));
    }

    static boolean available() {
        return new File("/usr/bin/chromedriver").canExecute() && new File("/usr/bin/chromium").canExecute();
    }

    /** Opens a page of the UI in this reader's language (the choice the language button stores). */
    void open(String pathAndQuery) {
        browser.get(DemoPortal.base() + "/?view=ask");
        js("localStorage.setItem('portalkb.lang', arguments[0]); sessionStorage.clear();", lang);
        browser.get(DemoPortal.base() + pathAndQuery);
    }

    Object js(String script, Object... args) {
        return ((JavascriptExecutor) browser).executeScript(script, args);
    }

    <T> T until(Function<WebDriver, T> condition) {
        return new WebDriverWait(browser, Duration.ofSeconds(30)).until(condition);
    }

    WebElement find(String css) {
        return browser.findElement(By.cssSelector(css));
    }

    List<WebElement> all(String css) {
        return browser.findElements(By.cssSelector(css));
    }

    /** The first visible element matching {@code css}, once there is one. */
    WebElement visible(String css) {
        return until(d -> d.findElements(By.cssSelector(css)).stream().filter(WebElement::isDisplayed).findFirst().orElse(null));
    }

    String en(String english, String vietnamese) {
        return "vi".equals(lang) ? vietnamese : english;
    }

    /** A value as this reader's language writes it: 98.6 → "98.6%" / "98,6%". */
    String percent(double value) {
        String s = String.format(Locale.ROOT, "%s", value % 1 == 0 ? Long.toString((long) value) : Double.toString(value));
        return ("vi".equals(lang) ? s.replace('.', ',') : s) + "%";
    }

    /** Brings an element into the middle of the screen, as a reader scrolls to it. */
    void scrollTo(WebElement e) {
        js("arguments[0].scrollIntoView({block: 'center', inline: 'nearest'});", e);
    }

    /** Nothing wider than the screen (no sideways scrolling of the page) and the header in one row. */
    void assertFitsTheScreen(String where) {
        long page = ((Number) js("return document.documentElement.scrollWidth;")).longValue();
        assertTrue(page <= screen.width, where + ": the page is " + page + " px wide on a " + screen.width + " px screen");
        List<WebElement> views = all("nav a[data-view]");
        long tops = views.stream().map(a -> a.getRect().getY()).distinct().count();
        assertEquals(1, tops, where + ": the navigation takes " + tops + " rows");
        assertTrue(find("header.top").getRect().getHeight() <= 64, where + ": header " + find("header.top").getRect().getHeight() + " px high");
    }

    /** Saves what the reader sees as {@code name}.png; {@code readme}: also into docs/screenshots/ (the README shows it). */
    void shot(String name, boolean readme) throws Exception {
        Files.createDirectories(SHOTS);
        File file = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(file.toPath(), SHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        if (readme) {
            Files.createDirectories(README_SHOTS);
            Files.copy(file.toPath(), README_SHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    @Override
    public void close() {
        browser.quit();
    }
}
