package dev.parapet.reporting;

import dev.parapet.api.Checks;

/**
 * Options of the default report generator.
 * <p>
 * This class is immutable and thread-safe.
 *
 * @param topContributors how many component-ES contributors the report lists, &gt; 0
 * @param topMovers how many winners and how many losers the report lists, &gt; 0
 */
public record ReportOptions(int topContributors, int topMovers) {

  /** Validates the fields. */
  public ReportOptions {
    Checks.positive(topContributors, "topContributors");
    Checks.positive(topMovers, "topMovers");
  }

  /** Returns the defaults: 10 contributors, 5 winners and 5 losers. */
  public static ReportOptions defaults() {
    return new ReportOptions(10, 5);
  }
}
