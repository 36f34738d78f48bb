package dev.parapet.monitoring.metrics;

import dev.parapet.api.metrics.Metric;
import dev.parapet.api.metrics.MetricsConfig;

/**
 * The closed forms that turn {@link Aggregates} into metrics, with empyrical's conventions (documented on
 * each {@link Metric} constant). {@link #computeAll} writes NaN for an absent metric; it never escapes a
 * calculator: callers turn it into an empty optional or a {@link dev.parapet.api.metrics.MetricUnavailableException}
 * with {@link #absenceReason}.
 */
final class MetricFormulas {

  /** empyrical's {@code beta_aligned} treats a benchmark variance below this as zero. */
  static final double MIN_BENCHMARK_VARIANCE = 1.0e-30;

  private MetricFormulas() {
  }

  /**
   * Computes every metric into {@code out}, indexed by {@link Metric#ordinal()}, NaN for absent ones. Shared
   * intermediates (deviations, the annual return, the maximum drawdown, sqrt(P)) are computed once.
   */
  // hot path: allocation-free (see MetricsUpdateBenchmark)
  static void computeAll(MetricsConfig c, Aggregates a, double[] out) {
    long n = a.n;
    double p = c.periodsPerYear();
    double sqrtP = Math.sqrt(p);
    double rf = c.riskFreeRate();
    double excessMean = a.meanR - rf;
    double perN = 1.0 / n;
    double perDof = 1.0 / (n - 1);
    double sd = n < 2 ? Double.NaN : Math.sqrt(a.m2R * perDof);
    double annual = n < 1 ? Double.NaN : FastLog.expm1(a.logWealth * p * perN);
    // the deepest gap changes only at a new trough: reuse its transform otherwise
    if (a.minGap != a.cachedMinGap) {
      a.cachedMinGap = a.minGap;
      a.cachedMaxDrawdown = FastLog.expm1(a.minGap);
    }
    double maxDrawdown = n < 1 ? Double.NaN : a.cachedMaxDrawdown;
    double dd = n < 2 ? 0 : Math.sqrt(a.downsideSquares * perN);
    double beta = beta(c, a);
    double te = !c.hasBenchmark() || n < 2 ? Double.NaN : Math.sqrt(a.m2A * perDof);

    out[Metric.TOTAL_RETURN.ordinal()] = n < 1 ? Double.NaN : FastLog.expm1(a.logWealth);
    out[Metric.ANNUAL_RETURN.ordinal()] = annual;
    out[Metric.ANNUAL_VOLATILITY.ordinal()] = sd * sqrtP;
    out[Metric.SHARPE_RATIO.ordinal()] = sd == 0 ? Double.NaN : excessMean / sd * sqrtP;
    out[Metric.SORTINO_RATIO.ordinal()] = dd == 0 ? Double.NaN : excessMean * p / (dd * sqrtP);
    out[Metric.CALMAR_RATIO.ordinal()] = a.minGap == 0 ? Double.NaN : annual / -maxDrawdown;
    out[Metric.OMEGA_RATIO.ordinal()] = n < 2 || a.lossesBelowRf == 0 ? Double.NaN : a.gainsAboveRf / a.lossesBelowRf;
    out[Metric.MAX_DRAWDOWN.ordinal()] = maxDrawdown;
    out[Metric.CURRENT_DRAWDOWN.ordinal()] = n < 1 ? Double.NaN : FastLog.expm1(a.currentGap);
    out[Metric.VALUE_AT_RISK_99.ordinal()] = n < 1 ? Double.NaN : -a.p01;
    out[Metric.EXPECTED_SHORTFALL_975.ordinal()] = n < 1 ? Double.NaN : -a.tailMean975;
    out[Metric.BETA.ordinal()] = beta;
    out[Metric.ALPHA.ordinal()] = Double.isNaN(beta) ? Double.NaN
        : FastLog.expm1(p * FastLog.log1p(excessMean - beta * (a.meanB - rf)));
    out[Metric.INFORMATION_RATIO.ordinal()] = te == 0 ? Double.NaN : a.meanA / te * sqrtP;
    out[Metric.TRACKING_ERROR.ordinal()] = te * sqrtP;
    out[Metric.TAIL_RATIO.ordinal()] = n < 1 || a.p05 == 0 ? Double.NaN : Math.abs(a.p95) / Math.abs(a.p05);
    out[Metric.WIN_RATE.ordinal()] = n < 1 ? Double.NaN : a.wins * perN;
    for (int i = 0; i < out.length; i++) {
      if (!Double.isFinite(out[i])) {
        out[i] = Double.NaN;
      }
    }
  }

  private static double beta(MetricsConfig c, Aggregates a) {
    if (!c.hasBenchmark() || a.n < 2 || a.m2B / a.n < MIN_BENCHMARK_VARIANCE) {
      return Double.NaN;
    }
    return a.coMoment / a.m2B;
  }

  /** Says why a metric is absent; call only when {@link #computeAll} gave NaN for it. */
  static String absenceReason(Metric metric, MetricsConfig c, Aggregates a) {
    long n = a.n;
    if (metric.needsBenchmark() && !c.hasBenchmark()) {
      return "no benchmark series was given";
    }
    int needed = needsTwo(metric) ? 2 : 1;
    if (n < needed) {
      return "needs at least " + needed + " return" + (needed > 1 ? "s" : "") + ", have " + n;
    }
    switch (metric) {
      case SHARPE_RATIO:
        return "the sample standard deviation of returns is 0 (n=" + n + ")";
      case SORTINO_RATIO:
        return "the downside deviation is 0: no return is below the risk-free rate " + c.riskFreeRate();
      case CALMAR_RATIO:
        return a.minGap == 0 ? "the maximum drawdown is 0" : "the annual return is not finite";
      case OMEGA_RATIO:
        return "no return is below the threshold (risk-free rate " + c.riskFreeRate() + ")";
      case BETA:
        return "the benchmark's variance is below " + MIN_BENCHMARK_VARIANCE;
      case ALPHA:
        return Double.isNaN(beta(c, a)) ? "beta is absent: the benchmark's variance is below "
            + MIN_BENCHMARK_VARIANCE : "the per-period alpha is <= -100%, its annualisation is undefined";
      case INFORMATION_RATIO:
        return "the tracking error is 0";
      case TAIL_RATIO:
        return "the 5th percentile of returns is 0";
      default:
        return "the value is not finite (overflow over n=" + n + " returns)";
    }
  }

  private static boolean needsTwo(Metric m) {
    switch (m) {
      case ANNUAL_VOLATILITY:
      case SHARPE_RATIO:
      case SORTINO_RATIO:
      case OMEGA_RATIO:
      case BETA:
      case ALPHA:
      case INFORMATION_RATIO:
      case TRACKING_ERROR:
        return true;
      default:
        return false;
    }
  }
}
