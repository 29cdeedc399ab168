package org.esphub.hub.browser;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.function.Function;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's Chromium, headless, driven through Debian's ChromeDriver: both paths are given, so
 * Selenium Manager never looks for (or downloads) a browser or driver of its own. Each session
 * gets a fresh profile directory and the caseworker's screen size (1400x900).
 */
final class HeadlessChromium implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Duration PATIENCE = Duration.ofSeconds(60);

    private final Path profile;
    private final ChromeDriver driver;

    HeadlessChromium() {
        try {
            profile = Files.createTempDirectory("esp-hub-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile()).addArguments(
                "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile, "--window-size=1400,900");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        driver.manage().window().setSize(new Dimension(1400, 900));
    }

    WebDriver driver() {
        return driver;
    }

    private WebDriverWait waiting() {
        // the AngularJS webapps re-render lists while a condition looks at them
        WebDriverWait wait = new WebDriverWait(driver, PATIENCE);
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }

    /**
     * Waits for a condition; when it never holds, what the browser showed is kept as
     * {@code failed-<name>.png} (and the page's HTML beside it) before the timeout is rethrown.
     */
    <T> T until(String name, Function<WebDriver, T> condition) {
        try {
            return waiting().until(condition);
        } catch (TimeoutException e) {
            screenshot("failed-" + name);
            try {
                Files.writeString(Path.of("target", "browser-screenshots", "failed-" + name + ".html"),
                        driver.getPageSource());
            } catch (IOException io) {
                e.addSuppressed(io);
            }
            throw e;
        }
    }

    /**
     * Clicks an element once it can be clicked, scrolled to the middle of the screen first: the
     * webapps' fixed footer covers the bottom of a long form at 1400x900, as a person would scroll.
     */
    void click(String name, By element) {
        WebElement target = until(name, ExpectedConditions.elementToBeClickable(element));
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", target);
        until(name, ExpectedConditions.elementToBeClickable(target)).click();
    }

    /** Saves what the browser shows to {@code target/browser-screenshots/<name>.png}; returns the path. */
    Path screenshot(String name) {
        try {
            Path dir = Files.createDirectories(Path.of("target", "browser-screenshots"));
            File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
            return Files.copy(shot.toPath(), dir.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
