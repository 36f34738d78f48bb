package dev.parapet.orchestrator.task;

/** The body of a scheduled task. It may throw: the runner isolates, counts, alerts and retries. */
@FunctionalInterface
public interface Task {

  /**
   * Runs the task once.
   *
   * @param context the run's scheduled time and attempt number
   * @throws Exception on failure; interruption means the run timed out and should stop
   */
  void run(TaskContext context) throws Exception;
}
