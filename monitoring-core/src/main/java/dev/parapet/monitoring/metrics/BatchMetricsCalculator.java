package dev.parapet.monitoring.metrics;

import dev.parapet.api.metrics.MetricsConfig;
import java.util.Arrays;

/**
 * The batch calculator: keeps the whole series and recomputes every statistic over it when a metric is read
 * after new returns (O(n log n) per refresh: a sort for the order statistics, two passes for the moments).
 * It is the reference the streaming calculator is tested against and the naive baseline it is benchmarked
 * against.
 * <ul>
 *   <li>Means by compensated summation, then sums of squared deviations by the corrected two-pass
 *       algorithm (Chan, Golub and LeVeque 1983, "Algorithms for computing the sample variance", eq. 1.7);
 *       an exactly constant series has a deviation of exactly 0.</li>
 *   <li>Order statistics from a sorted copy, interpolated as numpy.percentile does.</li>
 * </ul>
 * Not thread-safe: single writer.
 */
final class BatchMetricsCalculator extends AbstractMetricsCalculator {

  private double[] returns;
  private double[] benchmark;
  private double[] scratch;
  private int n;

  BatchMetricsCalculator(MetricsConfig config, int initialCapacity) {
    super(config);
    int capacity = Math.max(16, initialCapacity);
    this.returns = new double[capacity];
    this.benchmark = new double[config.hasBenchmark() ? capacity : 0];
    this.scratch = new double[capacity];
  }

  @Override
  void accept(double r, double b) {
    if (n == returns.length) {
      returns = Arrays.copyOf(returns, n * 2);
      if (config.hasBenchmark()) {
        benchmark = Arrays.copyOf(benchmark, n * 2);
      }
    }
    returns[n] = r;
    if (config.hasBenchmark()) {
      benchmark[n] = b;
    }
    n++;
    markDirty();
  }

  @Override
  public long count() {
    return n;
  }

  @Override
  public void reset() {
    n = 0;
    markDirty();
  }

  @Override
  void refreshAggregates() {
    Aggregates a = aggregates;
    a.n = n;
    double rf = config.riskFreeRate();
    a.meanR = mean(returns, n);
    a.m2R = sumSquaredDeviations(returns, n, a.meanR);

    CompensatedSum logWealth = new CompensatedSum();
    CompensatedSum downside = new CompensatedSum();
    CompensatedSum gains = new CompensatedSum();
    CompensatedSum losses = new CompensatedSum();
    double peak = 0;
    double minGap = 0;
    double gap = 0;
    long wins = 0;
    for (int i = 0; i < n; i++) {
      double r = returns[i];
      logWealth.add(FastLog.log1p(r));
      double lw = logWealth.value();
      peak = Math.max(peak, lw);
      gap = lw - peak;
      minGap = Math.min(minGap, gap);
      double excess = r - rf;
      if (excess < 0) {
        downside.add(excess * excess);
        losses.add(-excess);
      } else if (excess > 0) {
        gains.add(excess);
      }
      if (r > 0) {
        wins++;
      }
    }
    a.logWealth = logWealth.value();
    a.minGap = minGap;
    a.currentGap = gap;
    a.downsideSquares = downside.value();
    a.gainsAboveRf = gains.value();
    a.lossesBelowRf = losses.value();
    a.wins = wins;

    if (n > 0) {
      if (scratch.length < n) {
        scratch = new double[returns.length];
      }
      System.arraycopy(returns, 0, scratch, 0, n);
      Arrays.sort(scratch, 0, n);
      a.p01 = Percentiles.ofSorted(scratch, n, Percentiles.Q_VAR99);
      a.p05 = Percentiles.ofSorted(scratch, n, Percentiles.Q_LEFT);
      a.p95 = Percentiles.ofSorted(scratch, n, Percentiles.Q_RIGHT);
      // empyrical conditional_value_at_risk: the mean of the int((n - 1) * cutoff) + 1 smallest returns
      int tail = Percentiles.lowerRank(n, Percentiles.Q_ES975) + 1;
      CompensatedSum tailSum = new CompensatedSum();
      for (int i = 0; i < tail; i++) {
        tailSum.add(scratch[i]);
      }
      a.tailMean975 = tailSum.value() / tail;
    }

    if (config.hasBenchmark()) {
      a.meanB = mean(benchmark, n);
      a.m2B = sumSquaredDeviations(benchmark, n, a.meanB);
      CompensatedSum co = new CompensatedSum();
      for (int i = 0; i < n; i++) {
        co.add((returns[i] - a.meanR) * (benchmark[i] - a.meanB));
      }
      a.coMoment = co.value();
      double[] active = new double[n];
      for (int i = 0; i < n; i++) {
        active[i] = returns[i] - benchmark[i];
      }
      a.meanA = mean(active, n);
      a.m2A = sumSquaredDeviations(active, n, a.meanA);
    }
  }

  private static double mean(double[] x, int n) {
    if (n == 0) {
      return 0;
    }
    if (isConstant(x, n)) {
      return x[0];
    }
    CompensatedSum s = new CompensatedSum();
    for (int i = 0; i < n; i++) {
      s.add(x[i]);
    }
    return s.value() / n;
  }

  private static double sumSquaredDeviations(double[] x, int n, double mean) {
    if (n < 2 || isConstant(x, n)) {
      return 0;
    }
    CompensatedSum squares = new CompensatedSum();
    CompensatedSum deviations = new CompensatedSum();
    for (int i = 0; i < n; i++) {
      double d = x[i] - mean;
      squares.add(d * d);
      deviations.add(d);
    }
    double e = deviations.value();
    return squares.value() - e * e / n;
  }

  private static boolean isConstant(double[] x, int n) {
    for (int i = 1; i < n; i++) {
      if (x[i] != x[0]) {
        return false;
      }
    }
    return true;
  }

  @Override
  public String toString() {
    return "BatchMetricsCalculator{n=" + n + ", " + config + "}";
  }
}
