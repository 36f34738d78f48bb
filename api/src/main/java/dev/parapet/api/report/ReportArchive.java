package dev.parapet.api.report;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Stored end-of-day reports, listed and fetched by date: what a dashboard or a host reads.
 * <p>
 * Contract: implementations are thread-safe, and a report read while its day is being regenerated is
 * either the old one or the new one in full, never a mixture (a reader in another process may find none
 * for the instant of the swap; see the implementation).
 */
public interface ReportArchive {

  /** Returns the dates that have a complete report, in ascending order. */
  List<LocalDate> dates();

  /** Returns the report of a date, if one is stored. */
  Optional<StoredReport> find(LocalDate date);

  /**
   * Returns the report of a date.
   *
   * @throws ReportNotFoundException if none is stored
   */
  default StoredReport get(LocalDate date) {
    return find(date).orElseThrow(() -> new ReportNotFoundException(date, null));
  }

  /**
   * Reads one file of a stored report, e.g. {@code report.json} or {@code report.html}.
   *
   * @throws ReportNotFoundException if the date has no report or the report has no such file
   * @throws ReportException if the file cannot be read
   */
  byte[] readFile(LocalDate date, String fileName);
}
