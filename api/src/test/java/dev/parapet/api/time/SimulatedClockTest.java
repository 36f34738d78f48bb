package dev.parapet.api.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parapet.api.InvalidValueException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class SimulatedClockTest {

  private static final Instant T0 = Instant.parse("2026-03-02T14:30:00Z");

  @Test
  void refuses_null_start_negative_durations_and_going_back() {
    assertThatThrownBy(() -> SimulatedClock.at(null)).isInstanceOf(InvalidValueException.class)
        .hasMessage("start must be non-null, was null");
    SimulatedClock clock = SimulatedClock.at(T0);
    assertThatThrownBy(() -> clock.advance(null)).isInstanceOf(InvalidValueException.class)
        .hasMessage("duration must be non-null, was null");
    assertThatThrownBy(() -> clock.advance(Duration.ofSeconds(-1))).isInstanceOf(InvalidValueException.class)
        .hasMessage("duration must be not negative, was PT-1S");
    assertThatThrownBy(() -> clock.set(null)).isInstanceOf(InvalidValueException.class)
        .hasMessage("instant must be non-null, was null");
    assertThatThrownBy(() -> clock.set(T0.minusMillis(1))).isInstanceOf(InvalidValueException.class)
        .hasMessage("instant must be not before the current time 2026-03-02T14:30:00Z, was 2026-03-02T14:29:59.999Z");
    assertThat(clock.instant()).isEqualTo(T0);
  }

  @Test
  void moves_only_when_told() {
    SimulatedClock clock = SimulatedClock.at(T0);
    assertThat(clock.instant()).isEqualTo(T0);
    assertThat(clock.advance(Duration.ofMinutes(5))).isEqualTo(T0.plusSeconds(300));
    assertThat(clock.advance(Duration.ZERO)).isEqualTo(T0.plusSeconds(300));
    clock.set(T0.plusSeconds(300)); // setting to now is allowed
    clock.set(T0.plusSeconds(3600));
    assertThat(clock.instant()).isEqualTo(T0.plusSeconds(3600));
    assertThat(clock.millis()).isEqualTo(T0.plusSeconds(3600).toEpochMilli());
  }

  @Test
  void concurrent_advances_are_never_lost() throws Exception {
    // 8 threads x 10,000 advances of 1 ms = 80 s exactly
    SimulatedClock clock = SimulatedClock.at(T0);
    int threads = 8;
    int steps = 10_000;
    CountDownLatch start = new CountDownLatch(1);
    List<Thread> workers = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      Thread w = new Thread(() -> {
        try {
          start.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
        for (int i = 0; i < steps; i++) {
          clock.advance(Duration.ofMillis(1));
        }
      });
      w.start();
      workers.add(w);
    }
    start.countDown();
    for (Thread w : workers) {
      w.join();
    }
    assertThat(clock.instant()).isEqualTo(T0.plusSeconds(80));
  }
}
