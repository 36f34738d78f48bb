package dev.parapet.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parapet.examples.browser.Chromium;
import dev.parapet.examples.dashboard.AlertView;
import dev.parapet.examples.dashboard.DashboardServer;
import dev.parapet.examples.demo.Demo;
import dev.parapet.examples.demo.DemoOptions;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * End to end: the demo at high speed on an ephemeral port, its dashboard in headless Chromium. The page
 * shows live figures that move, an order-rejection alert arrives on the stream, acknowledging it without the
 * token fails (401, nothing changes) and with the token succeeds, and the first end-of-day report opens from
 * its link. Saves {@code target/screenshots/dashboard-demo.png}.
 */
class DemoBrowserTest {

  @TempDir
  Path work;

  private Demo demo;
  private ChromeDriver driver;

  @AfterEach
  void stop() {
    if (driver != null) {
      driver.quit();
    }
    if (demo != null) {
      demo.close();
    }
  }

  private WebDriverWait waitUpTo(int seconds) {
    WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(seconds), Duration.ofMillis(100));
    wait.ignoring(StaleElementReferenceException.class); // the page re-renders its panels every second
    return wait;
  }

  private String text(By by) {
    return waitUpTo(5).until(d -> d.findElement(by).getText());
  }

  private void click(By by) {
    waitUpTo(5).until(d -> {
      d.findElement(by).click();
      return true;
    });
  }

  @Test
  void the_dashboard_of_a_running_demo_is_live_guarded_and_links_its_reports() throws Exception {
    String skip = Chromium.skipReason("demo browser test").orElse(null);
    org.junit.jupiter.api.Assumptions.assumeTrue(skip == null, () -> "SKIPPED " + skip);

    // 2400x: a session in about 10 s of wall time; nights are skipped at once
    DemoOptions options = DemoOptions.defaults().withDays(3).withSpeed(2400).withPort(0).withSeed(7)
        .withDataDirectory(work.resolve("data")).withExitWhenDone(true);
    StringWriter output = new StringWriter();
    demo = Demo.builder(options).out(new PrintWriter(output, true)).start();
    DashboardServer dashboard = demo.dashboard().orElseThrow();
    assertThat(output.toString()).contains("dashboard    " + dashboard.uri() + "#token=" + dashboard.token(),
        "status.json", "journal", "reports");
    driver = Chromium.start(work.resolve("profile"));
    driver.get(dashboard.uri().toString()); // without the token

    // live figures within seconds, and they move
    waitUpTo(20).until(d -> d.findElements(By.cssSelector("#metrics .metric")).size() == 17);
    String t1 = text(By.id("sim-time"));
    assertThat(t1).startsWith("2024-01-");
    waitUpTo(10).until(d -> !d.findElement(By.id("sim-time")).getText().equals(t1));
    String nav1 = waitUpTo(5).until(d -> d.findElement(By.id("nav-line")).getAttribute("d"));
    waitUpTo(10).until(d -> !d.findElement(By.id("nav-line")).getAttribute("d").equals(nav1));
    assertThat(text(By.id("nav-value"))).endsWith(" m");
    assertThat(text(By.id("kill-switch"))).isEqualTo("kill switch armed");

    // an alert arrives on the stream: the strategy's deliberately bad orders are rejected
    By firstAlert = By.cssSelector("#alerts li[data-acknowledged='false'] button.ack");
    waitUpTo(60).until(d -> !d.findElements(firstAlert).isEmpty());
    String fingerprint = waitUpTo(5).until(d -> d.findElement(By.cssSelector("#alerts li[data-acknowledged='false']"))
        .getAttribute("data-fingerprint"));
    By alert = By.cssSelector("#alerts li[data-fingerprint='" + fingerprint + "']");
    long fp = AlertView.parseFingerprint(fingerprint);

    // acknowledging without the token: 401 and nothing changes
    click(By.cssSelector("#alerts li[data-fingerprint='" + fingerprint + "'] button.ack"));
    waitUpTo(10).until(d -> d.findElement(By.id("ack-message")).getText().startsWith("401"));
    assertThat(demo.controls().alerts().findAlert(fp).orElseThrow().acknowledgement()).isEmpty();

    // with the token it succeeds
    driver.findElement(By.id("token-input")).sendKeys(dashboard.token());
    driver.findElement(By.id("token-save")).click();
    click(By.cssSelector("#alerts li[data-fingerprint='" + fingerprint + "'] button.ack"));
    waitUpTo(10).until(d -> "true".equals(d.findElement(alert).getAttribute("data-acknowledged")));
    assertThat(demo.controls().alerts().findAlert(fp).orElseThrow().acknowledgement()).isPresent();

    // the first end-of-day report opens from its link
    By link = By.cssSelector("#reports a.report-link");
    waitUpTo(60).until(d -> !d.findElements(link).isEmpty());
    waitUpTo(10).until(d -> !d.findElements(By.cssSelector("#orders tbody tr td.algo")).isEmpty()
        || demo.driver().finished());
    Path shot = Chromium.screenshot(driver, "dashboard-demo");
    System.out.println("screenshot: " + shot.toAbsolutePath());
    String main = driver.getWindowHandle();
    click(link);
    waitUpTo(10).until(d -> d.getWindowHandles().size() == 2);
    for (String h : driver.getWindowHandles()) {
      if (!h.equals(main)) {
        driver.switchTo().window(h);
      }
    }
    waitUpTo(20).until(d -> d.getTitle().startsWith("Parapet end-of-day report"));
    List<WebElement> sections = driver.findElements(By.tagName("section"));
    assertThat(sections).isNotEmpty();
    Chromium.screenshot(driver, "report-from-dashboard");
    driver.close();
    driver.switchTo().window(main);
  }
}
