package dev.parapet.api.report;

import java.time.LocalDate;

/** Thrown when a date has no stored report, or a stored report has no file of the name asked for. */
public final class ReportNotFoundException extends ReportException {

  private static final long serialVersionUID = 1L;

  private final transient LocalDate date;

  /**
   * Creates the exception.
   *
   * @param date the date asked for
   * @param fileName the file asked for, or null when the whole report is missing
   */
  public ReportNotFoundException(LocalDate date, String fileName) {
    super(fileName == null ? "no report for " + date : "report " + date + " has no file '" + fileName + "'", null);
    this.date = date;
  }

  /** Returns the date asked for. */
  public LocalDate date() {
    return date;
  }
}
