package dev.parapet.orchestrator.task;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parapet.api.alert.Alert;
import dev.parapet.api.calendar.MarketCalendar;
import dev.parapet.api.calendar.MarketCalendars;
import dev.parapet.api.time.SimulatedClock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class TaskRunnerTest {

  private static final MarketCalendar XNYS = MarketCalendars.XNYS;
  private static final ZoneId NY = ZoneId.of("America/New_York");

  private static Instant ny(LocalDate date, int hour, int minute) {
    return ZonedDateTime.of(date, LocalTime.of(hour, minute), NY).toInstant();
  }

  /** Drives a runner event by event until {@code end}, waiting for runs to finish after each step. */
  private static void driveUntil(TaskRunner runner, SimulatedClock clock, Instant end) {
    while (true) {
      Optional<Instant> next = runner.nextDueTime();
      if (next.isEmpty() || next.get().isAfter(end)) {
        break;
      }
      if (next.get().isAfter(clock.instant())) {
        clock.set(next.get());
      }
      runner.runDue();
      assertThat(runner.awaitIdle(Duration.ofSeconds(10))).isTrue();
    }
    clock.set(end);
  }

  private static List<Instant> recorder(List<Instant> sink, TaskContext ctx) {
    sink.add(ctx.scheduledTime());
    return sink;
  }

  @Test
  void session_minute_task_runs_390_times_on_a_regular_day_from_0930_to_1559() {
    LocalDate day = LocalDate.of(2026, 3, 10); // a Tuesday, regular session
    SimulatedClock clock = SimulatedClock.at(ny(day, 0, 0));
    List<Instant> runs = Collections.synchronizedList(new ArrayList<>());
    try (TaskRunner runner = TaskRunner.builder(clock, XNYS)
        .add(TaskSpec.builder("metrics", Schedule.everyDuringSession(Duration.ofMinutes(1)),
            ctx -> recorder(runs, ctx)).build())
        .build()) {
      runner.start();
      driveUntil(runner, clock, ny(day, 23, 59));
    }
    // 09:30 to 16:00 is 6.5 hours = 390 one-minute slots, the last starting at 15:59
    assertThat(runs).hasSize(390);
    assertThat(runs.get(0)).isEqualTo(ny(day, 9, 30));
    assertThat(runs.get(389)).isEqualTo(ny(day, 15, 59));
  }

  @Test
  void early_close_day_has_210_session_runs_and_the_close_task_runs_at_1315() {
    LocalDate day = LocalDate.of(2026, 11, 27); // day after Thanksgiving: NYSE closes at 13:00
    SimulatedClock clock = SimulatedClock.at(ny(day, 0, 0));
    List<Instant> metrics = Collections.synchronizedList(new ArrayList<>());
    List<Instant> eod = Collections.synchronizedList(new ArrayList<>());
    List<Instant> fixed = Collections.synchronizedList(new ArrayList<>());
    try (TaskRunner runner = TaskRunner.builder(clock, XNYS)
        .add(TaskSpec.builder("metrics", Schedule.everyDuringSession(Duration.ofMinutes(1)),
            ctx -> recorder(metrics, ctx)).build())
        .add(TaskSpec.builder("eod", Schedule.afterSessionClose(Duration.ofMinutes(15)),
            ctx -> recorder(eod, ctx)).build())
        .add(TaskSpec.builder("fixed", Schedule.dailyAt(LocalTime.of(16, 15)), ctx -> recorder(fixed, ctx)).build())
        .build()) {
      runner.start();
      driveUntil(runner, clock, ny(day, 23, 59));
    }
    // 09:30 to 13:00 is 3.5 hours = 210 slots
    assertThat(metrics).hasSize(210);
    assertThat(metrics.get(209)).isEqualTo(ny(day, 12, 59));
    assertThat(eod).containsExactly(ny(day, 13, 15));
    assertThat(fixed).containsExactly(ny(day, 16, 15));
  }

  @Test
  void nothing_runs_on_a_holiday_and_daily_tasks_resume_the_next_trading_day() {
    LocalDate thanksgiving = LocalDate.of(2026, 11, 26);
    SimulatedClock clock = SimulatedClock.at(ny(thanksgiving, 0, 0));
    List<Instant> metrics = Collections.synchronizedList(new ArrayList<>());
    List<Instant> maintenance = Collections.synchronizedList(new ArrayList<>());
    try (TaskRunner runner = TaskRunner.builder(clock, XNYS)
        .add(TaskSpec.builder("metrics", Schedule.everyDuringSession(Duration.ofMinutes(1)),
            ctx -> recorder(metrics, ctx)).build())
        .add(TaskSpec.builder("maintenance", Schedule.dailyAt(LocalTime.of(2, 0)),
            ctx -> recorder(maintenance, ctx)).build())
        .build()) {
      runner.start();
      driveUntil(runner, clock, ny(thanksgiving, 23, 59));
      assertThat(metrics).isEmpty();
      assertThat(maintenance).isEmpty();
      driveUntil(runner, clock, ny(thanksgiving.plusDays(1), 9, 30));
    }
    assertThat(maintenance).containsExactly(ny(thanksgiving.plusDays(1), 2, 0));
    assertThat(metrics).containsExactly(ny(thanksgiving.plusDays(1), 9, 30));
  }

  @Test
  void session_runs_follow_the_exchange_zone_across_both_dst_changes() {
    // 2026: DST starts Sunday 8 March (EST UTC-5 -> EDT UTC-4) and ends Sunday 1 November.
    LocalDate fridayBeforeSpring = LocalDate.of(2026, 3, 6);
    LocalDate mondayAfterSpring = LocalDate.of(2026, 3, 9);
    LocalDate fridayBeforeFall = LocalDate.of(2026, 10, 30);
    LocalDate mondayAfterFall = LocalDate.of(2026, 11, 2);
    SimulatedClock clock = SimulatedClock.at(ny(fridayBeforeSpring, 0, 0));
    List<Instant> opens = new CopyOnWriteArrayList<>();
    try (TaskRunner runner = TaskRunner.builder(clock, XNYS)
        .add(TaskSpec.builder("open", Schedule.afterSessionClose(Duration.ZERO), ctx -> opens.add(ctx.scheduledTime()))
            .build())
        .add(TaskSpec.builder("first-minute", Schedule.dailyAt(LocalTime.of(9, 30)), ctx -> opens.add(ctx.scheduledTime()))
            .build())
        .build()) {
      runner.start();
      driveUntil(runner, clock, ny(mondayAfterSpring, 23, 0));
      assertThat(opens).contains(Instant.parse("2026-03-06T14:30:00Z"), Instant.parse("2026-03-06T21:00:00Z"),
          Instant.parse("2026-03-09T13:30:00Z"), Instant.parse("2026-03-09T20:00:00Z"));
      clock.set(ny(fridayBeforeFall, 0, 0));
      driveUntil(runner, clock, ny(mondayAfterFall, 23, 0));
    }
    assertThat(opens).contains(Instant.parse("2026-10-30T13:30:00Z"), Instant.parse("2026-10-30T20:00:00Z"),
        Instant.parse("2026-11-02T14:30:00Z"), Instant.parse("2026-11-02T21:00:00Z"));
  }

  @Test
  void polling_driver_and_event_driver_make_the_same_decisions() {
    LocalDate day = LocalDate.of(2026, 7, 2); // Thursday before Independence Day (observed Friday 3 July)
    List<Instant> byEvents = runDay(day, false);
    List<Instant> byPolling = runDay(day, true);
    assertThat(byPolling).isEqualTo(byEvents);
    assertThat(byEvents).isNotEmpty();
  }

  private static List<Instant> runDay(LocalDate day, boolean polling) {
    SimulatedClock clock = SimulatedClock.at(ny(day, 0, 0));
    List<Instant> runs = new CopyOnWriteArrayList<>();
    try (TaskRunner runner = TaskRunner.builder(clock, XNYS)
        .add(TaskSpec.builder("crowding", Schedule.everyDuringSession(Duration.ofMinutes(5)),
            ctx -> runs.add(ctx.scheduledTime())).build())
        .add(TaskSpec.builder("eod", Schedule.afterSessionClose(Duration.ofMinutes(15)),
            ctx -> runs.add(ctx.scheduledTime())).build())
        .build()) {
      runner.start();
      Instant end = ny(day, 23, 0);
      if (polling) {
        while (clock.instant().isBefore(end)) {
          clock.advance(Duration.ofSeconds(7)); // a live poller's coarse, unaligned steps
          runner.runDue();
          runner.awaitIdle(Duration.ofSeconds(10));
        }
      } else {
        driveUntil(runner, clock, end);
      }
    }
    Collections.sort(runs);
    return runs;
  }

  @Test
  void failing_task_is_counted_alerted_retried_and_does_not_stop_the_others() {
    LocalDate day = LocalDate.of(2026, 3, 10);
    SimulatedClock clock = SimulatedClock.at(ny(day, 9, 0));
    List<Alert> alerts = new CopyOnWriteArrayList<>();
    List<Integer> attempts = new CopyOnWriteArrayList<>();
    AtomicInteger healthy = new AtomicInteger();
    try (TaskRunner runner = TaskRunner.builder(clock, XNYS)
        .alertSink(alerts::add)
        .add(TaskSpec.builder("broken", Schedule.everyDuringSession(Duration.ofMinutes(5)), ctx -> {
          attempts.add(ctx.attempt());
          throw new IllegalStateException("boom");
        }).retry(RetryPolicy.exponential(2, Duration.ofSeconds(10), Duration.ofMinutes(1))).build())
        .add(TaskSpec.builder("healthy", Schedule.everyDuringSession(Duration.ofMinutes(1)),
            ctx -> healthy.incrementAndGet()).build())
        .build()) {
      runner.start();
      driveUntil(runner, clock, ny(day, 9, 34, 59));
      TaskHealth broken = runner.getHealth("broken");
      // one scheduled run at 09:30 and two retries (10 s and 20 s later): 3 attempts, all failed
      assertThat(attempts).containsExactly(1, 2, 3);
      assertThat(broken.failures()).isEqualTo(3);
      assertThat(broken.consecutiveFailures()).isEqualTo(3);
      assertThat(broken.lastOutcome()).contains(TaskHealth.Outcome.FAILED);
      assertThat(broken.lastError()).hasValueSatisfying(e -> assertThat(e).contains("boom"));
      assertThat(healthy.get()).isEqualTo(5); // 09:30 .. 09:34
      assertThat(alerts).isNotEmpty().allSatisfy(a -> {
        assertThat(a.name()).isEqualTo("TaskFailed");
        assertThat(a.labels()).containsEntry("task", "broken").containsEntry("category", "SYSTEM");
      });
    }
  }

  private static Instant ny(LocalDate date, int hour, int minute, int second) {
    return ZonedDateTime.of(date, LocalTime.of(hour, minute, second), NY).toInstant();
  }

  @Test
  void hanging_task_times_out_is_alerted_and_never_overlaps_while_others_keep_running() throws Exception {
    LocalDate day = LocalDate.of(2026, 3, 10);
    SimulatedClock clock = SimulatedClock.at(ny(day, 9, 0));
    List<Alert> alerts = new CopyOnWriteArrayList<>();
    AtomicInteger hangingStarts = new AtomicInteger();
    AtomicInteger healthy = new AtomicInteger();
    CountDownLatch release = new CountDownLatch(1);
    try (TaskRunner runner = TaskRunner.builder(clock, XNYS)
        .alertSink(alerts::add)
        .add(TaskSpec.builder("hanging", Schedule.everyDuringSession(Duration.ofMinutes(1)), ctx -> {
          hangingStarts.incrementAndGet();
          // ignores interruption: the worst kind of hang
          while (release.getCount() > 0) {
            try {
              release.await();
            } catch (InterruptedException ignored) {
              // keep hanging
            }
          }
        }).timeout(Duration.ofMillis(200)).build())
        .add(TaskSpec.builder("healthy", Schedule.everyDuringSession(Duration.ofMinutes(1)),
            ctx -> healthy.incrementAndGet()).build())
        .build()) {
      runner.start();
      for (int minute = 30; minute < 40; minute++) {
        clock.set(ny(day, 9, minute));
        runner.runDue();
        // the hanging run does not count once timed out, so this returns after at most ~200 ms
        assertThat(runner.awaitIdle(Duration.ofSeconds(5))).isTrue();
      }
      TaskHealth hanging = runner.getHealth("hanging");
      assertThat(hangingStarts.get()).isEqualTo(1);
      assertThat(hanging.running()).isTrue();
      assertThat(hanging.lastOutcome()).contains(TaskHealth.Outcome.TIMED_OUT);
      assertThat(hanging.skippedOverlaps()).isEqualTo(9);
      assertThat(healthy.get()).isEqualTo(10);
      assertThat(alerts).extracting(Alert::name).contains("TaskTimedOut");
      release.countDown();
      Thread.sleep(100);
      clock.set(ny(day, 9, 40));
      runner.runDue();
      runner.awaitIdle(Duration.ofSeconds(5));
      assertThat(hangingStarts.get()).isEqualTo(2);
    }
  }

  @Test
  void missed_daily_run_is_caught_up_once_at_start_only_if_the_task_ran_before() {
    LocalDate day = LocalDate.of(2026, 3, 10);
    Instant missed = ny(day, 16, 15);
    TaskStateStore store = TaskStateStore.inMemory();
    store.recordSuccess("eod", ny(day.minusDays(1), 16, 15));
    List<TaskContext> runs = new CopyOnWriteArrayList<>();
    SimulatedClock clock = SimulatedClock.at(ny(day, 18, 0)); // the process was down at 16:15
    try (TaskRunner runner = TaskRunner.builder(clock, XNYS).stateStore(store)
        .add(TaskSpec.builder("eod", Schedule.dailyAt(LocalTime.of(16, 15)), runs::add)
            .catchUp(CatchUpPolicy.RUN_ONCE).build())
        .add(TaskSpec.builder("never-ran", Schedule.dailyAt(LocalTime.of(16, 15)), runs::add)
            .catchUp(CatchUpPolicy.RUN_ONCE).build())
        .build()) {
      runner.start();
      assertThat(runner.awaitIdle(Duration.ofSeconds(5))).isTrue();
      runner.runDue();
      runner.awaitIdle(Duration.ofSeconds(5));
    }
    assertThat(runs).hasSize(1);
    assertThat(runs.get(0).taskName()).isEqualTo("eod");
    assertThat(runs.get(0).scheduledTime()).isEqualTo(missed);
    assertThat(runs.get(0).catchUp()).isTrue();
    assertThat(store.lastSuccess("eod")).contains(missed);
  }

  @Test
  void task_state_survives_a_restart_in_a_file(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
    java.nio.file.Path file = dir.resolve("tasks.properties");
    Instant t = Instant.parse("2026-03-10T20:15:00Z");
    TaskStateStore.file(file).recordSuccess("eod", t);
    assertThat(TaskStateStore.file(file).lastSuccess("eod")).contains(t);
    assertThat(TaskStateStore.file(file).lastSuccess("other")).isEmpty();
  }
}
