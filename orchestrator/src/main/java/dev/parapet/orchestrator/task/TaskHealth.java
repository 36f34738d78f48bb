package dev.parapet.orchestrator.task;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The health of one task, as of a moment. Clock instants come from the runner's InstantSource;
 * durations are wall-clock.
 *
 * @param name the task
 * @param group its group
 * @param schedule its schedule, described
 * @param running true while a run is in progress (or a timed-out run's thread has not ended)
 * @param lastStart when the last run started, if any
 * @param lastDuration how long the last finished run took, if any
 * @param lastOutcome the last finished run's outcome, if any
 * @param lastError the last failure's message, if any
 * @param runs finished runs in all
 * @param failures failed runs in all (errors and timeouts)
 * @param consecutiveFailures failures since the last success
 * @param skippedOverlaps due times skipped because a run was still in progress
 * @param nextRun the next due time, if any
 */
public record TaskHealth(String name, String group, String schedule, boolean running, Optional<Instant> lastStart,
    Optional<Duration> lastDuration, Optional<Outcome> lastOutcome, Optional<String> lastError, long runs,
    long failures, long consecutiveFailures, long skippedOverlaps, Optional<Instant> nextRun) {

  /** The outcome of a run. */
  public enum Outcome {
    /** It returned normally. */
    SUCCEEDED,
    /** It threw. */
    FAILED,
    /** It ran past its timeout and was interrupted. */
    TIMED_OUT
  }
}
