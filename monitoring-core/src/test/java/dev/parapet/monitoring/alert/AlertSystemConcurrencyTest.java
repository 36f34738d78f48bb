package dev.parapet.monitoring.alert;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parapet.api.alert.Alert;
import dev.parapet.api.alert.AlertCategory;
import dev.parapet.api.alert.Severity;
import dev.parapet.api.time.SimulatedClock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** Publishers on several threads while another thread ticks: nothing is lost, counted twice or notified twice. */
class AlertSystemConcurrencyTest {

  @Test
  void concurrent_publishers_and_ticker_keep_counts_and_notify_each_alert_once() throws Exception {
    SimulatedClock clock = SimulatedClock.at(Instant.parse("2025-03-03T15:00:00Z"));
    AlertSystemTest.Captured sink = new AlertSystemTest.Captured();
    AlertSystem system = AlertSystem.builder(clock).receiver("ops", sink)
        .route(Route.to("ops").groupByAll().groupWait(Duration.ZERO).groupInterval(Duration.ofSeconds(1))
            .repeatInterval(Duration.ofDays(1)))
        .build();
    int threads = 4;
    int distinct = 500;
    int rounds = 20;
    Alert[][] alerts = new Alert[threads][distinct];
    for (int t = 0; t < threads; t++) {
      for (int i = 0; i < distinct; i++) {
        alerts[t][i] = Alert.builder("Rejected", Severity.HIGH, AlertCategory.EXECUTION)
            .label("thread", Integer.toString(t)).label("order", Integer.toString(i))
            .startsAt(clock.instant()).build();
      }
    }
    ExecutorService pool = Executors.newFixedThreadPool(threads + 1);
    CountDownLatch start = new CountDownLatch(1);
    AtomicBoolean publishing = new AtomicBoolean(true);
    try {
      Future<?> ticker = pool.submit(() -> {
        start.await();
        while (publishing.get()) {
          clock.advance(Duration.ofMillis(100));
          system.tick();
        }
        return null;
      });
      Future<?>[] publishers = new Future<?>[threads];
      for (int t = 0; t < threads; t++) {
        int thread = t;
        publishers[t] = pool.submit(() -> {
          start.await();
          for (int r = 0; r < rounds; r++) {
            for (int i = 0; i < distinct; i++) {
              system.publish(alerts[thread][i]);
            }
          }
          return null;
        });
      }
      start.countDown();
      for (Future<?> f : publishers) {
        f.get(60, TimeUnit.SECONDS);
      }
      publishing.set(false);
      ticker.get(60, TimeUnit.SECONDS);
    } finally {
      pool.shutdownNow();
    }
    clock.advance(Duration.ofSeconds(2));
    system.tick();

    AlertSystemStats stats = system.stats();
    assertThat(stats.received()).isEqualTo((long) threads * distinct * rounds);
    assertThat(stats.firing()).isEqualTo((long) threads * distinct);
    assertThat(stats.deduplicated()).isEqualTo((long) threads * distinct * (rounds - 1));
    Set<Long> notified = new HashSet<>();
    List<Notification> all = sink.drain();
    for (Notification n : all) {
      for (Alert a : n.firing()) {
        assertThat(notified.add(a.fingerprint())).as("notified once: %s", a).isTrue();
      }
    }
    assertThat(notified).hasSize(threads * distinct);
  }
}
