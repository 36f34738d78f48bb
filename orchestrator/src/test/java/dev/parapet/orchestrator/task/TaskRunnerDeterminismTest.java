package dev.parapet.orchestrator.task;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parapet.api.alert.Alert;
import dev.parapet.api.calendar.MarketCalendars;
import dev.parapet.api.time.SimulatedClock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * A driver that waits for the runner to be idle sees everything the finished runs did, their alerts
 * included, however slow the alert sink: what a simulation observes after {@code awaitIdle} does not
 * depend on thread scheduling.
 */
class TaskRunnerDeterminismTest {

  /** An alert sink slow enough to lose a race with a driver that does not wait for it. */
  private static void slowly(List<Alert> sink, Alert alert) {
    try {
      Thread.sleep(200);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    sink.add(alert);
  }

  @Test
  void failure_and_timeout_alerts_are_published_before_the_runner_reports_idle() {
    SimulatedClock clock = SimulatedClock.at(ZonedDateTime.of(LocalDate.of(2026, 4, 14), LocalTime.of(10, 0),
        MarketCalendars.XNYS.zone()).toInstant());
    List<Alert> alerts = new CopyOnWriteArrayList<>();
    try (TaskRunner runner = TaskRunner.builder(clock, MarketCalendars.XNYS).alertSink(a -> slowly(alerts, a))
        .add(TaskSpec.builder("broken", Schedule.every(Duration.ofMinutes(1)), ctx -> {
          throw new IllegalStateException("boom");
        }).build())
        .add(TaskSpec.builder("stuck", Schedule.every(Duration.ofMinutes(1)), ctx -> Thread.sleep(60_000))
            .timeout(Duration.ofMillis(100)).build())
        .build()) {
      runner.start();
      clock.advance(Duration.ofMinutes(1));
      runner.runDue();
      boolean idle = runner.awaitIdle(Duration.ofSeconds(30));
      List<Alert> seen = List.copyOf(alerts); // at once: the sink would catch up within 200 ms
      assertThat(idle).isTrue();
      assertThat(seen).extracting(Alert::name).containsExactlyInAnyOrder("TaskFailed", "TaskTimedOut");
    }
  }
}
