package com.bumpgrade.commerce.api.console;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.fail;

/**
 * Debian's Chromium and ChromeDriver ({@code /usr/bin/chromium}, {@code /usr/bin/chromedriver}, or the paths in
 * {@code BUMPGRADE_CHROMIUM} / {@code BUMPGRADE_CHROMEDRIVER}), headless, with a fresh profile and nothing that
 * reaches the internet. Without them the test is skipped with a message, except in CI ({@code CI} set), where it
 * fails: {@code .ci/run} installs both.
 */
final class HeadlessChromium implements AutoCloseable {
    /** Screenshots go here; {@code -Dbumpgrade.console.screenshots=../docs} writes the ones the docs show. */
    private static final Path SCREENSHOTS = Path.of(System.getProperty("bumpgrade.console.screenshots",
            "target/console-screenshots"));

    private final ChromeDriver driver;
    private final Path profile;

    private HeadlessChromium(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    static HeadlessChromium start() {
        File chromium = new File(setting("BUMPGRADE_CHROMIUM", "/usr/bin/chromium"));
        File chromedriver = new File(setting("BUMPGRADE_CHROMEDRIVER", "/usr/bin/chromedriver"));
        if (!chromium.canExecute() || !chromedriver.canExecute()) {
            String message = "The console browser test needs Debian's chromium and chromium-driver (" + chromium
                    + ", " + chromedriver + "): apt-get install chromium chromium-driver (.ci/run does)";
            if (System.getenv("CI") != null) {
                fail(message);
            }
            // surefire reports an aborted class as "Tests run: 0": say why where the build log shows it
            System.err.println("ConsoleBrowserTest skipped: " + message);
            Assumptions.abort(message);
        }
        Path profile;
        try {
            profile = Files.createTempDirectory("bumpgrade-console-chromium");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1400,1000", "--user-data-dir=" + profile);
        // an explicit driver: Selenium Manager never runs, so nothing is downloaded
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(chromedriver)
                .usingAnyFreePort().withLogFile(new File("target/chromedriver.log")).build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(10)).pageLoadTimeout(Duration.ofSeconds(30));
        return new HeadlessChromium(driver, profile);
    }

    private static String setting(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    WebDriver driver() {
        return driver;
    }

    WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    <T> T await(ExpectedCondition<T> condition) {
        // the page re-renders its tables on every load: an element found a moment ago may be gone
        return new WebDriverWait(driver, Duration.ofSeconds(20)).ignoring(StaleElementReferenceException.class)
                .until(condition);
    }

    Object script(String script, Object... args) {
        return driver.executeScript(script, args);
    }

    void screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            File shot = driver.getScreenshotAs(OutputType.FILE);
            Files.copy(shot.toPath(), SCREENSHOTS.resolve(name), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
        try (Stream<Path> files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // a leftover temporary profile is harmless
        }
    }
}
