package dev.parapet.risk.es;

import dev.parapet.api.Checks;

/**
 * A location-scale Student-t distribution {@code X = location + scale * T_nu} fitted to a series by maximum
 * likelihood, with the maximised log-likelihood. Immutable and thread-safe.
 *
 * @param location the location (the mean when {@code nu > 1})
 * @param scale the scale, &gt; 0 (not the standard deviation, which is {@code scale * sqrt(nu / (nu - 2))})
 * @param degreesOfFreedom the degrees of freedom {@code nu}, &gt; 1
 * @param logLikelihood the maximised log-likelihood
 * @param observations the number of observations fitted
 */
public record StudentTFit(double location, double scale, double degreesOfFreedom, double logLikelihood,
    int observations) {

  /** Validates the fields. */
  public StudentTFit {
    Checks.finite(location, "location");
    Checks.positive(scale, "scale");
    Checks.check(degreesOfFreedom > 1 && Double.isFinite(degreesOfFreedom), "degreesOfFreedom", degreesOfFreedom,
        "a finite number > 1");
    Checks.finite(logLikelihood, "logLikelihood");
    Checks.positive(observations, "observations");
  }

  /**
   * Returns the value at risk of the loss {@code -X} at confidence {@code alpha}:
   * {@code -location + scale * t_nu^-1(alpha)}.
   */
  public double valueAtRisk(double alpha) {
    Checks.openUnitInterval(alpha, "alpha");
    double[] q = new double[1];
    Distributions.studentTStandardEs(degreesOfFreedom, alpha, q);
    return -location + scale * q[0];
  }

  /**
   * Returns the expected shortfall of the loss {@code -X} at confidence {@code alpha}:
   * {@code -location + scale * f_nu(q) / (1 - alpha) * (nu + q^2) / (nu - 1)} with {@code q = t_nu^-1(alpha)}
   * (McNeil, Frey and Embrechts 2015, Quantitative Risk Management, Section 2.3.4, Example 2.15).
   */
  public double expectedShortfall(double alpha) {
    Checks.openUnitInterval(alpha, "alpha");
    return -location + scale * Distributions.studentTStandardEs(degreesOfFreedom, alpha, new double[1]);
  }
}
