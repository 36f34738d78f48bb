package dev.parapet.orchestrator.task;

import dev.parapet.api.Checks;
import dev.parapet.api.alert.Alert;
import dev.parapet.api.alert.AlertCategory;
import dev.parapet.api.alert.AlertSink;
import dev.parapet.api.alert.Severity;
import dev.parapet.api.calendar.MarketCalendar;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs named tasks on their schedules, driven by an {@link InstantSource}.
 * <p>
 * <b>Driving.</b> Every decision is taken in {@link #runDue()} from the clock's current instant: each
 * task whose due time has come is started on a worker thread, and its next due time is computed from
 * its {@link Schedule}. Live, {@link #startBackground(Duration)} calls {@code runDue} on a poll
 * interval; in a simulation the driver advances a simulated clock to {@link #nextDueTime()}, calls
 * {@code runDue} and, for determinism, {@link #awaitIdle(Duration)}. Either way the same instants give
 * the same decisions. When the clock jumps over several due times of one task, the task runs once
 * (coalescing), as a live process that was paused would.
 * <p>
 * <b>Isolation.</b> Runs of different tasks proceed in parallel on their own threads, so a slow or
 * hanging task never delays the others. Runs of one task never overlap: a due time that comes while
 * the previous run is still going is skipped and counted. A run that throws is counted, alerted
 * ({@code TaskFailed}, SYSTEM, HIGH) and retried per its {@link RetryPolicy}; a run past its timeout is
 * interrupted, counted and alerted ({@code TaskTimedOut}). The alert resolves at the next success.
 * <p>
 * <b>Catch-up.</b> {@link #start()} runs once, per task with {@link CatchUpPolicy#RUN_ONCE}, a due time
 * missed while the process was down.
 * <p>
 * <b>Thread safety.</b> Thread-safe. {@code runDue} may be called from any thread, though one driver
 * is the intended use.
 */
public final class TaskRunner implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(TaskRunner.class);

  private final InstantSource clock;
  private final MarketCalendar calendar;
  private final AlertSink alerts;
  private final TaskStateStore stateStore;
  private final Map<String, State> tasks = new LinkedHashMap<>();
  private final ExecutorService workers;
  private final ScheduledExecutorService watchdog;
  private final Object idle = new Object();
  private final AtomicLong driverErrors = new AtomicLong();
  private int active;
  private volatile boolean started;
  private volatile boolean closed;
  private ScheduledExecutorService driver;

  private TaskRunner(Builder b) {
    this.clock = b.clock;
    this.calendar = b.calendar;
    this.alerts = b.alerts;
    this.stateStore = b.stateStore;
    for (TaskSpec spec : b.specs) {
      tasks.put(spec.name(), new State(spec));
    }
    this.workers = Executors.newCachedThreadPool(daemon("parapet-task-"));
    // cancelled timeouts leave the queue at once: a long run at simulated speed would otherwise queue
    // one dead timeout per finished run until it expired
    java.util.concurrent.ScheduledThreadPoolExecutor dog =
        new java.util.concurrent.ScheduledThreadPoolExecutor(1, daemon("parapet-task-watchdog-"));
    dog.setRemoveOnCancelPolicy(true);
    this.watchdog = dog;
  }

  /** Starts a builder for a runner on a clock and an exchange calendar. */
  public static Builder builder(InstantSource clock, MarketCalendar calendar) {
    return new Builder(clock, calendar);
  }

  // ----------------------------------------------------------------------------------------------

  /**
   * Computes each task's first due time and launches catch-up runs. Call once before
   * {@link #runDue()}.
   */
  public void start() {
    Instant now = clock.instant();
    synchronized (this) {
      Checks.check(!started, "runner", "started", "not started twice");
      started = true;
    }
    for (State s : tasks.values()) {
      synchronized (s) {
        s.nextDue = s.spec.schedule().next(now, calendar).orElse(null);
        if (s.spec.catchUp() == CatchUpPolicy.RUN_ONCE) {
          Optional<Instant> missed = s.spec.schedule().previous(now, calendar);
          Optional<Instant> last = stateStore.lastSuccess(s.spec.name());
          if (missed.isPresent() && last.isPresent() && last.get().isBefore(missed.get())) {
            LOG.info("task {} catches up its run due at {}", s.spec.name(), missed.get());
            launch(s, missed.get(), 1, true, now);
          }
        }
      }
    }
  }

  /** Starts every task whose due time (or retry time) has come. Never throws for a task's failure. */
  public void runDue() {
    Checks.check(started, "runner", "not started", "started (call start() first)");
    if (closed) {
      return;
    }
    Instant now = clock.instant();
    for (State s : tasks.values()) {
      synchronized (s) {
        boolean due = s.nextDue != null && !now.isBefore(s.nextDue);
        if (s.running) {
          if (due) {
            s.skippedOverlaps++;
            s.nextDue = s.spec.schedule().next(now, calendar).orElse(null);
          }
          continue;
        }
        if (due) {
          Instant scheduled = s.nextDue;
          s.nextDue = s.spec.schedule().next(now, calendar).orElse(null);
          s.retryAt = null;
          launch(s, scheduled, 1, false, now);
        } else if (s.retryAt != null && !now.isBefore(s.retryAt)) {
          Instant scheduled = s.retryScheduled;
          int attempt = s.retryAttempt;
          s.retryAt = null;
          launch(s, scheduled, attempt, false, now);
        }
      }
    }
  }

  /** Returns the earliest pending due or retry time of any task. */
  public Optional<Instant> nextDueTime() {
    Instant min = null;
    for (State s : tasks.values()) {
      synchronized (s) {
        min = earlier(min, s.nextDue);
        min = earlier(min, s.retryAt);
      }
    }
    return Optional.ofNullable(min);
  }

  /**
   * Waits (wall-clock) until no run is in progress, not counting runs already timed out.
   *
   * @return true if idle, false if the wait timed out
   */
  public boolean awaitIdle(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (idle) {
      while (active > 0) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        try {
          TimeUnit.NANOSECONDS.timedWait(idle, left);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return false;
        }
      }
      return true;
    }
  }

  /** Calls {@link #runDue()} every {@code pollInterval} on a daemon thread, for live use. */
  public synchronized void startBackground(Duration pollInterval) {
    Checks.check(driver == null, "background driver", "running", "not started twice");
    if (!started) {
      start();
    }
    driver = Executors.newSingleThreadScheduledExecutor(daemon("parapet-task-driver-"));
    driver.scheduleWithFixedDelay(() -> {
      try {
        runDue();
      } catch (RuntimeException e) {
        driverErrors.incrementAndGet();
        LOG.error("task driver failed; continuing", e);
      }
    }, 0, pollInterval.toNanos(), TimeUnit.NANOSECONDS);
  }

  /** Returns the health of every task, in registration order. */
  public List<TaskHealth> health() {
    List<TaskHealth> out = new ArrayList<>(tasks.size());
    for (State s : tasks.values()) {
      out.add(s.health());
    }
    return List.copyOf(out);
  }

  /**
   * Returns one task's health.
   *
   * @throws NoSuchElementException if there is no such task
   */
  public TaskHealth getHealth(String name) {
    State s = tasks.get(name);
    if (s == null) {
      throw new NoSuchElementException("no task named '" + name + "'; tasks are " + tasks.keySet());
    }
    return s.health();
  }

  /** Returns how many times the background driver itself failed (it keeps going). */
  public long driverErrors() {
    return driverErrors.get();
  }

  /** Stops the driver and interrupts running tasks. */
  @Override
  public void close() {
    closed = true;
    synchronized (this) {
      if (driver != null) {
        driver.shutdownNow();
      }
    }
    watchdog.shutdownNow();
    workers.shutdownNow();
  }

  // ----------------------------------------------------------------------------------------------

  private static Instant earlier(Instant a, Instant b) {
    if (a == null) {
      return b;
    }
    return b == null || a.isBefore(b) ? a : b;
  }

  /** Starts a run; caller holds the state's lock. */
  private void launch(State s, Instant scheduled, int attempt, boolean catchUp, Instant now) {
    long runId = ++s.runCounter;
    s.running = true;
    s.timedOut = false;
    s.lastStart = now;
    s.wallStart = System.nanoTime();
    synchronized (idle) {
      active++;
    }
    TaskContext ctx = new TaskContext(s.spec.name(), scheduled, now, attempt, catchUp);
    try {
      Future<?> f = workers.submit(() -> execute(s, runId, ctx));
      s.timeout = watchdog.schedule(() -> onTimeout(s, runId, f), s.spec.timeout().toNanos(), TimeUnit.NANOSECONDS);
    } catch (RuntimeException e) {
      // the pools are shut down (closing): count the run as failed rather than losing track of it
      finish(s, runId, ctx, TaskHealth.Outcome.FAILED, e);
    }
  }

  private void execute(State s, long runId, TaskContext ctx) {
    Throwable error = null;
    try {
      s.spec.task().run(ctx);
    } catch (Throwable t) {
      error = t;
    }
    finish(s, runId, ctx, error == null ? TaskHealth.Outcome.SUCCEEDED : TaskHealth.Outcome.FAILED, error);
  }

  private void onTimeout(State s, long runId, Future<?> f) {
    TaskContext ctx;
    synchronized (s) {
      if (s.runCounter != runId || !s.running || s.timedOut) {
        return;
      }
      s.timedOut = true;
      ctx = new TaskContext(s.spec.name(), null, s.lastStart, 0, false);
      recordOutcome(s, TaskHealth.Outcome.TIMED_OUT, "timed out after " + s.spec.timeout());
    }
    f.cancel(true);
    try {
      publishFailure(s, "TaskTimedOut", "task " + ctx.taskName() + " timed out after " + s.spec.timeout()
          + " and was interrupted");
    } finally {
      markInactive();
    }
  }

  private void finish(State s, long runId, TaskContext ctx, TaskHealth.Outcome outcome, Throwable error) {
    boolean wasTimedOut;
    boolean resolve = false;
    synchronized (s) {
      if (s.runCounter != runId) {
        return;
      }
      wasTimedOut = s.timedOut;
      s.running = false;
      if (s.timeout != null) {
        s.timeout.cancel(false);
        s.timeout = null;
      }
      if (!wasTimedOut) {
        recordOutcome(s, outcome, error == null ? null : String.valueOf(error));
        if (outcome == TaskHealth.Outcome.SUCCEEDED) {
          resolve = s.openAlert != null;
        } else if (ctx.attempt() < s.spec.retry().maxAttempts() && !closed) {
          Instant retryAt = clock.instant().plus(s.spec.retry().backoffAfter(ctx.attempt()));
          if (s.nextDue == null || retryAt.isBefore(s.nextDue)) {
            s.retryAt = retryAt;
            s.retryAttempt = ctx.attempt() + 1;
            s.retryScheduled = ctx.scheduledTime();
          }
        }
      }
    }
    if (wasTimedOut) {
      return;
    }
    // the run stays active until its success is recorded and its alert published, so that a driver
    // returning from awaitIdle sees both (a simulation stays deterministic)
    try {
      if (outcome == TaskHealth.Outcome.SUCCEEDED) {
        try {
          stateStore.recordSuccess(s.spec.name(), ctx.scheduledTime());
        } catch (RuntimeException e) {
          LOG.error("cannot record the success of task {}", s.spec.name(), e);
        }
        if (resolve) {
          Alert open;
          synchronized (s) {
            open = s.openAlert;
            s.openAlert = null;
          }
          if (open != null) {
            try {
              alerts.publish(open.resolvedAt(clock.instant()));
            } catch (RuntimeException e) {
              LOG.error("cannot publish the resolution of task {}'s alert", s.spec.name(), e);
            }
          }
        }
      } else {
        LOG.warn("task {} failed (attempt {}): {}", s.spec.name(), ctx.attempt(), String.valueOf(error));
        publishFailure(s, "TaskFailed", "task " + s.spec.name() + " failed on attempt " + ctx.attempt() + ": "
            + error);
      }
    } finally {
      markInactive();
    }
  }

  private void recordOutcome(State s, TaskHealth.Outcome outcome, String error) {
    s.runs++;
    s.lastOutcome = outcome;
    s.lastDuration = Duration.ofNanos(System.nanoTime() - s.wallStart);
    if (outcome == TaskHealth.Outcome.SUCCEEDED) {
      s.consecutiveFailures = 0;
    } else {
      s.failures++;
      s.consecutiveFailures++;
      s.lastError = error;
    }
  }

  private void markInactive() {
    synchronized (idle) {
      active--;
      idle.notifyAll();
    }
  }

  private void publishFailure(State s, String name, String summary) {
    try {
      Alert alert = Alert.builder(name, Severity.HIGH, AlertCategory.SYSTEM)
          .label("task", s.spec.name())
          .label("group", s.spec.group())
          .summary(summary)
          .startsAt(clock.instant())
          .build();
      synchronized (s) {
        s.openAlert = alert;
      }
      alerts.publish(alert);
    } catch (RuntimeException e) {
      LOG.error("cannot publish the failure alert of task {}", s.spec.name(), e);
    }
  }

  private static ThreadFactory daemon(String prefix) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, prefix + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }

  private final class State {
    final TaskSpec spec;
    Instant nextDue;
    Instant retryAt;
    Instant retryScheduled;
    int retryAttempt;
    boolean running;
    boolean timedOut;
    java.util.concurrent.ScheduledFuture<?> timeout;
    long runCounter;
    long wallStart;
    Instant lastStart;
    Duration lastDuration;
    TaskHealth.Outcome lastOutcome;
    String lastError;
    long runs;
    long failures;
    long consecutiveFailures;
    long skippedOverlaps;
    Alert openAlert;

    State(TaskSpec spec) {
      this.spec = spec;
    }

    synchronized TaskHealth health() {
      return new TaskHealth(spec.name(), spec.group(), spec.schedule().describe(), running,
          Optional.ofNullable(lastStart), Optional.ofNullable(lastDuration), Optional.ofNullable(lastOutcome),
          Optional.ofNullable(lastError), runs, failures, consecutiveFailures, skippedOverlaps,
          Optional.ofNullable(earlier(nextDue, retryAt)));
    }
  }

  /** A builder of {@link TaskRunner}; not thread-safe. */
  public static final class Builder {
    private final InstantSource clock;
    private final MarketCalendar calendar;
    private AlertSink alerts = AlertSink.discarding();
    private TaskStateStore stateStore = TaskStateStore.inMemory();
    private final List<TaskSpec> specs = new ArrayList<>();

    private Builder(InstantSource clock, MarketCalendar calendar) {
      this.clock = Checks.notNull(clock, "clock");
      this.calendar = Checks.notNull(calendar, "calendar");
    }

    /** Sets where failure alerts go (default: discarded). */
    public Builder alertSink(AlertSink alerts) {
      this.alerts = Checks.notNull(alerts, "alerts");
      return this;
    }

    /** Sets where last successes are remembered (default: in memory). */
    public Builder stateStore(TaskStateStore stateStore) {
      this.stateStore = Checks.notNull(stateStore, "stateStore");
      return this;
    }

    /** Adds a task; names must be unique. */
    public Builder add(TaskSpec spec) {
      Checks.notNull(spec, "spec");
      for (TaskSpec s : specs) {
        Checks.check(!s.name().equals(spec.name()), "name", spec.name(), "unique among tasks");
      }
      specs.add(spec);
      return this;
    }

    /** Builds the runner. */
    public TaskRunner build() {
      return new TaskRunner(this);
    }
  }
}
