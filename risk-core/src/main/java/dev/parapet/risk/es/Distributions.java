package dev.parapet.risk.es;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.TDistribution;

/** Standard normal and Student-t quantiles and densities (commons-math3). */
final class Distributions {

  private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution(null, 0, 1);
  private static final double INV_SQRT_2PI = 1.0 / Math.sqrt(2 * Math.PI);

  private Distributions() {
  }

  static double normalQuantile(double p) {
    return STANDARD_NORMAL.inverseCumulativeProbability(p);
  }

  static double normalDensity(double z) {
    return INV_SQRT_2PI * Math.exp(-0.5 * z * z);
  }

  /**
   * Returns the expected shortfall of the standard Student-t with {@code nu > 1} degrees of freedom at
   * confidence {@code alpha}: {@code f(q) / (1 - alpha) * (nu + q^2) / (nu - 1)} with
   * {@code q = t_nu^-1(alpha)} (McNeil, Frey and Embrechts 2015, Quantitative Risk Management, Section 2.3.4,
   * Example 2.15). {@code out[0]} receives q.
   */
  static double studentTStandardEs(double nu, double alpha, double[] out) {
    TDistribution t = new TDistribution(null, nu, 1e-14);
    double q = t.inverseCumulativeProbability(alpha);
    out[0] = q;
    return t.density(q) / (1 - alpha) * (nu + q * q) / (nu - 1);
  }
}
