package dev.parapet.monitoring.metrics;

/**
 * The sufficient statistics every metric is computed from. The streaming calculator fills it from running
 * state, the batch calculator from a pass over the stored series; {@link MetricFormulas} turns it into the
 * seventeen metrics. Mutable; confined to its calculator.
 */
final class Aggregates {

  long n;
  /** Mean of r. */
  double meanR;
  /** Sum of squared deviations of r from its mean. */
  double m2R;
  /** log W_n = sum log1p(r). */
  double logWealth;
  /** min_t (log W_t - max_{s<=t} log W_s), with log W_0 = 0; 0 or negative. */
  double minGap;
  /** log W_n - max_{s<=n} log W_s; 0 or negative. */
  double currentGap;
  /** sum min(r - rf, 0)^2. */
  double downsideSquares;
  /** sum max(r - rf, 0). */
  double gainsAboveRf;
  /** sum max(rf - r, 0). */
  double lossesBelowRf;
  /** Number of r &gt; 0. */
  long wins;
  /** percentile(r, 1). */
  double p01;
  /** percentile(r, 5). */
  double p05;
  /** percentile(r, 95). */
  double p95;
  /** Mean of the floor((n - 1) * 0.025) + 1 smallest r. */
  double tailMean975;
  /** Mean of b. */
  double meanB;
  /** Sum of squared deviations of b. */
  double m2B;
  /** Co-moment sum (r - mean r)(b - mean b). */
  double coMoment;
  /** Mean of the active return a = r - b. */
  double meanA;
  /** Sum of squared deviations of a. */
  double m2A;
  /** The {@link #minGap} whose drawdown transform is cached in {@link #cachedMaxDrawdown}. */
  double cachedMinGap;
  /** expm1(cachedMinGap). */
  double cachedMaxDrawdown;
}
