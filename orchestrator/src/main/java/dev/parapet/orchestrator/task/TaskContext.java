package dev.parapet.orchestrator.task;

import java.time.Instant;

/**
 * What a task run knows about itself.
 *
 * @param taskName the task's name
 * @param scheduledTime the due instant this run serves (for a catch-up run, the missed one)
 * @param startedAt the clock's instant when the run started
 * @param attempt 1 for the first attempt, then 2, 3, ... for retries
 * @param catchUp true when the run catches up a daily run missed while the process was down
 */
public record TaskContext(String taskName, Instant scheduledTime, Instant startedAt, int attempt, boolean catchUp) {
}
