package dev.parapet.examples.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The dashboard's HTTP API without a browser: every endpoint, the 401 rule, errors and the event stream. */
class DashboardServerTest {

  private static final String TOKEN = "test-token-0123456789abcdef";
  private static final long FP = 0xfedcba9876543210L; // above Long.MAX_VALUE as unsigned: tests hex round trip

  private FakeDashboardSource source;
  private DashboardServer server;
  private HttpClient http;

  @BeforeEach
  void start() {
    source = new FakeDashboardSource();
    server = DashboardServer.builder(source).token(TOKEN).heartbeat(Duration.ofMillis(200)).start();
    http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(HttpRequest.newBuilder(server.uri().resolve(path)).timeout(Duration.ofSeconds(10)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> post(String path, String body, String authorization) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(server.uri().resolve(path)).timeout(Duration.ofSeconds(10))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body));
    if (authorization != null) {
      b.header("Authorization", authorization);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static JsonNode json(HttpResponse<String> r) throws IOException {
    return FakeDashboardSource.JSON.readTree(r.body());
  }

  // ---------------------------------------------------------------------------------------------- reading

  @Test
  void binds_to_loopback_by_default_on_an_ephemeral_port() {
    assertThat(server.uri().getHost()).isEqualTo("127.0.0.1");
    assertThat(server.port()).isPositive();
    assertThat(server.uriWithToken().toString()).isEqualTo(server.uri() + "#token=" + TOKEN);
  }

  @Test
  void status_returns_the_source_snapshot_as_json() throws Exception {
    HttpResponse<String> r = get("/api/status");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type")).hasValue("application/json; charset=utf-8");
    assertThat(r.headers().firstValue("Cache-Control")).hasValue("no-store");
    assertThat(json(r)).isEqualTo(source.status.get());
  }

  @Test
  void section_endpoints_return_their_sections_with_the_snapshot_time() throws Exception {
    JsonNode status = source.status.get();
    JsonNode metrics = json(get("/api/metrics"));
    assertThat(metrics.get("generatedAt").asText()).isEqualTo("2024-01-02T15:00:00Z");
    assertThat(metrics.get("metrics")).isEqualTo(status.get("metrics"));
    JsonNode risk = json(get("/api/risk"));
    assertThat(risk.get("risk")).isEqualTo(status.get("risk"));
    assertThat(risk.get("accounts")).isEqualTo(status.get("accounts"));
    assertThat(json(get("/api/compliance")).get("compliance")).isEqualTo(status.get("compliance"));
    assertThat(json(get("/api/executions")).get("execution")).isEqualTo(status.get("execution"));
  }

  @Test
  void a_missing_section_is_null_not_an_error() throws Exception {
    source.status.set(FakeDashboardSource.JSON.createObjectNode().put("generatedAt", "2024-01-02T15:00:00Z"));
    HttpResponse<String> r = get("/api/executions");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(json(r).get("execution").isNull()).isTrue();
  }

  @Test
  void alerts_list_carries_the_fingerprint_as_sixteen_hex_digits() throws Exception {
    source.publish(FP, FakeDashboardSource.alert(FP, "EsLimitNear", "WARNING"));
    JsonNode alerts = json(get("/api/alerts")).get("alerts");
    assertThat(alerts).hasSize(1);
    assertThat(alerts.get(0).get("fingerprint").asText()).isEqualTo("fedcba9876543210");
    assertThat(alerts.get(0).get("severity").asText()).isEqualTo("WARNING");
  }

  @Test
  void serves_the_page_and_its_assets_with_a_strict_content_security_policy() throws Exception {
    HttpResponse<String> page = get("/");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
    assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow())
        .contains("default-src 'none'", "script-src 'self'", "connect-src 'self'");
    assertThat(page.body()).contains("<script src=\"/dashboard.js\"", "id=\"alerts\"", "id=\"metrics\"");
    // nothing is loaded from another origin
    assertThat(page.body()).doesNotContain("http://", "https://");
    HttpResponse<String> js = get("/dashboard.js");
    assertThat(js.statusCode()).isEqualTo(200);
    assertThat(js.headers().firstValue("Content-Type")).hasValue("text/javascript; charset=utf-8");
    assertThat(js.body()).contains("/api/alerts/stream").doesNotContain("innerHTML");
    assertThat(get("/dashboard.css").statusCode()).isEqualTo(200);
  }

  // ---------------------------------------------------------------------------------------------- the 401 rule

  @Test
  void acknowledging_without_a_token_is_401_and_changes_nothing() throws Exception {
    source.publish(FP, FakeDashboardSource.alert(FP, "EsLimitNear", "WARNING"));
    HttpResponse<String> r = post("/api/alerts/fedcba9876543210/acknowledge", "{}", null);
    assertThat(r.statusCode()).isEqualTo(401);
    assertThat(r.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"parapet\"");
    assertThat(json(r).get("error").asText()).isEqualTo("unauthorized");
    assertThat(source.acknowledgements).isEmpty();
    assertThat(source.alerts.get(FP).acknowledged()).isFalse();
  }

  @Test
  void acknowledging_with_a_wrong_or_malformed_token_is_401() throws Exception {
    source.publish(FP, FakeDashboardSource.alert(FP, "EsLimitNear", "WARNING"));
    for (String header : List.of("Bearer " + TOKEN + "x", "Bearer " + TOKEN.substring(1), "Basic " + TOKEN, TOKEN,
        "Bearer", "Bearer  ", "bearer" + TOKEN)) {
      assertThat(post("/api/alerts/fedcba9876543210/acknowledge", "{}", header).statusCode())
          .as(header).isEqualTo(401);
    }
    assertThat(source.acknowledgements).isEmpty();
  }

  @Test
  void acknowledging_with_the_token_succeeds() throws Exception {
    source.publish(FP, FakeDashboardSource.alert(FP, "EsLimitNear", "WARNING"));
    HttpResponse<String> r = post("/api/alerts/fedcba9876543210/acknowledge", "{\"by\":\"alice\",\"comment\":\"on it\"}",
        "Bearer " + TOKEN);
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(json(r).get("acknowledged").asBoolean()).isTrue();
    assertThat(source.acknowledgements).containsExactly("fedcba9876543210 by alice");
    // the scheme is case-insensitive (RFC 7235 section 2.1)
    source.publish(1L, FakeDashboardSource.alert(1L, "Other", "INFO"));
    assertThat(post("/api/alerts/0000000000000001/acknowledge", "", "bearer " + TOKEN).statusCode()).isEqualTo(200);
    assertThat(source.acknowledgements).containsExactly("fedcba9876543210 by alice", "0000000000000001 by dashboard");
  }

  @Test
  void acknowledging_an_unknown_alert_is_404() throws Exception {
    HttpResponse<String> r = post("/api/alerts/00000000000000ff/acknowledge", "{}", "Bearer " + TOKEN);
    assertThat(r.statusCode()).isEqualTo(404);
    assertThat(json(r).get("error").asText()).isEqualTo("not_found");
  }

  @Test
  void kill_switch_needs_the_token_and_a_reason() throws Exception {
    HttpResponse<String> noToken = post("/api/kill-switch/engage", "{\"reason\":\"test\"}", null);
    assertThat(noToken.statusCode()).isEqualTo(401);
    assertThat(source.killSwitch).isFalse();
    assertThat(post("/api/kill-switch/engage", "{}", "Bearer " + TOKEN).statusCode()).isEqualTo(400);
    assertThat(source.killSwitchCalls).isEmpty();

    HttpResponse<String> engaged = post("/api/kill-switch/engage", "{\"reason\":\"runaway algo\"}", "Bearer " + TOKEN);
    assertThat(engaged.statusCode()).isEqualTo(200);
    assertThat(json(engaged).get("engaged").asBoolean()).isTrue();
    assertThat(source.killSwitch).isTrue();

    assertThat(post("/api/kill-switch/reset", "{\"reason\":\"x\"}", "Bearer nope-nope-nope-nope").statusCode())
        .isEqualTo(401);
    assertThat(source.killSwitch).isTrue();
    HttpResponse<String> reset = post("/api/kill-switch/reset", "{\"reason\":\"fixed\",\"by\":\"bob\"}", "Bearer " + TOKEN);
    assertThat(json(reset).get("engaged").asBoolean()).isFalse();
    assertThat(source.killSwitchCalls).containsExactly("engage dashboard runaway algo", "reset bob fixed");
  }

  // ---------------------------------------------------------------------------------------------- errors

  @Test
  void wrong_methods_are_405_with_allow() throws Exception {
    HttpResponse<String> r = post("/api/status", "{}", "Bearer " + TOKEN);
    assertThat(r.statusCode()).isEqualTo(405);
    assertThat(r.headers().firstValue("Allow")).hasValue("GET");
    HttpResponse<String> g = get("/api/kill-switch/engage");
    assertThat(g.statusCode()).isEqualTo(405);
    assertThat(g.headers().firstValue("Allow")).hasValue("POST");
    assertThat(source.killSwitchCalls).isEmpty();
  }

  @Test
  void unknown_paths_are_404_json() throws Exception {
    for (String path : List.of("/api/nothing", "/reports/../../etc/passwd", "/reports/2024-01-02/..%2F..%2Fsecret",
        "/api/alerts/xyz/acknowledge", "/static/../index.html")) {
      HttpResponse<String> r = get(path);
      assertThat(r.statusCode()).as(path).isIn(404, 405);
      assertThat(r.headers().firstValue("Content-Type")).as(path).hasValue("application/json; charset=utf-8");
    }
  }

  @Test
  void bad_json_bodies_are_400_and_large_ones_413() throws Exception {
    source.publish(FP, FakeDashboardSource.alert(FP, "EsLimitNear", "WARNING"));
    String path = "/api/alerts/fedcba9876543210/acknowledge";
    assertThat(post(path, "{not json", "Bearer " + TOKEN).statusCode()).isEqualTo(400);
    assertThat(post(path, "[1,2]", "Bearer " + TOKEN).statusCode()).isEqualTo(400);
    assertThat(post(path, "{\"by\": 5}", "Bearer " + TOKEN).statusCode()).isEqualTo(400);
    assertThat(post(path, "{\"comment\":\"" + "x".repeat(20_000) + "\"}", "Bearer " + TOKEN).statusCode())
        .isEqualTo(413);
    assertThat(source.acknowledgements).isEmpty();
  }

  @Test
  void a_failing_source_gives_500_and_the_server_keeps_serving() throws Exception {
    source.statusFailure.set(new IllegalStateException("status broke"));
    HttpResponse<String> r = get("/api/status");
    assertThat(r.statusCode()).isEqualTo(500);
    assertThat(json(r).get("error").asText()).isEqualTo("internal_error");
    assertThat(json(r).get("message").asText()).contains("status broke");
    assertThat(server.internalErrors()).isEqualTo(1);
    source.statusFailure.set(null);
    assertThat(get("/api/status").statusCode()).isEqualTo(200);
    assertThat(get("/api/metrics").statusCode()).isEqualTo(200);
  }

  @Test
  void a_foreign_host_header_is_refused_on_loopback() throws Exception {
    // DNS rebinding: a page on evil.example whose name now resolves to 127.0.0.1 sends Host: evil.example
    assertThat(rawStatusLine("evil.example:" + server.port())).contains(" 403 ");
    assertThat(rawStatusLine("localhost:" + server.port())).contains(" 200 ");
    assertThat(rawStatusLine("127.0.0.1:" + server.port())).contains(" 200 ");
  }

  private String rawStatusLine(String host) throws IOException {
    try (Socket s = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
      s.setSoTimeout(10_000);
      OutputStream out = s.getOutputStream();
      out.write(("GET /api/status HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
          .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      return new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII)).readLine();
    }
  }

  // ---------------------------------------------------------------------------------------------- reports

  @Test
  void reports_are_listed_newest_first_and_served_with_their_media_type() throws Exception {
    LocalDate d1 = LocalDate.of(2024, 1, 2);
    LocalDate d2 = LocalDate.of(2024, 1, 3);
    source.archive.put(d1, "report.json", "application/json", "{\"date\":\"2024-01-02\"}");
    source.archive.put(d1, "report.html", "text/html", "<html><body>day one</body></html>");
    source.archive.put(d2, "report.json", "application/json", "{\"date\":\"2024-01-03\"}");
    source.archive.put(d2, "report.html", "text/html", "<html><body>day two</body></html>");
    source.archive.put(d2, "pnl.csv", "text/csv", "a,b\n1,2\n");

    JsonNode list = json(get("/api/reports")).get("reports");
    assertThat(list).hasSize(2);
    assertThat(list.get(0).get("date").asText()).isEqualTo("2024-01-03");
    assertThat(list.get(0).get("html").asText()).isEqualTo("/reports/2024-01-03/report.html");
    assertThat(list.get(0).get("files")).hasSize(3);

    HttpResponse<String> rj = get("/api/reports/2024-01-02");
    assertThat(rj.statusCode()).isEqualTo(200);
    assertThat(json(rj).get("date").asText()).isEqualTo("2024-01-02");

    HttpResponse<String> html = get("/reports/2024-01-03/report.html");
    assertThat(html.statusCode()).isEqualTo(200);
    assertThat(html.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
    assertThat(html.headers().firstValue("Content-Security-Policy").orElseThrow()).contains("default-src 'none'");
    assertThat(html.body()).contains("day two");
    assertThat(get("/reports/2024-01-03/pnl.csv").headers().firstValue("Content-Type"))
        .hasValue("text/csv; charset=utf-8");

    assertThat(get("/api/reports/2023-12-29").statusCode()).isEqualTo(404);
    assertThat(get("/reports/2024-01-02/pnl.csv").statusCode()).isEqualTo(404);
    assertThat(get("/api/reports/2024-13-45").statusCode()).isEqualTo(400);
  }

  // ---------------------------------------------------------------------------------------------- event stream

  @Test
  void the_alert_stream_sends_new_alerts_as_server_sent_events() throws Exception {
    HttpRequest req = HttpRequest.newBuilder(server.uri().resolve("/api/alerts/stream")).GET().build();
    HttpResponse<InputStream> r = http.send(req, HttpResponse.BodyHandlers.ofInputStream());
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type")).hasValue("text/event-stream; charset=utf-8");
    BufferedReader in = new BufferedReader(new InputStreamReader(r.body(), StandardCharsets.UTF_8));
    CompletableFuture<List<String>> event = CompletableFuture.supplyAsync(() -> readEvent(in, "event: alert"));
    waitFor(() -> source.subscribers() == 1);
    source.publish(FP, FakeDashboardSource.alert(FP, "KillSwitchEngaged", "CRITICAL"));
    List<String> lines = event.get(10, TimeUnit.SECONDS);
    String data = lines.stream().filter(l -> l.startsWith("data: ")).findFirst().orElseThrow().substring(6);
    JsonNode alert = FakeDashboardSource.JSON.readTree(data);
    assertThat(alert.get("fingerprint").asText()).isEqualTo("fedcba9876543210");
    assertThat(alert.get("name").asText()).isEqualTo("KillSwitchEngaged");
    assertThat(server.openStreams()).isEqualTo(1);
    in.close();
    // the server notices the closed connection at its next write (a heartbeat) and unsubscribes
    waitFor(() -> source.subscribers() == 0 && server.openStreams() == 0);
  }

  @Test
  void closing_the_server_ends_open_streams() throws Exception {
    HttpRequest req = HttpRequest.newBuilder(server.uri().resolve("/api/alerts/stream")).GET().build();
    HttpResponse<InputStream> r = http.send(req, HttpResponse.BodyHandlers.ofInputStream());
    waitFor(() -> source.subscribers() == 1);
    server.close();
    assertThat(source.subscribers()).isZero();
    r.body().close();
  }

  private static List<String> readEvent(BufferedReader in, String marker) {
    List<String> lines = new ArrayList<>();
    boolean found = false;
    try {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        if (line.equals(marker)) {
          found = true;
        }
        if (found) {
          if (line.isEmpty()) {
            return lines;
          }
          lines.add(line);
        }
      }
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    throw new AssertionError("the stream ended before " + marker);
  }

  private static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("condition not met within 10 s");
      }
      Thread.sleep(20);
    }
  }
}
