package dev.parapet.data.quality;

import dev.parapet.api.Checks;
import dev.parapet.api.alert.Severity;
import java.time.LocalDate;
import java.util.Comparator;

/**
 * One data-quality issue: which check raised it, for which instrument and session date, how serious it is,
 * and a one-line detail with the figures.
 * <p>
 * This class is immutable and thread-safe.
 *
 * @param check the check that raised it
 * @param instrumentId the instrument, not blank
 * @param date the session date the issue is about
 * @param severity how serious it is
 * @param detail what was found, with figures, not blank
 */
public record QualityIssue(QualityCheck check, String instrumentId, LocalDate date, Severity severity, String detail) {

  /** Orders issues worst first: by severity descending, then date, instrument and check. */
  public static final Comparator<QualityIssue> WORST_FIRST = Comparator.comparing(QualityIssue::severity).reversed()
      .thenComparing(QualityIssue::date).thenComparing(QualityIssue::instrumentId).thenComparing(QualityIssue::check);

  /** Validates every field. */
  public QualityIssue {
    Checks.notNull(check, "check");
    Checks.notBlank(instrumentId, "instrumentId", "quality issue " + check);
    Checks.notNull(date, "date", "quality issue " + check);
    Checks.notNull(severity, "severity", "quality issue " + check);
    Checks.notBlank(detail, "detail", "quality issue " + check);
  }

  /** Creates an issue with the check's default severity. */
  public static QualityIssue of(QualityCheck check, String instrumentId, LocalDate date, String detail) {
    return new QualityIssue(check, instrumentId, date, check.severity(), detail);
  }
}
