package dev.parapet.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.parapet.api.report.DayRecord;
import dev.parapet.api.report.StoredReport;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.Pdf;
import org.openqa.selenium.Rectangle;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.print.PageSize;
import org.openqa.selenium.print.PrintOptions;

/**
 * Renders the HTML reports in headless Chromium and checks that they display: the title, every section
 * visible, every chart with a non-zero size. Saves screenshots (and the golden day printed to an A4 PDF)
 * under {@code target/screenshots/}.
 * <p>
 * Chromium and chromedriver are found through {@code PARAPET_CHROMIUM} (default /usr/bin/chromium) and
 * {@code PARAPET_CHROMEDRIVER} (default /usr/bin/chromedriver). When they are missing the test is skipped
 * with a message, except in CI ({@code CI=true}), where it fails.
 */
class ChromiumRenderingTest {

  private static final Path SCREENSHOTS = Path.of("target", "screenshots");

  @TempDir
  static Path work;

  private static ChromeDriver driver;
  private static String skipReason;

  /** Each test is reported skipped, with the reason, when Chromium is missing outside CI. */
  @BeforeEach
  void requireChromium() {
    Assumptions.assumeTrue(skipReason == null, () -> "SKIPPED " + skipReason);
  }

  @BeforeAll
  static void startChromium() throws Exception {
    String chromium = env("PARAPET_CHROMIUM", "/usr/bin/chromium");
    String chromedriver = env("PARAPET_CHROMEDRIVER", "/usr/bin/chromedriver");
    boolean present = Files.isExecutable(Path.of(chromium)) && Files.isExecutable(Path.of(chromedriver));
    if (!present) {
      String message = "headless Chromium rendering test: chromium (" + chromium + ") or chromedriver (" + chromedriver
          + ") not found; install them with 'apt-get install -y chromium chromium-driver' or set PARAPET_CHROMIUM "
          + "and PARAPET_CHROMEDRIVER";
      if ("true".equals(System.getenv("CI"))) {
        fail(message + " (required in CI)");
      }
      System.err.println("SKIPPED " + message);
      skipReason = message;
      return;
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(chromium);
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
        "--user-data-dir=" + Files.createDirectory(work.resolve("chromium-profile")), "--window-size=1280,1000",
        "--hide-scrollbars", "--allow-file-access-from-files");
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(new File(chromedriver))
        .usingAnyFreePort()
        .build();
    driver = new ChromeDriver(service, options);
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    Files.createDirectories(SCREENSHOTS);
  }

  @AfterAll
  static void stopChromium() {
    if (driver != null) {
      driver.quit();
    }
  }

  private static String env(String name, String fallback) {
    String v = System.getenv(name);
    return v == null || v.isBlank() ? fallback : v;
  }

  private static Path render(String name, DayRecord day) {
    StoredReport r = Reports.generator(ReportStore.open(work.resolve(name))).generate(day);
    return r.htmlPath();
  }

  private static void open(Path html) {
    driver.get(html.toUri().toString());
  }

  private static void checkRenders(String name, DayRecord day) throws Exception {
    open(render(name, day));
    assertThat(driver.getTitle()).isEqualTo("Parapet end-of-day report \u2014 Parapet Demo Fund \u2014 2024-03-15");
    for (String id : HtmlReportTest.SECTIONS) {
      WebElement section = driver.findElement(By.id(id));
      assertThat(section.isDisplayed()).as("section #%s displayed", id).isTrue();
      Rectangle r = section.getRect();
      assertThat(r.getWidth()).as("width of #%s", id).isGreaterThan(300);
      assertThat(r.getHeight()).as("height of #%s", id).isGreaterThan(40);
    }
    for (String id : HtmlReportTest.CHARTS) {
      WebElement svg = driver.findElement(By.id(id));
      assertThat(svg.isDisplayed()).as("chart #%s displayed", id).isTrue();
      Rectangle r = svg.getRect();
      assertThat(r.getWidth()).as("width of chart #%s", id).isGreaterThan(100);
      assertThat(r.getHeight()).as("height of chart #%s", id).isGreaterThan(20);
    }
    // the SVG content itself laid out (a drawn bounding box, not only the outer element)
    Object bbox = ((JavascriptExecutor) driver).executeScript(
        "var b = document.querySelector('#chart-equity').getBBox(); return [b.width, b.height];");
    assertThat((List<?>) bbox).allSatisfy(v -> assertThat(((Number) v).doubleValue()).isGreaterThan(0));
    screenshot(name);
  }

  /** Saves a screenshot of the whole page (beyond the viewport) through the DevTools protocol. */
  private static void screenshot(String name) throws Exception {
    Number height = (Number) ((JavascriptExecutor) driver).executeScript(
        "return Math.min(document.documentElement.scrollHeight, 12000);");
    Map<String, Object> result = driver.executeCdpCommand("Page.captureScreenshot", Map.of(
        "format", "png", "captureBeyondViewport", true,
        "clip", Map.of("x", 0, "y", 0, "width", 1280, "height", height.intValue(), "scale", 1)));
    byte[] png = Base64.getDecoder().decode((String) result.get("data"));
    assertThat(png.length).isGreaterThan(10_000);
    Path file = SCREENSHOTS.resolve("eod-report-" + name + ".png");
    Files.write(file, png);
    // and the first screen alone, at full resolution: what a reader sees on opening the page
    Files.write(SCREENSHOTS.resolve("eod-report-" + name + "-top.png"), driver.getScreenshotAs(OutputType.BYTES));
    System.out.println("screenshot: " + file.toAbsolutePath());
  }

  @Test
  void golden_report_renders_and_prints_on_a4() throws Exception {
    checkRenders("golden", GoldenDays.golden());
    PrintOptions print = new PrintOptions();
    print.setPageSize(new PageSize(29.7, 21.0)); // A4 in centimetres, height then width
    print.setBackground(true);
    Pdf pdf = driver.print(print);
    byte[] bytes = Base64.getDecoder().decode(pdf.getContent());
    assertThat(new String(bytes, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
    Files.write(SCREENSHOTS.resolve("eod-report-golden-a4.pdf"), bytes);
  }

  @Test
  void kill_switch_report_renders() throws Exception {
    checkRenders("kill-switch", GoldenDays.killSwitch());
    assertThat(driver.findElement(By.id("kill-switch-state")).getText()).startsWith("ENGAGED at the close");
  }

  @Test
  void missing_market_data_report_renders() throws Exception {
    checkRenders("missing-market-data", GoldenDays.missingMarketData());
    assertThat(driver.findElement(By.id("data-gaps")).isDisplayed()).isTrue();
  }

  @Test
  void no_trades_report_renders() throws Exception {
    checkRenders("no-trades", GoldenDays.noTrades());
    assertThat(driver.findElement(By.id("no-trades")).isDisplayed()).isTrue();
  }
}
