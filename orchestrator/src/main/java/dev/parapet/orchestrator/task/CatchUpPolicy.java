package dev.parapet.orchestrator.task;

/** What the runner does at start about a due time that passed while the process was down. */
public enum CatchUpPolicy {
  /** Nothing: wait for the next due time. */
  SKIP,
  /**
   * Run once at start for the most recent missed due time (within the last 14 days), if the task has
   * succeeded before (recorded in the {@link TaskStateStore}) and not since that due time. A task that
   * has never run is not caught up: there is nothing to say it was expected.
   */
  RUN_ONCE
}
