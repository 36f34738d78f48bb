package dev.parapet.examples.browser;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Starts headless Chromium under Selenium for the browser tests.
 * <p>
 * Chromium and chromedriver are found through {@code PARAPET_CHROMIUM} (default /usr/bin/chromium) and
 * {@code PARAPET_CHROMEDRIVER} (default /usr/bin/chromedriver). When they are missing the tests are skipped
 * with a message on stderr, except in CI ({@code CI=true}), where they fail.
 */
public final class Chromium {

  /** Where screenshots go: {@code examples/target/screenshots/}. */
  public static final Path SCREENSHOTS = Path.of("target", "screenshots");

  private Chromium() {
  }

  /**
   * Returns why the browser tests cannot run here, or empty when they can.
   * Fails the calling test in CI when Chromium is missing.
   */
  public static Optional<String> skipReason(String test) {
    String chromium = env("PARAPET_CHROMIUM", "/usr/bin/chromium");
    String chromedriver = env("PARAPET_CHROMEDRIVER", "/usr/bin/chromedriver");
    if (Files.isExecutable(Path.of(chromium)) && Files.isExecutable(Path.of(chromedriver))) {
      return Optional.empty();
    }
    String message = test + ": chromium (" + chromium + ") or chromedriver (" + chromedriver + ") not found; install "
        + "them with 'apt-get install -y chromium chromium-driver' or set PARAPET_CHROMIUM and PARAPET_CHROMEDRIVER";
    if ("true".equals(System.getenv("CI"))) {
      fail(message + " (required in CI)");
    }
    System.err.println("SKIPPED " + message);
    return Optional.of(message);
  }

  /** Starts headless Chromium with a fresh profile in {@code profile}. */
  public static ChromeDriver start(Path profile) throws IOException {
    ChromeOptions options = new ChromeOptions();
    options.setBinary(env("PARAPET_CHROMIUM", "/usr/bin/chromium"));
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
        "--user-data-dir=" + Files.createDirectories(profile), "--window-size=1440,1800", "--hide-scrollbars");
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(new File(env("PARAPET_CHROMEDRIVER", "/usr/bin/chromedriver")))
        .usingAnyFreePort()
        .build();
    ChromeDriver driver = new ChromeDriver(service, options);
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
    return driver;
  }

  /** Saves a screenshot of the current page as {@code target/screenshots/<name>.png} and returns its path. */
  public static Path screenshot(ChromeDriver driver, String name) throws IOException {
    Files.createDirectories(SCREENSHOTS);
    Path file = SCREENSHOTS.resolve(name + ".png");
    Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
    return file;
  }

  private static String env(String name, String fallback) {
    String v = System.getenv(name);
    return v == null || v.isBlank() ? fallback : v;
  }
}
