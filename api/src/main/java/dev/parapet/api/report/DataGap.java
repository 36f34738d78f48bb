package dev.parapet.api.report;

import dev.parapet.api.Checks;

/**
 * An explicit statement that part of a day's figures is missing or degraded, and why, so that a report
 * says "not available because ..." rather than showing a zero or nothing.
 * <p>
 * This class is immutable and thread-safe.
 *
 * @param area what is affected, e.g. {@code marketData}, {@code risk}, {@code metrics}, {@code execution}
 * @param subject what exactly, e.g. an instrument id or {@code portfolio}
 * @param detail the reason in a sentence, e.g. {@code no close price; last mark of 2024-03-14 used}
 */
public record DataGap(String area, String subject, String detail) {

  /** Validates the fields. */
  public DataGap {
    Checks.notBlank(area, "area");
    Checks.notBlank(subject, "subject", "data gap " + area);
    Checks.notBlank(detail, "detail", "data gap " + area + "/" + subject);
  }
}
