package dev.parapet.monitoring.alert.receiver;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.parapet.api.alert.Alert;
import dev.parapet.api.alert.AlertCategory;
import dev.parapet.api.alert.Severity;
import dev.parapet.api.time.SimulatedClock;
import dev.parapet.monitoring.alert.AlertSystem;
import dev.parapet.monitoring.alert.Notification;
import dev.parapet.monitoring.alert.Route;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The webhook receiver against a local HTTP server on 127.0.0.1 that fails, hangs and recovers. */
class WebhookReceiverTest {

  private static final Instant T0 = Instant.parse("2025-03-03T15:00:00Z");

  private HttpServer server;
  private final List<String> bodies = new CopyOnWriteArrayList<>();
  private final AtomicInteger requests = new AtomicInteger();
  /** Status codes answered in turn; the last one repeats. */
  private volatile int[] statuses = {200};
  private volatile CountDownLatch hold = new CountDownLatch(0);
  private volatile long hangFirstMillis;
  private URI uri;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/alerts", exchange -> {
      int n = requests.incrementAndGet();
      try (InputStream in = exchange.getRequestBody()) {
        bodies.add(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      }
      try {
        hold.await(10, TimeUnit.SECONDS);
        if (n == 1 && hangFirstMillis > 0) {
          Thread.sleep(hangFirstMillis);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      int[] s = statuses;
      int status = s[Math.min(n - 1, s.length - 1)];
      exchange.sendResponseHeaders(status, -1);
      exchange.close();
    });
    server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(2));
    server.start();
    uri = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/alerts");
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private static Notification notification(String account) {
    Alert a = Alert.builder("OrderRejected", Severity.HIGH, AlertCategory.EXECUTION).label(Alert.ACCOUNT, account)
        .summary("rejected").startsAt(T0).build();
    return new Notification(Notification.Kind.GROUP, "hook", "0{account=\"" + account + "\"}",
        Map.of("account", account), List.of(a), List.of(), T0, 0, 0);
  }

  private WebhookReceiver.Builder fast() {
    return WebhookReceiver.builder(uri).timeout(Duration.ofSeconds(5))
        .backoff(Duration.ofMillis(10), 2, Duration.ofMillis(100));
  }

  @Test
  void retries_with_backoff_until_the_server_recovers() throws Exception {
    statuses = new int[] {500, 503, 200};
    WebhookReceiver hook = fast().maxAttempts(5).build();
    try {
      hook.deliver(notification("ACC1"));
      assertThat(hook.awaitIdle(Duration.ofSeconds(20))).isTrue();
      assertThat(hook.delivered()).isEqualTo(1);
      assertThat(hook.attempts()).isEqualTo(3);
      assertThat(hook.failed()).isZero();
      assertThat(requests.get()).isEqualTo(3);
      JsonNode json = new ObjectMapper().readTree(bodies.get(2));
      assertThat(json.get("version").asText()).isEqualTo("4");
      assertThat(json.get("status").asText()).isEqualTo("firing");
      assertThat(json.get("groupKey").asText()).isEqualTo("0{account=\"ACC1\"}");
      assertThat(json.get("alerts").get(0).get("labels").get("account").asText()).isEqualTo("ACC1");
      assertThat(json.get("alerts").get(0).get("annotations").get("summary").asText()).isEqualTo("rejected");
      assertThat(json.get("alerts").get(0).get("severity").asText()).isEqualTo("HIGH");
    } finally {
      hook.close();
    }
  }

  @Test
  void gives_up_after_the_last_attempt() throws Exception {
    statuses = new int[] {503};
    WebhookReceiver hook = fast().maxAttempts(3).build();
    try {
      hook.deliver(notification("ACC1"));
      assertThat(hook.awaitIdle(Duration.ofSeconds(20))).isTrue();
      assertThat(hook.failed()).isEqualTo(1);
      assertThat(hook.delivered()).isZero();
      assertThat(requests.get()).isEqualTo(3);
    } finally {
      hook.close();
    }
  }

  @Test
  void a_request_that_times_out_is_retried() throws Exception {
    hangFirstMillis = 3_000;
    WebhookReceiver hook = fast().timeout(Duration.ofMillis(300)).maxAttempts(3).build();
    try {
      hook.deliver(notification("ACC1"));
      assertThat(hook.awaitIdle(Duration.ofSeconds(20))).isTrue();
      assertThat(hook.delivered()).isEqualTo(1);
      assertThat(hook.attempts()).isEqualTo(2);
    } finally {
      hook.close();
    }
  }

  @Test
  void deliver_returns_while_the_server_is_still_busy() throws Exception {
    hold = new CountDownLatch(1);
    WebhookReceiver hook = fast().build();
    try {
      hook.deliver(notification("ACC1"));
      hook.deliver(notification("ACC2"));
      // both calls returned although the server has not answered the first request yet
      assertThat(hook.pending()).isEqualTo(2);
      assertThat(hook.delivered()).isZero();
      hold.countDown();
      assertThat(hook.awaitIdle(Duration.ofSeconds(20))).isTrue();
      assertThat(hook.delivered()).isEqualTo(2);
      // one delivery thread: requests arrive in order
      assertThat(bodies.get(0)).contains("ACC1");
      assertThat(bodies.get(1)).contains("ACC2");
    } finally {
      hold.countDown();
      hook.close();
    }
  }

  @Test
  void drops_when_too_many_are_pending() throws Exception {
    hold = new CountDownLatch(1);
    WebhookReceiver hook = fast().maxPending(2).build();
    try {
      hook.deliver(notification("ACC1"));
      hook.deliver(notification("ACC2"));
      hook.deliver(notification("ACC3"));
      assertThat(hook.dropped()).isEqualTo(1);
      hold.countDown();
      assertThat(hook.awaitIdle(Duration.ofSeconds(20))).isTrue();
      assertThat(hook.delivered()).isEqualTo(2);
    } finally {
      hold.countDown();
      hook.close();
    }
  }

  @Test
  void alert_system_notifies_through_the_webhook_after_a_failure() throws Exception {
    statuses = new int[] {500, 200};
    SimulatedClock clock = SimulatedClock.at(T0);
    WebhookReceiver hook = fast().build();
    try (AlertSystem system = AlertSystem.builder(clock).receiver("hook", hook)
        .route(Route.to("hook").groupBy("account").groupWait(Duration.ofSeconds(30))).build()) {
      system.publish(Alert.builder("KillSwitchEngaged", Severity.CRITICAL, AlertCategory.COMPLIANCE)
          .label(Alert.ACCOUNT, "ACC9").startsAt(T0).build());
      clock.advance(Duration.ofSeconds(30));
      assertThat(system.tick()).isEqualTo(1);
      assertThat(hook.awaitIdle(Duration.ofSeconds(20))).isTrue();
      assertThat(hook.delivered()).isEqualTo(1);
      assertThat(requests.get()).isEqualTo(2);
      JsonNode json = new ObjectMapper().readTree(bodies.get(1));
      assertThat(json.get("receiver").asText()).isEqualTo("hook");
      assertThat(json.get("groupLabels").get("account").asText()).isEqualTo("ACC9");
      assertThat(json.get("alerts").get(0).get("name").asText()).isEqualTo("KillSwitchEngaged");
    }
  }
}
