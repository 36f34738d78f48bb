package dev.parapet.api.metrics;

/**
 * Computes the seventeen {@link Metric}s of a return series fed one period at a time.
 * <p>
 * Implementations differ in cost, not in results: a streaming calculator updates running moments and order
 * statistics in O(log n) per return without rescanning history, a batch calculator keeps the series and
 * recomputes over it; both give the same numbers to 1e-12 relative. Metrics cover every return added since
 * creation or the last {@link #reset()} (an expanding window).
 * <p>
 * Bad input fails at the boundary: a NaN, infinite or &lt;= -1 return throws an
 * {@link dev.parapet.api.InvalidValueException} naming the return's position and leaves the calculator
 * unchanged. A metric that cannot be computed is absent (see {@link Metric} for each rule), never NaN.
 * <p>
 * Implementations are single-writer: not thread-safe; confine each to one thread or guard it, and publish
 * {@link #snapshot()}s (immutable) to readers.
 */
public interface MetricsCalculator {

  /** Returns the configuration: periods per year, risk-free rate, benchmark or not. */
  MetricsConfig config();

  /**
   * Adds one period's return (calculators configured without a benchmark).
   *
   * @param periodReturn the simple return of the period, e.g. 0.01 for 1%; finite and &gt; -1
   * @throws IllegalStateException if the calculator expects a benchmark return with every return
   */
  void add(double periodReturn);

  /**
   * Adds one period's return and the benchmark's return over the same period (calculators configured with a
   * benchmark).
   *
   * @param periodReturn the simple return of the period; finite and &gt; -1
   * @param benchmarkReturn the benchmark's simple return over the same period; finite and &gt; -1
   * @throws IllegalStateException if the calculator was configured without a benchmark
   */
  void add(double periodReturn, double benchmarkReturn);

  /** Adds returns in order (no benchmark). */
  default void addAll(double[] periodReturns) {
    for (double r : periodReturns) {
      add(r);
    }
  }

  /** Adds aligned returns and benchmark returns in order; the arrays must have equal lengths. */
  default void addAll(double[] periodReturns, double[] benchmarkReturns) {
    if (periodReturns.length != benchmarkReturns.length) {
      throw new dev.parapet.api.InvalidValueException("benchmarkReturns.length",
          Integer.toString(benchmarkReturns.length), "equal to returns.length " + periodReturns.length, null);
    }
    for (int i = 0; i < periodReturns.length; i++) {
      add(periodReturns[i], benchmarkReturns[i]);
    }
  }

  /** Returns the number of returns added. */
  long count();

  /** Returns true if the metric can be computed from the returns so far. */
  boolean isPresent(Metric metric);

  /**
   * Returns the current value of a metric.
   *
   * @throws MetricUnavailableException if it is absent, with the reason
   */
  double get(Metric metric);

  /** Returns the metric's value, or {@code fallback} when it is absent; allocation-free. */
  default double getOrDefault(Metric metric, double fallback) {
    return isPresent(metric) ? get(metric) : fallback;
  }

  /** Returns all seventeen metrics as an immutable snapshot. */
  MetricsSnapshot snapshot();

  /** Forgets every return, keeping the configuration (and, for streaming calculators, the buffers). */
  void reset();
}
