package dev.parapet.monitoring.metrics;

/**
 * numpy's default ("linear") percentile arithmetic, shared by the streaming and batch calculators so that
 * both pick the same order statistics: the virtual index of quantile {@code q} among {@code n} sorted values
 * is {@code (n - 1) * q}; the result interpolates between the order statistics on either side (numpy
 * {@code lib/function_base.py}, {@code _quantile} and {@code _lerp}; Hyndman and Fan 1996, definition 7).
 */
final class Percentiles {

  /** The quantile of VaR 99%: the 1st percentile of returns. */
  static final double Q_VAR99 = 0.01;
  /** The cut-off of expected shortfall 97.5%: the worst 2.5% of returns. */
  static final double Q_ES975 = 0.025;
  /** The left tail of the tail ratio. */
  static final double Q_LEFT = 0.05;
  /** The right tail of the tail ratio. */
  static final double Q_RIGHT = 0.95;

  private Percentiles() {
  }

  /** Returns the virtual index {@code (n - 1) * q}. */
  static double virtualIndex(long n, double q) {
    return (n - 1) * q;
  }

  /** Returns the 0-based rank of the order statistic at or below the virtual index. */
  static int lowerRank(long n, double q) {
    return (int) Math.floor(virtualIndex(n, q));
  }

  /**
   * Interpolates between neighbouring order statistics {@code a <= b} at fraction {@code t} in [0, 1) the way
   * numpy's {@code _lerp} does (from {@code b} downwards when {@code t >= 0.5}, for symmetry).
   */
  static double lerp(double a, double b, double t) {
    double diff = b - a;
    return t >= 0.5 ? b - diff * (1 - t) : a + diff * t;
  }

  /** Returns the {@code q}-quantile of a sorted array of {@code n} values. */
  static double ofSorted(double[] sorted, int n, double q) {
    double v = virtualIndex(n, q);
    int lo = (int) Math.floor(v);
    int hi = Math.min(lo + 1, n - 1);
    return lerp(sorted[lo], sorted[hi], v - lo);
  }
}
