package dev.parapet.monitoring.metrics;

import dev.parapet.api.metrics.MetricsConfig;

/**
 * The streaming calculator: every metric from running statistics, without rescanning history.
 * <ul>
 *   <li>Means by Neumaier-compensated sums; second moments of r, of b and of the active return r - b, and the r-b co-moment, by Welford's
 *       update (Welford 1962, Technometrics 4(3); co-moment as in Chan, Golub and LeVeque 1983, and
 *       Pébay 2008, SAND2008-6212, eq. 3.12).</li>
 *   <li>Log wealth {@code sum log1p(r)}, downside squares and Omega's partial sums with Neumaier-compensated
 *       summation; the running log peak and the deepest gap below it give both drawdowns.</li>
 *   <li>VaR 99%, ES 97.5% and the tail ratio's 5th and 95th percentiles from four {@link QuantileTracker}s
 *       (exact order statistics, O(log n) per return, 8 bytes per return each).</li>
 * </ul>
 * Per return: O(1) for the moments and sums, O(log n) worst case for the order statistics; reading any metric
 * is O(1). Nothing is allocated unless the series outgrows the initial capacity (the order-statistic heaps
 * then double). Not thread-safe: single writer.
 */
final class StreamingMetricsCalculator extends AbstractMetricsCalculator {

  private final QuantileTracker var99;
  private final QuantileTracker es975;
  private final QuantileTracker left;
  private final QuantileTracker right;
  private final CompensatedSum logWealth = new CompensatedSum();
  private final CompensatedSum downside = new CompensatedSum();
  private final CompensatedSum gains = new CompensatedSum();
  private final CompensatedSum losses = new CompensatedSum();
  private final CompensatedSum sumR = new CompensatedSum();
  private final CompensatedSum sumB = new CompensatedSum();
  private final CompensatedSum sumA = new CompensatedSum();
  private long n;
  private long wins;
  private double meanR;
  private double m2R;
  private double meanB;
  private double m2B;
  private double coMoment;
  private double meanA;
  private double m2A;
  private double peak;
  private double minGap;
  private double currentGap;

  StreamingMetricsCalculator(MetricsConfig config, int initialCapacity) {
    super(config);
    this.var99 = new QuantileTracker(Percentiles.Q_VAR99, initialCapacity, false);
    this.es975 = new QuantileTracker(Percentiles.Q_ES975, initialCapacity, true);
    this.left = new QuantileTracker(Percentiles.Q_LEFT, initialCapacity, false);
    this.right = new QuantileTracker(Percentiles.Q_RIGHT, initialCapacity, false);
  }

  // hot path: allocation-free (see MetricsUpdateBenchmark)
  @Override
  void accept(double r, double b) {
    long k = ++n;
    double inv = 1.0 / k;
    double dr = r - meanR;
    meanR += dr * inv;
    m2R += dr * (r - meanR);
    sumR.add(r);
    if (config.hasBenchmark()) {
      sumB.add(b);
      double db = b - meanB;
      meanB += db * inv;
      m2B += db * (b - meanB);
      coMoment += dr * (b - meanB);
      double active = r - b;
      double da = active - meanA;
      meanA += da * inv;
      m2A += da * (active - meanA);
      sumA.add(active);
    }
    logWealth.add(FastLog.log1p(r));
    double lw = logWealth.value();
    if (lw > peak) {
      peak = lw;
    }
    currentGap = lw - peak;
    if (currentGap < minGap) {
      minGap = currentGap;
    }
    double excess = r - config.riskFreeRate();
    if (excess < 0) {
      downside.add(excess * excess);
      losses.add(-excess);
    } else if (excess > 0) {
      gains.add(excess);
    }
    if (r > 0) {
      wins++;
    }
    var99.add(r);
    es975.add(r);
    left.add(r);
    right.add(r);
    markDirty();
  }

  @Override
  void refreshAggregates() {
    Aggregates a = aggregates;
    a.n = n;
    // the reported means come from compensated sums, which keep a near-zero mean accurate to a few ulps of the
    // terms; Welford's running means serve the second moments only
    a.meanR = n == 0 ? 0 : sumR.value() / n;
    a.m2R = m2R;
    a.meanB = n == 0 ? 0 : sumB.value() / n;
    a.m2B = m2B;
    a.coMoment = coMoment;
    a.meanA = n == 0 ? 0 : sumA.value() / n;
    a.m2A = m2A;
    a.logWealth = logWealth.value();
    a.minGap = minGap;
    a.currentGap = currentGap;
    a.downsideSquares = downside.value();
    a.gainsAboveRf = gains.value();
    a.lossesBelowRf = losses.value();
    a.wins = wins;
    if (n > 0) {
      a.p01 = var99.quantile();
      a.tailMean975 = es975.lowerTailMean();
      a.p05 = left.quantile();
      a.p95 = right.quantile();
    }
  }

  @Override
  public long count() {
    return n;
  }

  @Override
  public void reset() {
    n = 0;
    wins = 0;
    meanR = 0;
    m2R = 0;
    meanB = 0;
    m2B = 0;
    coMoment = 0;
    meanA = 0;
    m2A = 0;
    peak = 0;
    minGap = 0;
    currentGap = 0;
    logWealth.reset();
    downside.reset();
    gains.reset();
    losses.reset();
    sumR.reset();
    sumB.reset();
    sumA.reset();
    var99.reset();
    es975.reset();
    left.reset();
    right.reset();
    markDirty();
  }

  @Override
  public String toString() {
    return "StreamingMetricsCalculator{n=" + n + ", " + config + "}";
  }
}
