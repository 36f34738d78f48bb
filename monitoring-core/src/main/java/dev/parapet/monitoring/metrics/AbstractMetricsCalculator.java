package dev.parapet.monitoring.metrics;

import dev.parapet.api.Checks;
import dev.parapet.api.InvalidValueException;
import dev.parapet.api.metrics.Metric;
import dev.parapet.api.metrics.MetricUnavailableException;
import dev.parapet.api.metrics.MetricsCalculator;
import dev.parapet.api.metrics.MetricsConfig;
import dev.parapet.api.metrics.MetricsSnapshot;

/**
 * What the streaming and batch calculators share: input validation at the boundary, the benchmark rule,
 * and turning {@link Aggregates} into values, absences and snapshots. Subclasses keep their own state and
 * refresh the aggregates on demand.
 */
abstract class AbstractMetricsCalculator implements MetricsCalculator {

  private static final Metric[] METRICS = Metric.values();

  final MetricsConfig config;
  final Aggregates aggregates = new Aggregates();
  /** Every metric's value (NaN when absent), computed once per change of the series. */
  private final double[] values = new double[METRICS.length];
  private boolean dirty = true;

  AbstractMetricsCalculator(MetricsConfig config) {
    this.config = Checks.notNull(config, "config");
  }

  @Override
  public final MetricsConfig config() {
    return config;
  }

  @Override
  public final void add(double periodReturn) {
    if (config.hasBenchmark()) {
      throw new IllegalStateException("this calculator expects a benchmark return with every return: call "
          + "add(periodReturn, benchmarkReturn)");
    }
    checkReturn(periodReturn, "periodReturn");
    accept(periodReturn, 0);
  }

  @Override
  public final void add(double periodReturn, double benchmarkReturn) {
    if (!config.hasBenchmark()) {
      throw new IllegalStateException("this calculator was configured without a benchmark: call add(periodReturn)"
          + " or configure it with MetricsConfig.withBenchmark()");
    }
    checkReturn(periodReturn, "periodReturn");
    checkReturn(benchmarkReturn, "benchmarkReturn");
    accept(periodReturn, benchmarkReturn);
  }

  private void checkReturn(double r, String field) {
    // hot path: allocation-free unless the value is rejected
    if (!(r > -1) || r == Double.POSITIVE_INFINITY) {
      throw new InvalidValueException(field, Double.toString(r), "a finite number > -1",
          "return #" + (count() + 1));
    }
  }

  /** Accepts one validated return (and benchmark return, 0 when there is none). */
  abstract void accept(double r, double b);

  /** Brings {@link #aggregates} up to date with every accepted return. */
  abstract void refreshAggregates();

  /** Records that the series changed; values are recomputed on the next read. */
  final void markDirty() {
    dirty = true;
  }

  // hot path: allocation-free (see MetricsUpdateBenchmark)
  private void refresh() {
    if (dirty) {
      refreshAggregates();
      MetricFormulas.computeAll(config, aggregates, values);
      dirty = false;
    }
  }

  @Override
  public final boolean isPresent(Metric metric) {
    refresh();
    return !Double.isNaN(values[metric.ordinal()]);
  }

  @Override
  public final double get(Metric metric) {
    refresh();
    double v = values[metric.ordinal()];
    if (Double.isNaN(v)) {
      throw new MetricUnavailableException(metric, MetricFormulas.absenceReason(metric, config, aggregates));
    }
    return v;
  }

  @Override
  public final double getOrDefault(Metric metric, double fallback) {
    refresh();
    double v = values[metric.ordinal()];
    return Double.isNaN(v) ? fallback : v;
  }

  @Override
  public final MetricsSnapshot snapshot() {
    refresh();
    String[] reasons = new String[METRICS.length];
    for (Metric m : METRICS) {
      if (Double.isNaN(values[m.ordinal()])) {
        reasons[m.ordinal()] = MetricFormulas.absenceReason(m, config, aggregates);
      }
    }
    return MetricsSnapshot.of(config, aggregates.n, values, reasons);
  }
}
