package dev.parapet.examples.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parapet.api.gate.GateDecision;
import dev.parapet.api.gate.Reason;
import dev.parapet.api.gate.ReasonCode;
import dev.parapet.api.model.OrderRequest;
import dev.parapet.api.model.Side;
import dev.parapet.compliance.journal.AuditJournal;
import dev.parapet.compliance.journal.AuditRecords;
import dev.parapet.compliance.journal.JournalRecord;
import dev.parapet.examples.dashboard.AlertView;
import dev.parapet.examples.dashboard.DashboardServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo end to end without a browser: one session at full speed, then its dashboard API over HTTP (live
 * figures, the end-of-day report, the 401 rule on a real alert and on the kill switch) and its audit journal.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class) // the kill switch test, which adds a decision, runs last
class DemoTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  static Path work;

  private static Demo demo;
  private static DashboardServer dashboard;
  private static HttpClient http;
  private static final StringWriter OUTPUT = new StringWriter();

  @BeforeAll
  static void runOneSession() throws Exception {
    DemoOptions options = DemoOptions.defaults().withDays(1).withSpeed(Double.POSITIVE_INFINITY).withPort(0)
        .withDataDirectory(work.resolve("data")).withExitWhenDone(true);
    demo = Demo.builder(options).out(new PrintWriter(OUTPUT, true)).start();
    dashboard = demo.dashboard().orElseThrow();
    http = HttpClient.newHttpClient();
    assertThat(demo.awaitSimulation(Duration.ofMinutes(3))).as("the session finished").isTrue();
  }

  @AfterAll
  static void close() {
    if (demo != null) {
      demo.close();
    }
  }

  private static HttpResponse<String> get(String path) throws Exception {
    return http.send(HttpRequest.newBuilder(dashboard.uri().resolve(path)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> post(String path, String body, boolean withToken) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(dashboard.uri().resolve(path))
        .POST(HttpRequest.BodyPublishers.ofString(body));
    if (withToken) {
      b.header("Authorization", "Bearer " + dashboard.token());
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  @Order(1)
  void prints_where_everything_is_and_a_line_per_session() {
    String out = OUTPUT.toString();
    assertThat(out).contains("Parapet demo: 50 simulated instruments, 1 session from 2024-01-02 at full speed",
        "dashboard    " + dashboard.uri() + "#token=" + dashboard.token(),
        "status.json  " + demo.controls().statusFile(), "journal      " + demo.controls().journalDirectory(),
        "reports      " + demo.controls().reportsDirectory());
    assertThat(out).containsPattern("2024-01-02 closed: NAV [0-9,]+ \\(P&L [+-][0-9,]+ since start\\); so far "
        + "[0-9,]+ orders \\([0-9,]+ approved, [0-9,]+ rejected\\), [0-9,]+ fills; report .*report.html");
    assertThat(out).contains("Simulation finished: 1 session");
    assertThat(Files.isRegularFile(demo.controls().statusFile())).isTrue();
  }

  @Test
  @Order(1)
  void the_session_traded_and_the_bad_orders_were_all_rejected() throws Exception {
    SimulationDriver d = demo.driver();
    assertThat(d.errors()).as("errors: %s", d.lastError()).isZero();
    assertThat(d.sessionsDone()).isEqualTo(1);
    assertThat(d.approved()).isPositive();
    assertThat(d.fills()).isPositive();
    assertThat(demo.strategy().badOrdersCreated()).isPositive();
    // every decision journalled once; every deliberately bad order rejected, with a reason
    List<JsonNode> decisions = decisions();
    assertThat(decisions.stream().map(n -> n.get("clientOrderId").asText()).distinct().count())
        .isEqualTo(decisions.size()).isGreaterThanOrEqualTo(d.submitted());
    List<JsonNode> bad = decisions.stream()
        .filter(n -> n.get("strategy").asText().equals(DemoStrategy.BAD_ORDER_NAME)).toList();
    assertThat(bad).hasSize((int) demo.strategy().badOrdersCreated());
    for (JsonNode n : bad) {
      assertThat(n.get("approved").asBoolean()).as("bad order %s", n).isFalse();
      assertThat(n.get("reasons")).isNotEmpty();
    }
  }

  @Test
  @Order(1)
  void the_api_serves_live_figures_and_the_end_of_day_report() throws Exception {
    JsonNode status = JSON.readTree(get("/api/status").body());
    assertThat(status.get("schemaVersion").asInt()).isEqualTo(1);
    assertThat(status.get("market").get("exchange").asText()).isEqualTo("XNYS");
    assertThat(status.get("accounts").get(0).get("account").asText()).isEqualTo(Demo.ACCOUNT);
    assertThat(status.get("accounts").get(0).get("nav").asDouble()).isPositive();
    assertThat(status.get("metrics").get(Demo.ACCOUNT).get("values").size()).isEqualTo(17);
    assertThat(status.get("metrics").get(Demo.ACCOUNT).get("navHistory").size()).isGreaterThan(100);
    assertThat(status.get("risk").get(Demo.ACCOUNT).get("expectedShortfall").isNumber()).isTrue();
    assertThat(status.get("risk").get(Demo.ACCOUNT).get("drawdown").get("budget").asDouble())
        .isEqualTo(Demo.DRAWDOWN_BUDGET);
    assertThat(status.get("compliance").get("rejected").asLong()).isEqualTo(demo.driver().rejected());
    assertThat(JSON.readTree(get("/api/metrics").body()).get("metrics").get(Demo.ACCOUNT)).isNotNull();
    assertThat(JSON.readTree(get("/api/executions").body()).get("execution").has("working")).isTrue();

    JsonNode reports = JSON.readTree(get("/api/reports").body()).get("reports");
    assertThat(reports).hasSize(1);
    assertThat(reports.get(0).get("date").asText()).isEqualTo("2024-01-02");
    HttpResponse<String> html = get(reports.get(0).get("html").asText());
    assertThat(html.statusCode()).isEqualTo(200);
    assertThat(html.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
    assertThat(html.body()).contains("Parapet end-of-day report");
    JsonNode report = JSON.readTree(get("/api/reports/2024-01-02").body());
    assertThat(report.get("schema").asText()).isEqualTo("parapet.eod-report");
    assertThat(report.get("date").asText()).isEqualTo("2024-01-02");
  }

  @Test
  @Order(1)
  void acknowledging_a_real_alert_needs_the_token() throws Exception {
    JsonNode alerts = JSON.readTree(get("/api/alerts").body()).get("alerts");
    JsonNode rejected = null;
    for (JsonNode a : alerts) {
      if (a.get("name").asText().equals("OrderRejected") && a.get("state").asText().equals("FIRING")) {
        rejected = a;
      }
    }
    assertThat(rejected).as("an OrderRejected alert in %s", alerts).isNotNull();
    String fp = rejected.get("fingerprint").asText();
    long fingerprint = AlertView.parseFingerprint(fp);

    assertThat(post("/api/alerts/" + fp + "/acknowledge", "{}", false).statusCode()).isEqualTo(401);
    assertThat(demo.controls().alerts().findAlert(fingerprint).orElseThrow().acknowledgement()).isEmpty();
    assertThat(post("/api/alerts/" + fp + "/acknowledge", "{\"by\":\"test\"}", true).statusCode()).isEqualTo(200);
    assertThat(demo.controls().alerts().findAlert(fingerprint).orElseThrow().acknowledgement().orElseThrow().by())
        .isEqualTo("test");
  }

  @Test
  @Order(2)
  void the_kill_switch_needs_the_token_and_then_blocks_orders() throws Exception {
    assertThat(post("/api/kill-switch/engage", "{\"reason\":\"test\"}", false).statusCode()).isEqualTo(401);
    assertThat(demo.controls().isKillSwitchEngaged()).isFalse();
    assertThat(post("/api/kill-switch/engage", "{\"reason\":\"demo test\"}", true).statusCode()).isEqualTo(200);
    assertThat(demo.controls().isKillSwitchEngaged()).isTrue();
    assertThat(JSON.readTree(get("/api/compliance").body()).get("compliance").get("killSwitchEngaged").asBoolean())
        .isTrue();
    GateDecision d = demo.controls().submit(OrderRequest.builder().clientOrderId("TEST-KILL-1").account(Demo.ACCOUNT)
        .instrument(demo.market().instruments().get(0)).side(Side.BUY).quantity(10).build());
    assertThat(d.approved()).isFalse();
    assertThat(d.reasons()).extracting(Reason::code).contains(ReasonCode.KILL_SWITCH_ENGAGED);
    assertThat(post("/api/kill-switch/reset", "{\"reason\":\"done\"}", true).statusCode()).isEqualTo(200);
    assertThat(demo.controls().isKillSwitchEngaged()).isFalse();
  }

  private static List<JsonNode> decisions() throws Exception {
    List<JsonNode> out = new ArrayList<>();
    try (Stream<JournalRecord> records = AuditJournal.read(demo.controls().journalDirectory())) {
      for (JournalRecord r : (Iterable<JournalRecord>) records::iterator) {
        if (r.type().equals(AuditRecords.DECISION)) {
          out.add(JSON.readTree(r.payload()));
        }
      }
    }
    return out;
  }
}
