package dev.parapet.api.report;

import dev.parapet.api.Checks;
import dev.parapet.api.alert.AlertCategory;
import dev.parapet.api.alert.Severity;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The day's alerts and the night's data-quality run. The report derives totals by severity and by
 * category from {@code counts}, and lists the open CRITICAL alerts from {@code openAlerts}.
 * <p>
 * This class is immutable and thread-safe.
 *
 * @param counts alerts raised during the day per (severity, category); pairs unique
 * @param openAlerts alerts still firing at the close, any severity
 * @param dataQuality the last data-quality run's summary, if one ran
 */
public record AlertSection(List<Count> counts, List<OpenAlert> openAlerts, Optional<DataQuality> dataQuality) {

  /** Validates and copies the fields. */
  public AlertSection {
    counts = Values.list(counts, "counts", "alerts");
    for (int i = 0; i < counts.size(); i++) {
      for (int j = 0; j < i; j++) {
        Checks.check(counts.get(i).severity() != counts.get(j).severity() || counts.get(i).category() != counts.get(j).category(),
            "counts[" + i + "]", counts.get(i).severity() + "/" + counts.get(i).category(), "unique (severity, category) pairs", "alerts");
      }
    }
    openAlerts = Values.list(openAlerts, "openAlerts", "alerts");
    Values.optional(dataQuality, "dataQuality", "alerts");
  }

  /**
   * How many alerts of one severity and category were raised.
   *
   * @param severity the severity
   * @param category the category
   * @param count how many, &gt;= 0
   */
  public record Count(Severity severity, AlertCategory category, long count) {

    /** Validates the fields. */
    public Count {
      Checks.notNull(severity, "severity", "alert count");
      Checks.notNull(category, "category", "alert count");
      Checks.nonNegative(count, "count", "alert count " + severity + "/" + category);
    }
  }

  /**
   * An alert still firing at the close.
   *
   * @param name the alert name
   * @param severity the severity
   * @param category the category
   * @param startsAt when it started
   * @param summary its one-line summary (may be empty)
   * @param acknowledged whether someone acknowledged it
   */
  public record OpenAlert(String name, Severity severity, AlertCategory category, Instant startsAt, String summary,
      boolean acknowledged) {

    /** Validates the fields. */
    public OpenAlert {
      Checks.notBlank(name, "name");
      Checks.notNull(severity, "severity", "alert " + name);
      Checks.notNull(category, "category", "alert " + name);
      Checks.notNull(startsAt, "startsAt", "alert " + name);
      Checks.notNull(summary, "summary", "alert " + name);
    }
  }

  /**
   * The summary of a data-quality run.
   *
   * @param runAt when it ran
   * @param instrumentsChecked instruments checked
   * @param barsChecked bars checked
   * @param byCheck issues found per check, e.g. {@code MISSING_SESSION}, {@code STALE_PRICE}
   * @param worstIssues the most serious issues found
   */
  public record DataQuality(Instant runAt, long instrumentsChecked, long barsChecked, List<CheckCount> byCheck,
      List<Issue> worstIssues) {

    /** Validates the fields. */
    public DataQuality {
      Checks.notNull(runAt, "runAt", "data quality");
      Checks.nonNegative(instrumentsChecked, "instrumentsChecked", "data quality");
      Checks.nonNegative(barsChecked, "barsChecked", "data quality");
      byCheck = Values.list(byCheck, "byCheck", "data quality");
      worstIssues = Values.list(worstIssues, "worstIssues", "data quality");
    }
  }

  /**
   * Issues found by one data-quality check.
   *
   * @param check the check's name
   * @param issues how many issues, &gt;= 0
   */
  public record CheckCount(String check, long issues) {

    /** Validates the fields. */
    public CheckCount {
      Checks.notBlank(check, "check");
      Checks.nonNegative(issues, "issues", "check " + check);
    }
  }

  /**
   * One data-quality issue.
   *
   * @param instrumentId the instrument
   * @param date the trading day concerned
   * @param check the check that found it
   * @param severity how serious
   * @param detail what was found
   */
  public record Issue(String instrumentId, LocalDate date, String check, Severity severity, String detail) {

    /** Validates the fields. */
    public Issue {
      Checks.notBlank(instrumentId, "instrumentId");
      Checks.notNull(date, "date", "issue " + instrumentId);
      Checks.notBlank(check, "check", "issue " + instrumentId);
      Checks.notNull(severity, "severity", "issue " + instrumentId);
      Checks.notNull(detail, "detail", "issue " + instrumentId);
    }
  }
}
