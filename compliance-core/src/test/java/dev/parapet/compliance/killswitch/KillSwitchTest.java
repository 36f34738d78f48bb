package dev.parapet.compliance.killswitch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parapet.api.alert.Alert;
import dev.parapet.api.alert.AlertCategory;
import dev.parapet.api.alert.Severity;
import dev.parapet.api.execution.OrderRouter;
import dev.parapet.api.model.ChildOrder;
import dev.parapet.api.time.SimulatedClock;
import dev.parapet.compliance.fixtures.RecordingAlertSink;
import dev.parapet.compliance.fixtures.RecordingTrail;
import dev.parapet.compliance.journal.AuditRecords;
import dev.parapet.compliance.journal.JournalException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class KillSwitchTest {

  private final SimulatedClock clock = SimulatedClock.at(Instant.parse("2024-03-05T15:00:00Z"));
  private final RecordingAlertSink alerts = new RecordingAlertSink();
  private final RecordingTrail journal = new RecordingTrail();
  private final List<String> cancelled = Collections.synchronizedList(new ArrayList<>());
  private final OrderRouter router = new OrderRouter() {
    @Override
    public void send(ChildOrder childOrder) {
      throw new AssertionError("the kill switch never sends");
    }

    @Override
    public void cancel(String childOrderId) {
      cancelled.add(childOrderId);
    }
  };

  private KillSwitch.Builder builder() {
    return KillSwitch.builder().clock(clock).alertSink(alerts).journal(journal)
        .canceller(ChildOrderCanceller.of(router, () -> List.of("C1", "C2", "C3")));
  }

  @Test
  void manual_engagement_blocks_cancels_working_children_alerts_critically_and_is_journalled() {
    KillSwitch ks = builder().build();
    assertThat(ks.isEngaged()).isFalse();
    assertThat(ks.engage("alice", "runaway algo")).isTrue();
    assertThat(ks.isEngaged()).isTrue();
    assertThat(cancelled).containsExactly("C1", "C2", "C3");
    assertThat(ks.state()).satisfies(s -> {
      assertThat(s.trigger()).isEqualTo(KillSwitch.MANUAL);
      assertThat(s.by()).isEqualTo("alice");
      assertThat(s.cancelledOrders()).isEqualTo(3);
      assertThat(s.since()).isEqualTo(clock.instant());
    });
    assertThat(alerts.alerts()).singleElement().satisfies(a -> {
      assertThat(a.name()).isEqualTo(KillSwitch.ALERT_NAME);
      assertThat(a.severity()).isEqualTo(Severity.CRITICAL);
      assertThat(a.category()).isEqualTo(AlertCategory.COMPLIANCE);
      assertThat(a.isResolved()).isFalse();
      assertThat(a.annotations()).containsEntry("reason", "runaway algo").containsEntry("cancelledOrders", "3");
    });
    assertThat(journal.ofType(AuditRecords.KILL_SWITCH)).singleElement().satisfies(e ->
        assertThat(e.payload()).contains("\"action\":\"ENGAGED\"", "\"by\":\"alice\"", "\"cancelledOrders\":3"));
    // engaging again changes nothing
    assertThat(ks.engage("bob", "again")).isFalse();
    assertThat(cancelled).hasSize(3);
    assertThat(ks.state().by()).isEqualTo("alice");
  }

  @Test
  void stays_engaged_until_an_explicit_journalled_reset_that_resolves_the_alert() {
    KillSwitch ks = builder().build();
    ks.trip("daily-loss-limit", "loss 50,100 > 50,000");
    clock.advance(Duration.ofMinutes(5));
    assertThat(ks.isEngaged()).isTrue();
    assertThat(ks.reset("carol", "loss reviewed")).isTrue();
    assertThat(ks.isEngaged()).isFalse();
    assertThat(journal.ofType(AuditRecords.KILL_SWITCH)).extracting(RecordingTrail.Entry::payload)
        .satisfiesExactly(
            p -> assertThat(p).contains("ENGAGED", "daily-loss-limit"),
            p -> assertThat(p).contains("\"action\":\"RESET\"", "\"by\":\"carol\"", "loss reviewed"));
    List<Alert> sent = alerts.alerts();
    assertThat(sent).hasSize(2);
    assertThat(sent.get(1).isResolved()).isTrue();
    assertThat(sent.get(1).fingerprint()).isEqualTo(sent.get(0).fingerprint());
    assertThat(sent.get(1).endsAt()).contains(clock.instant());
    assertThat(ks.reset("carol", "again")).isFalse();
  }

  @Test
  void a_reset_that_cannot_be_journalled_leaves_the_switch_engaged() {
    KillSwitch ks = builder().build();
    ks.engage("alice", "test");
    journal.failing(true);
    assertThatThrownBy(() -> ks.reset("bob", "try")).isInstanceOf(JournalException.class);
    assertThat(ks.isEngaged()).isTrue();
  }

  @Test
  void engages_even_when_cancelling_alerting_and_journalling_fail() {
    journal.failing(true);
    KillSwitch ks = KillSwitch.builder().clock(clock).journal(journal)
        .alertSink(a -> {
          throw new IllegalStateException("alert system down");
        })
        .canceller(() -> {
          throw new IllegalStateException("router down");
        }).build();
    assertThat(ks.engage("alice", "test")).isTrue();
    assertThat(ks.isEngaged()).isTrue();
  }

  @Test
  void trips_on_more_than_the_allowed_rejections_within_the_window_only() {
    KillSwitch ks = builder().maxRejections(3, Duration.ofSeconds(1)).build();
    for (int i = 0; i < 3; i++) {
      ks.recordRejection();
      clock.advance(Duration.ofMillis(400));
    }
    // rejections at 0, 400, 800; now 1,200: the first is outside (0 <= 1200 - 1000)
    ks.recordRejection();
    assertThat(ks.isEngaged()).isFalse();
    ks.recordRejection(); // 400, 800, 1200, 1200: four within (200, 1200]
    assertThat(ks.isEngaged()).isTrue();
    assertThat(ks.state().trigger()).isEqualTo(KillSwitch.REJECTION_RATE);
  }

  @Test
  void concurrent_trips_engage_once_and_cancel_once() throws Exception {
    AtomicInteger cancels = new AtomicInteger();
    KillSwitch ks = KillSwitch.builder().clock(clock).canceller(cancels::incrementAndGet).build();
    int threads = 8;
    CountDownLatch start = new CountDownLatch(1);
    AtomicInteger engagedByMe = new AtomicInteger();
    List<Thread> ts = new ArrayList<>();
    for (int i = 0; i < threads; i++) {
      int id = i;
      Thread t = new Thread(() -> {
        try {
          start.await();
        } catch (InterruptedException e) {
          return;
        }
        if (ks.trip("t" + id, "race")) {
          engagedByMe.incrementAndGet();
        }
      });
      ts.add(t);
      t.start();
    }
    start.countDown();
    for (Thread t : ts) {
      t.join();
    }
    assertThat(engagedByMe.get()).isEqualTo(1);
    assertThat(cancels.get()).isEqualTo(1);
    assertThat(ks.isEngaged()).isTrue();
  }

  @Test
  void refuses_blank_operator_or_reason_and_bad_rejection_settings() {
    KillSwitch ks = builder().build();
    assertThatThrownBy(() -> ks.engage(" ", "x")).hasMessageContaining("operator");
    assertThatThrownBy(() -> ks.reset("a", "")).hasMessageContaining("reason");
    assertThatThrownBy(() -> builder().maxRejections(0, Duration.ofSeconds(1))).hasMessageContaining("maxRejections");
    assertThatThrownBy(() -> builder().maxRejections(5, Duration.ZERO)).hasMessageContaining("window");
  }
}
