package dev.parapet.examples.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parapet.examples.browser.Chromium;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard page in headless Chromium over a fake source: it renders every panel from a status
 * snapshot, follows changes, shows alerts from the event stream, and acknowledging needs the token.
 * (The end-to-end test against the running demo is {@code DemoBrowserTest}.)
 */
class DashboardPageTest {

  private static final String TOKEN = "page-test-token-0123456789";

  @TempDir
  static Path work;

  private static String skipReason;
  private static ChromeDriver driver;
  private static FakeDashboardSource source;
  private static DashboardServer server;

  @BeforeAll
  static void start() throws Exception {
    skipReason = Chromium.skipReason("dashboard page test").orElse(null);
    if (skipReason != null) {
      return;
    }
    source = new FakeDashboardSource();
    try (InputStream in = DashboardPageTest.class.getResourceAsStream("sample-status.json")) {
      source.status.set(FakeDashboardSource.JSON.readTree(in));
    }
    server = DashboardServer.builder(source).token(TOKEN).start();
    driver = Chromium.start(work.resolve("profile"));
  }

  @AfterAll
  static void stop() {
    if (driver != null) {
      driver.quit();
    }
    if (server != null) {
      server.close();
    }
  }

  private static WebDriverWait waitUpTo(int seconds) {
    WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(seconds), Duration.ofMillis(100));
    wait.ignoring(StaleElementReferenceException.class); // the page re-renders its panels every second
    return wait;
  }

  /** Reads an element's text, retrying while the page replaces it. */
  private static String text(By by) {
    return waitUpTo(5).until(d -> d.findElement(by).getText());
  }

  /** Reads an element's attribute, retrying while the page replaces it. */
  private static String attribute(By by, String name) {
    return waitUpTo(5).until(d -> d.findElement(by).getAttribute(name));
  }

  /** Clicks an element, retrying while the page replaces it. */
  private static void click(By by) {
    waitUpTo(5).until(d -> {
      d.findElement(by).click();
      return true;
    });
  }

  @Test
  void renders_follows_and_guards_the_dashboard() throws Exception {
    Assumptions.assumeTrue(skipReason == null, () -> "SKIPPED " + skipReason);
    driver.get(server.uri().toString());

    // every panel renders from the snapshot
    waitUpTo(10).until(d -> d.findElement(By.id("sim-time")).getText().startsWith("2024-01-02 16:29"));
    assertThat(driver.findElements(By.cssSelector("#metrics .metric"))).hasSize(17);
    assertThat(text(By.cssSelector("#metrics [data-metric=sharpeRatio] .value"))).isEqualTo("1.310");
    assertThat(text(By.cssSelector("#metrics [data-metric=maxDrawdown] .value"))).isEqualTo("-3.40%");
    assertThat(text(By.cssSelector("#metrics [data-metric=beta] .value"))).isEqualTo("–");
    assertThat(text(By.id("es-value"))).isEqualTo("196.5 k");
    assertThat(attribute(By.id("nav-line"), "d")).startsWith("M");
    assertThat(text(By.id("dd-used"))).isEqualTo("24%"); // 1.2% of a 5% budget
    assertThat(text(By.id("crowding-level"))).isEqualTo("MEDIUM");
    assertThat(text(By.id("es-label"))).isEqualTo("ES 97.5% (historical)");
    assertThat(text(By.id("es-limit"))).isEqualTo("limit 400.0 k · 49% used");
    assertThat(text(By.id("market"))).isEqualTo("SIMX open");
    assertThat(driver.findElements(By.cssSelector("#orders tbody tr"))).hasSize(2);
    assertThat(text(By.cssSelector("#orders tbody tr"))).contains("VWAP", "3.2", "400 (33%)");
    assertThat(driver.findElements(By.cssSelector("#sector-bars .bar"))).hasSize(4);
    assertThat(text(By.id("decisions"))).isEqualTo("412 approved · 17 rejected");
    assertThat(attribute(By.id("kill-switch"), "data-engaged")).isEqualTo("false");

    // it follows changes of the snapshot
    ObjectNode next = source.status.get().deepCopy();
    next.put("generatedAt", "2024-01-02T16:30:00Z");
    ((ObjectNode) next.get("metrics").get("DEMO-FUND").get("values")).put("sharpeRatio", 1.42);
    ((ObjectNode) next.get("compliance")).put("killSwitchEngaged", true).put("killSwitchReason", "ops test")
        .put("killSwitchSince", "2024-01-02T16:29:30Z");
    source.status.set(next);
    waitUpTo(10).until(d -> d.findElement(By.cssSelector("#metrics [data-metric=sharpeRatio] .value")).getText()
        .equals("1.420"));
    assertThat(text(By.id("kill-switch"))).isEqualTo("KILL SWITCH ENGAGED");
    assertThat(text(By.id("kill-detail"))).contains("ops test");

    // an alert arrives on the event stream
    waitUpTo(10).until(d -> source.subscribers() > 0);
    long fp = 0x8000_0000_0000_0001L;
    source.publish(fp, FakeDashboardSource.alert(fp, "EsLimitBreached", "CRITICAL"));
    By alert = By.cssSelector("#alerts li[data-fingerprint='8000000000000001']");
    waitUpTo(10).until(d -> !d.findElements(alert).isEmpty());
    assertThat(attribute(alert, "class")).contains("sev-CRITICAL");

    // acknowledging without the token fails with 401 and changes nothing
    click(By.cssSelector("#alerts li[data-fingerprint='8000000000000001'] button.ack"));
    waitUpTo(10).until(d -> d.findElement(By.id("ack-message")).getText().startsWith("401"));
    assertThat(source.acknowledgements).isEmpty();
    assertThat(attribute(alert, "data-acknowledged")).isEqualTo("false");

    // with the token it succeeds
    driver.findElement(By.id("token-input")).sendKeys(TOKEN);
    driver.findElement(By.id("token-save")).click();
    waitUpTo(5).until(d -> d.findElement(By.id("token-state")).getText().equals("set"));
    click(By.cssSelector("#alerts li[data-fingerprint='8000000000000001'] button.ack"));
    waitUpTo(10).until(d -> d.findElement(alert).getAttribute("data-acknowledged").equals("true"));
    assertThat(source.acknowledgements).containsExactly("8000000000000001 by dashboard");

    // a report link opens the report
    source.archive.put(LocalDate.of(2024, 1, 2), "report.html", "text/html",
        "<!DOCTYPE html><html><head><title>EOD 2024-01-02</title></head><body><h1>Day one</h1></body></html>");
    source.archive.put(LocalDate.of(2024, 1, 2), "report.json", "application/json", "{}");
    By link = By.cssSelector("#reports a.report-link");
    waitUpTo(10).until(d -> !d.findElements(link).isEmpty());
    Chromium.screenshot(driver, "dashboard-fake-source");
    String main = driver.getWindowHandle();
    click(link);
    waitUpTo(10).until(d -> d.getWindowHandles().size() == 2);
    for (String h : driver.getWindowHandles()) {
      if (!h.equals(main)) {
        driver.switchTo().window(h);
      }
    }
    waitUpTo(10).until(d -> "EOD 2024-01-02".equals(d.getTitle()));
    assertThat(text(By.tagName("h1"))).isEqualTo("Day one");
    driver.close();
    driver.switchTo().window(main);

    // no script errors on the page (CSP violations would show here too)
    List<String> severe = new ArrayList<>();
    for (LogEntry e : driver.manage().logs().get(LogType.BROWSER)) {
      if (e.getLevel().intValue() >= java.util.logging.Level.SEVERE.intValue() && !e.getMessage().contains(" 401 ")) {
        severe.add(e.getMessage());
      }
    }
    assertThat(severe).isEmpty();
    WebElement body = driver.findElement(By.tagName("body"));
    assertThat(body.getText()).doesNotContain("NaN", "undefined");
  }
}
