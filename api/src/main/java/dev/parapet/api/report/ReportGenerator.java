package dev.parapet.api.report;

/**
 * Renders the end-of-day report of one day and stores it, replacing any earlier report of that day.
 * <p>
 * The default implementation (module parapet-reporting, {@code Reports.generator(...)}) writes a JSON
 * document with a versioned schema, a self-contained HTML page and CSV tables under
 * {@code reports/YYYY-MM-DD/}, atomically: after a failure the previous report of the day, or none,
 * remains, never part of one.
 * <p>
 * Contract: implementations are thread-safe; generating two different days concurrently is allowed, and
 * generating the same day concurrently leaves one complete report.
 */
@FunctionalInterface
public interface ReportGenerator {

  /**
   * Renders and stores the report of the record's day.
   *
   * @param day the day's figures
   * @return the stored report
   * @throws ReportException if the report could not be rendered or written; nothing half-written remains
   */
  StoredReport generate(DayRecord day);
}
