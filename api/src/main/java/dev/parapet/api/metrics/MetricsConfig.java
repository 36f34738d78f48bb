package dev.parapet.api.metrics;

import dev.parapet.api.Checks;

/**
 * How a {@link MetricsCalculator} reads its returns: how many periods make a year, the per-period risk-free
 * rate, and whether every period comes with a benchmark return.
 * <p>
 * empyrical's annualisation factors are 252 for daily, 52 for weekly and 12 for monthly returns; minute
 * returns over a regular 6.5-hour session are {@code 252 * 390 = 98,280} periods a year
 * ({@link #MINUTES_PER_YEAR}). This class is immutable and thread-safe.
 *
 * @param periodsPerYear the annualisation factor P, finite and &gt; 0
 * @param riskFreeRate the risk-free rate per period (not per year), finite and &gt; -1; it is also the
 *     minimum acceptable return of Sortino and the threshold of Omega
 * @param hasBenchmark true when every return is added together with a benchmark return; beta, alpha,
 *     information ratio and tracking error are absent otherwise
 */
public record MetricsConfig(double periodsPerYear, double riskFreeRate, boolean hasBenchmark) {

  /** Trading days a year, empyrical's {@code APPROX_BDAYS_PER_YEAR}. */
  public static final double DAYS_PER_YEAR = 252;
  /** Minutes of regular trading a year: 252 sessions of 390 minutes (NYSE 09:30-16:00). */
  public static final double MINUTES_PER_YEAR = 252 * 390;

  /** Validates the fields. */
  public MetricsConfig {
    Checks.positive(periodsPerYear, "periodsPerYear");
    Checks.finite(riskFreeRate, "riskFreeRate");
    Checks.check(riskFreeRate > -1, "riskFreeRate", riskFreeRate, "> -1 (a per-period rate)");
  }

  /** Returns the configuration for daily returns: 252 periods a year, zero risk-free rate, no benchmark. */
  public static MetricsConfig daily() {
    return new MetricsConfig(DAYS_PER_YEAR, 0, false);
  }

  /** Returns the configuration for a number of periods a year, zero risk-free rate, no benchmark. */
  public static MetricsConfig of(double periodsPerYear) {
    return new MetricsConfig(periodsPerYear, 0, false);
  }

  /** Returns a copy with another per-period risk-free rate. */
  public MetricsConfig withRiskFreeRate(double perPeriodRate) {
    return new MetricsConfig(periodsPerYear, perPeriodRate, hasBenchmark);
  }

  /** Returns a copy that expects a benchmark return with every return. */
  public MetricsConfig withBenchmark() {
    return new MetricsConfig(periodsPerYear, riskFreeRate, true);
  }
}
