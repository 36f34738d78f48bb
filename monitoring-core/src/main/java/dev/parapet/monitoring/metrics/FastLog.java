package dev.parapet.monitoring.metrics;

/**
 * {@code log1p} and {@code expm1} accurate to a few ulps, built on the JIT-intrinsic {@link Math#log} and
 * {@link Math#exp}: on JDK 17 {@link Math#log1p} and {@link Math#expm1} are native fdlibm calls, about three
 * times slower, and the metric update calls one per return.
 * <ul>
 *   <li>{@code log1p(x) = log(u) * x / (u - 1)} with {@code u = 1 + x}: the rounding error of {@code u}
 *       cancels in the ratio (Goldberg 1991, "What every computer scientist should know about floating-point
 *       arithmetic", ACM Computing Surveys 23(1), Theorem 4; Higham 2002, Accuracy and Stability of Numerical
 *       Algorithms, 2nd ed., section 1.14.1).</li>
 *   <li>{@code expm1(x) = (u - 1) * x / log(u)} with {@code u = exp(x)}, Kahan's companion trick (Higham 2002,
 *       section 1.14.1 and problem 1.5); for {@code |x| < 0.03} the Taylor series to the ninth power, whose
 *       truncation error is far below an ulp.</li>
 * </ul>
 */
final class FastLog {

  /** Below this magnitude expm1 sums its Taylor series instead of calling exp and log. */
  private static final double SERIES_LIMIT = 0.03;
  private static final double C2 = 1.0 / 2;
  private static final double C3 = 1.0 / 6;
  private static final double C4 = 1.0 / 24;
  private static final double C5 = 1.0 / 120;
  private static final double C6 = 1.0 / 720;
  private static final double C7 = 1.0 / 5040;
  private static final double C8 = 1.0 / 40320;
  private static final double C9 = 1.0 / 362880;

  private FastLog() {
  }

  /** Returns {@code log(1 + x)}; NaN for x &lt; -1, -infinity for x = -1. */
  static double log1p(double x) {
    double u = 1.0 + x;
    if (u == 1.0) {
      return x;
    }
    if (u == Double.POSITIVE_INFINITY) {
      return Math.log(x);
    }
    return Math.log(u) * (x / (u - 1.0));
  }

  /** Returns {@code exp(x) - 1}. */
  static double expm1(double x) {
    if (Math.abs(x) < SERIES_LIMIT) {
      // Taylor series to x^9/9!, Horner form; the truncation error is below |x|^10/10! < 1.7e-22 |x|
      return x * (1 + x * (C2 + x * (C3 + x * (C4 + x * (C5 + x * (C6 + x * (C7 + x * (C8 + x * C9))))))));
    }
    double u = Math.exp(x);
    if (u == 1.0) {
      return x;
    }
    double um1 = u - 1.0;
    if (um1 == -1.0) {
      return -1.0;
    }
    if (u == Double.POSITIVE_INFINITY) {
      return u;
    }
    return um1 * (x / Math.log(u));
  }
}
