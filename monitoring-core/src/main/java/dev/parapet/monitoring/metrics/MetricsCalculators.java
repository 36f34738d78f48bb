package dev.parapet.monitoring.metrics;

import dev.parapet.api.Checks;
import dev.parapet.api.metrics.MetricsCalculator;
import dev.parapet.api.metrics.MetricsConfig;
import dev.parapet.api.metrics.MetricsSnapshot;

/**
 * Builds {@link MetricsCalculator}s: streaming (for live monitoring: O(log n) per return, allocation-free,
 * O(1) to read) or batch (keeps the series and recomputes on read), and computes a one-off snapshot of a
 * whole series. Both kinds follow the conventions documented on {@link dev.parapet.api.metrics.Metric} and
 * agree to 1e-12 relative.
 */
public final class MetricsCalculators {

  /** The capacity a calculator starts with when none is given: one year of daily returns, rounded up. */
  public static final int DEFAULT_CAPACITY = 256;

  private MetricsCalculators() {
  }

  /** Returns a streaming calculator with the default initial capacity. */
  public static MetricsCalculator streaming(MetricsConfig config) {
    return streaming(config, DEFAULT_CAPACITY);
  }

  /**
   * Returns a streaming calculator.
   *
   * @param config the configuration
   * @param expectedCount the number of returns to preallocate order-statistic storage for (32 bytes each);
   *     beyond it the storage doubles, which allocates
   */
  public static MetricsCalculator streaming(MetricsConfig config, int expectedCount) {
    return new StreamingMetricsCalculator(config, Checks.positive(expectedCount, "expectedCount"));
  }

  /** Returns a batch calculator: it keeps every return and recomputes over them when read. */
  public static MetricsCalculator batch(MetricsConfig config) {
    return new BatchMetricsCalculator(config, DEFAULT_CAPACITY);
  }

  /**
   * Computes the metrics of a whole series without a benchmark (the config's benchmark flag is ignored; beta,
   * alpha, information ratio and tracking error are absent).
   *
   * @throws dev.parapet.api.InvalidValueException if a return is NaN, infinite or &lt;= -1, naming its position
   */
  public static MetricsSnapshot compute(MetricsConfig config, double[] returns) {
    Checks.notNull(config, "config");
    Checks.notNull(returns, "returns");
    BatchMetricsCalculator c = new BatchMetricsCalculator(
        new MetricsConfig(config.periodsPerYear(), config.riskFreeRate(), false), returns.length);
    c.addAll(returns);
    return c.snapshot();
  }

  /**
   * Computes the metrics of a whole series against a benchmark series of the same length; the config is
   * switched to {@link MetricsConfig#withBenchmark()} if it was not.
   *
   * @throws dev.parapet.api.InvalidValueException if the lengths differ or a return is NaN, infinite or &lt;= -1
   */
  public static MetricsSnapshot compute(MetricsConfig config, double[] returns, double[] benchmarkReturns) {
    Checks.notNull(returns, "returns");
    Checks.notNull(benchmarkReturns, "benchmarkReturns");
    BatchMetricsCalculator c = new BatchMetricsCalculator(config.withBenchmark(), returns.length);
    c.addAll(returns, benchmarkReturns);
    return c.snapshot();
  }
}
