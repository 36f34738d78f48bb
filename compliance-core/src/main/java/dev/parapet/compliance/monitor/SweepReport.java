package dev.parapet.compliance.monitor;

import dev.parapet.api.Checks;
import java.time.Instant;
import java.util.List;

/**
 * What one sweep found: the violations that opened, are still open, and closed. Immutable and
 * thread-safe.
 *
 * @param time when the sweep ran
 * @param accounts how many accounts were swept
 * @param opened violations found for the first time (NEW)
 * @param ongoing violations still present (ONGOING)
 * @param resolved violations gone since the last sweep (RESOLVED)
 * @param journalFailures how many audit records could not be written (logged)
 */
public record SweepReport(Instant time, int accounts, List<Violation> opened, List<Violation> ongoing,
    List<Violation> resolved, int journalFailures) {

  /** Validates and copies the fields. */
  public SweepReport {
    Checks.notNull(time, "time");
    opened = List.copyOf(opened);
    ongoing = List.copyOf(ongoing);
    resolved = List.copyOf(resolved);
  }

  /** Returns every violation open after this sweep (new and ongoing). */
  public int openCount() {
    return opened.size() + ongoing.size();
  }
}
