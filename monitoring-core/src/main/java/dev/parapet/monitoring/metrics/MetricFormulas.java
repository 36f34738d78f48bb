package dev.parapet.monitoring.metrics;

import dev.parapet.api.metrics.Metric;
import dev.parapet.api.metrics.MetricsConfig;

/**
 * The closed forms that turn {@link Aggregates} into metrics, with empyrical's conventions (documented on
 * each {@link Metric} constant). {@link #value} returns NaN for an absent metric; it never escapes a
 * calculator: callers turn it into an empty optional or a {@link dev.parapet.api.metrics.MetricUnavailableException}
 * with {@link #absenceReason}.
 */
final class MetricFormulas {

  /** empyrical's {@code beta_aligned} treats a benchmark variance below this as zero. */
  static final double MIN_BENCHMARK_VARIANCE = 1.0e-30;

  private MetricFormulas() {
  }

  // hot path: allocation-free (see MetricsUpdateBenchmark)
  static double value(Metric metric, MetricsConfig c, Aggregates a) {
    long n = a.n;
    double p = c.periodsPerYear();
    double rf = c.riskFreeRate();
    double v;
    switch (metric) {
      case TOTAL_RETURN:
        v = n < 1 ? Double.NaN : FastLog.expm1(a.logWealth);
        break;
      case ANNUAL_RETURN:
        v = n < 1 ? Double.NaN : FastLog.expm1(a.logWealth * p / n);
        break;
      case ANNUAL_VOLATILITY:
        v = n < 2 ? Double.NaN : Math.sqrt(a.m2R / (n - 1)) * Math.sqrt(p);
        break;
      case SHARPE_RATIO: {
        double sd = n < 2 ? 0 : Math.sqrt(a.m2R / (n - 1));
        v = sd == 0 ? Double.NaN : (a.meanR - rf) / sd * Math.sqrt(p);
        break;
      }
      case SORTINO_RATIO: {
        double dd = n < 2 ? 0 : Math.sqrt(a.downsideSquares / n);
        v = dd == 0 ? Double.NaN : (a.meanR - rf) * p / (dd * Math.sqrt(p));
        break;
      }
      case CALMAR_RATIO:
        v = n < 1 || a.minGap == 0 ? Double.NaN : FastLog.expm1(a.logWealth * p / n) / -FastLog.expm1(a.minGap);
        break;
      case OMEGA_RATIO:
        v = n < 2 || a.lossesBelowRf == 0 ? Double.NaN : a.gainsAboveRf / a.lossesBelowRf;
        break;
      case MAX_DRAWDOWN:
        v = n < 1 ? Double.NaN : FastLog.expm1(a.minGap);
        break;
      case CURRENT_DRAWDOWN:
        v = n < 1 ? Double.NaN : FastLog.expm1(a.currentGap);
        break;
      case VALUE_AT_RISK_99:
        v = n < 1 ? Double.NaN : -a.p01;
        break;
      case EXPECTED_SHORTFALL_975:
        v = n < 1 ? Double.NaN : -a.tailMean975;
        break;
      case BETA:
        v = beta(c, a);
        break;
      case ALPHA: {
        double beta = beta(c, a);
        v = Double.isNaN(beta) ? Double.NaN
            : FastLog.expm1(p * FastLog.log1p((a.meanR - rf) - beta * (a.meanB - rf)));
        break;
      }
      case INFORMATION_RATIO: {
        double te = !c.hasBenchmark() || n < 2 ? 0 : Math.sqrt(a.m2A / (n - 1));
        v = te == 0 ? Double.NaN : a.meanA / te * Math.sqrt(p);
        break;
      }
      case TRACKING_ERROR:
        v = !c.hasBenchmark() || n < 2 ? Double.NaN : Math.sqrt(a.m2A / (n - 1)) * Math.sqrt(p);
        break;
      case TAIL_RATIO:
        v = n < 1 || a.p05 == 0 ? Double.NaN : Math.abs(a.p95) / Math.abs(a.p05);
        break;
      case WIN_RATE:
        v = n < 1 ? Double.NaN : (double) a.wins / n;
        break;
      default:
        throw new IllegalArgumentException("unknown metric " + metric);
    }
    return Double.isFinite(v) ? v : Double.NaN;
  }

  private static double beta(MetricsConfig c, Aggregates a) {
    if (!c.hasBenchmark() || a.n < 2 || a.m2B / a.n < MIN_BENCHMARK_VARIANCE) {
      return Double.NaN;
    }
    return a.coMoment / a.m2B;
  }

  /** Says why a metric is absent; call only when {@link #value} returned NaN. */
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
