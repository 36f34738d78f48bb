package dev.parapet.orchestrator.task;

import dev.parapet.api.Checks;
import java.time.Duration;

/**
 * A task's definition: name, group, schedule, timeout, retry and catch-up policies, and the body.
 * <p>
 * The timeout is measured in wall-clock time (a hang is a wall-clock matter, even in a simulation);
 * a run still going at its timeout is interrupted and counted as failed, and the task is not started
 * again until that run's thread has actually ended, so runs of one task never overlap.
 *
 * @param name unique task name, e.g. {@code metrics}
 * @param group group name, e.g. {@code monitoring}
 * @param schedule when it runs
 * @param timeout longest wall-clock time a run may take
 * @param retry how failures are retried
 * @param catchUp what happens to due times missed while down
 * @param task the body
 */
public record TaskSpec(String name, String group, Schedule schedule, Duration timeout, RetryPolicy retry,
    CatchUpPolicy catchUp, Task task) {

  /** Validates the fields. */
  public TaskSpec {
    Checks.notBlank(name, "name");
    Checks.notBlank(group, "group", "task " + name);
    Checks.notNull(schedule, "schedule", "task " + name);
    Checks.notNull(timeout, "timeout", "task " + name);
    Checks.check(timeout.toNanos() > 0, "timeout", timeout, "positive", "task " + name);
    Checks.notNull(retry, "retry", "task " + name);
    Checks.notNull(catchUp, "catchUp", "task " + name);
    Checks.notNull(task, "task", "task " + name);
  }

  /** Starts a spec with a 60 s timeout, no retries and no catch-up. */
  public static Builder builder(String name, Schedule schedule, Task task) {
    return new Builder(name, schedule, task);
  }

  /** A mutable builder of {@link TaskSpec}; not thread-safe. */
  public static final class Builder {
    private final String name;
    private final Schedule schedule;
    private final Task task;
    private String group = "default";
    private Duration timeout = Duration.ofSeconds(60);
    private RetryPolicy retry = RetryPolicy.NONE;
    private CatchUpPolicy catchUp = CatchUpPolicy.SKIP;

    private Builder(String name, Schedule schedule, Task task) {
      this.name = name;
      this.schedule = schedule;
      this.task = task;
    }

    /** Sets the group. */
    public Builder group(String group) {
      this.group = group;
      return this;
    }

    /** Sets the timeout. */
    public Builder timeout(Duration timeout) {
      this.timeout = timeout;
      return this;
    }

    /** Sets the retry policy. */
    public Builder retry(RetryPolicy retry) {
      this.retry = retry;
      return this;
    }

    /** Sets the catch-up policy. */
    public Builder catchUp(CatchUpPolicy catchUp) {
      this.catchUp = catchUp;
      return this;
    }

    /** Builds and validates the spec. */
    public TaskSpec build() {
      return new TaskSpec(name, group, schedule, timeout, retry, catchUp, task);
    }
  }
}
