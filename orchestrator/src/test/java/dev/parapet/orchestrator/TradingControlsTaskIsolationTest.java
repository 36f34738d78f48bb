package dev.parapet.orchestrator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parapet.api.calendar.MarketCalendars;
import dev.parapet.api.time.SimulatedClock;
import dev.parapet.monitoring.alert.AlertStatus;
import dev.parapet.orchestrator.task.Schedule;
import dev.parapet.orchestrator.task.TaskHealth;
import dev.parapet.orchestrator.task.TaskSpec;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Host tasks added through the builder run beside the built-in ones: one that fails every time and one
 * that hangs (ignoring interruption) are counted and alerted, and the built-in tasks keep their minute.
 */
class TradingControlsTaskIsolationTest {

  private static final LocalDate DAY = LocalDate.of(2026, 4, 14); // a regular XNYS session

  private static Instant ny(int hour, int minute) {
    return ZonedDateTime.of(DAY, LocalTime.of(hour, minute), MarketCalendars.XNYS.zone()).toInstant();
  }

  private static TaskHealth health(TradingControls controls, String name) {
    return controls.taskHealth().stream().filter(h -> h.name().equals(name)).findFirst().orElseThrow();
  }

  private static boolean firing(List<AlertStatus> alerts, String alertName, String task) {
    return alerts.stream().anyMatch(a -> a.alert().name().equals(alertName)
        && task.equals(a.alert().labels().get("task")) && !a.alert().isResolved());
  }

  @Test
  void a_failing_and_a_hanging_host_task_are_isolated_alerted_and_do_not_delay_the_built_in_tasks(@TempDir Path dir)
      throws Exception {
    SimulatedClock clock = SimulatedClock.at(ny(9, 25));
    CountDownLatch release = new CountDownLatch(1);
    AtomicInteger hangingStarts = new AtomicInteger();
    AtomicInteger failingRuns = new AtomicInteger();
    TaskSpec failing = TaskSpec.builder("host-failing", Schedule.every(Duration.ofMinutes(1)), ctx -> {
      failingRuns.incrementAndGet();
      throw new IllegalStateException("host task broke");
    }).group("host").build();
    TaskSpec hanging = TaskSpec.builder("host-hanging", Schedule.every(Duration.ofMinutes(1)), ctx -> {
      hangingStarts.incrementAndGet();
      // a stuck task that ignores interruption until the test lets it go
      while (true) {
        try {
          release.await();
          return;
        } catch (InterruptedException e) {
          // swallowed on purpose
        }
      }
    }).group("host").timeout(Duration.ofMillis(200)).build();

    RecordingRouter router = new RecordingRouter();
    try (TradingControls controls = TradingControls.builder().clock(clock).dataDirectory(dir).router(router)
        .task(failing).task(hanging).build()) {
      controls.book().deposit("FUND-A", 1_000_000);
      controls.start();
      long metricsRuns = 0;
      for (Instant end = ny(10, 30); clock.instant().isBefore(end); ) {
        clock.advance(Duration.ofMinutes(1));
        controls.tick();
        Instant now = clock.instant();
        if (!now.isBefore(ny(9, 30))) {
          // every session minute the metrics run at that very minute, whatever the host tasks do
          metricsRuns++;
          TaskHealth metrics = health(controls, "metrics");
          assertThat(metrics.runs()).as("metrics runs at %s", now).isEqualTo(metricsRuns);
          assertThat(metrics.lastStart()).as("metrics start at %s", now).contains(now);
          assertThat(metrics.failures()).isZero();
          assertThat(health(controls, "status").lastStart()).contains(now);
        }
      }

      // 09:26 to 10:30: 65 minutes; the failing task ran (and failed) at every one of them
      TaskHealth f = health(controls, "host-failing");
      assertThat(f.runs()).isEqualTo(65);
      assertThat(f.failures()).isEqualTo(65);
      assertThat(f.lastError()).hasValueSatisfying(e -> assertThat(e).contains("host task broke"));
      assertThat(failingRuns).hasValue(65);
      // the hanging task started once, timed out, and was never started again over its stuck thread
      TaskHealth h = health(controls, "host-hanging");
      assertThat(hangingStarts).hasValue(1);
      assertThat(h.lastOutcome()).contains(TaskHealth.Outcome.TIMED_OUT);
      assertThat(h.failures()).isEqualTo(1);
      assertThat(h.running()).isTrue();
      assertThat(h.skippedOverlaps()).isEqualTo(64);
      // both are alerted, and still firing
      List<AlertStatus> alerts = controls.alerts().alerts();
      assertThat(firing(alerts, "TaskFailed", "host-failing")).as("alerts %s", alerts).isTrue();
      assertThat(firing(alerts, "TaskTimedOut", "host-hanging")).as("alerts %s", alerts).isTrue();
      // the built-in tasks are untouched
      for (String name : List.of("metrics", "compliance-sweep", "crowding", "history-flush", "status",
          "session-start")) {
        assertThat(health(controls, name).failures()).as("failures of %s", name).isZero();
      }
      assertThat(health(controls, "metrics").runs()).isEqualTo(61); // 09:30 to 10:30 inclusive
      assertThat(health(controls, "crowding").runs()).isEqualTo(13); // 09:30, 09:35, ..., 10:30
      assertThat(health(controls, "status").runs()).isEqualTo(65);
      assertThat(controls.status().tasks()).anySatisfy(t -> {
        assertThat(t.name()).isEqualTo("host-failing");
        assertThat(t.lastOutcome()).isEqualTo("FAILED");
      });
    } finally {
      release.countDown();
    }
  }
}
