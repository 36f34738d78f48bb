package dev.parapet.risk.internal;

/**
 * Sample moments of a series: mean, standard deviation with the {@code n - 1} divisor, and the moment
 * skewness {@code g1 = m3 / m2^(3/2)} and excess kurtosis {@code g2 = m4 / m2^2 - 3} with central moments
 * {@code m_k = (1/n) sum (x - mean)^k} (Joanes and Gill 1998, "Comparing measures of sample skewness and
 * kurtosis", The Statistician 47(1), the b1/g1 and g2 estimators). Immutable and thread-safe.
 *
 * @param n the number of observations
 * @param mean the sample mean
 * @param standardDeviation the sample standard deviation, {@code n - 1} divisor
 * @param skewness the moment skewness g1 (0 when the series is constant)
 * @param excessKurtosis the moment excess kurtosis g2 (0 when the series is constant)
 */
public record Moments(int n, double mean, double standardDeviation, double skewness, double excessKurtosis) {

  /** Computes the moments of {@code x}, negated first when {@code negate} is true (losses from P&amp;L). */
  public static Moments of(double[] x, boolean negate) {
    int n = x.length;
    double sign = negate ? -1 : 1;
    double sum = 0;
    for (double v : x) {
      sum += sign * v;
    }
    double mean = sum / n;
    double m2 = 0;
    double m3 = 0;
    double m4 = 0;
    for (double v : x) {
      double d = sign * v - mean;
      double d2 = d * d;
      m2 += d2;
      m3 += d2 * d;
      m4 += d2 * d2;
    }
    double sd = n > 1 ? Math.sqrt(m2 / (n - 1)) : 0;
    m2 /= n;
    m3 /= n;
    m4 /= n;
    double skew = m2 > 0 ? m3 / Math.pow(m2, 1.5) : 0;
    double kurt = m2 > 0 ? m4 / (m2 * m2) - 3 : 0;
    return new Moments(n, mean, sd, skew, kurt);
  }
}
