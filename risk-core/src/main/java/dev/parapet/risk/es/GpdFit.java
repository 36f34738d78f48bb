package dev.parapet.risk.es;

import dev.parapet.api.Checks;
import dev.parapet.risk.EstimationException;

/**
 * A generalised Pareto tail fitted by maximum likelihood to the losses above a threshold (peaks over
 * threshold). The excess {@code y = L - u} of a loss over the threshold {@code u} has distribution function
 * {@code G(y) = 1 - (1 + xi y / beta)^(-1/xi)} ({@code 1 - exp(-y / beta)} when {@code xi = 0}).
 * Immutable and thread-safe.
 *
 * @param threshold the threshold {@code u}, a loss (positive number)
 * @param shape the shape {@code xi}
 * @param scale the scale {@code beta}, &gt; 0
 * @param exceedances the number of losses above the threshold, {@code N_u}
 * @param observations the number of observations {@code n}
 * @param logLikelihood the maximised log-likelihood of the excesses
 */
public record GpdFit(double threshold, double shape, double scale, int exceedances, int observations,
    double logLikelihood) {

  /** Validates the fields. */
  public GpdFit {
    Checks.finite(threshold, "threshold");
    Checks.finite(shape, "shape");
    Checks.positive(scale, "scale");
    Checks.positive(exceedances, "exceedances");
    Checks.check(observations >= exceedances, "observations", observations, ">= exceedances " + exceedances);
    Checks.finite(logLikelihood, "logLikelihood");
  }

  /**
   * Returns the value at risk at confidence {@code alpha}:
   * {@code u + (beta / xi) [((n / N_u)(1 - alpha))^(-xi) - 1]}, or {@code u + beta ln(N_u / (n (1 - alpha)))}
   * when {@code xi = 0} (McNeil, Frey and Embrechts 2015, Quantitative Risk Management, Section 5.2.3,
   * eq. 5.19; McNeil and Frey 2000, J. Empirical Finance 7, eq. 10). Valid for
   * {@code 1 - alpha <= N_u / n}, i.e. beyond the threshold.
   */
  public double valueAtRisk(double alpha) {
    Checks.openUnitInterval(alpha, "alpha");
    Checks.check((1 - alpha) * observations <= exceedances * (1 + 1e-12), "alpha", alpha,
        "beyond the threshold: 1 - alpha <= exceedances / observations = " + exceedances + "/" + observations);
    double logRatio = Math.log((double) observations * (1 - alpha) / exceedances);
    if (Math.abs(shape) < 1e-12) {
      return threshold - scale * logRatio;
    }
    return threshold + scale / shape * Math.expm1(-shape * logRatio);
  }

  /**
   * Returns the expected shortfall at confidence {@code alpha}:
   * {@code VaR / (1 - xi) + (beta - xi u) / (1 - xi)} (McNeil, Frey and Embrechts 2015, Section 5.2.3,
   * eq. 5.20; McNeil and Frey 2000, eq. 11).
   *
   * @throws EstimationException if {@code xi >= 1}, when the tail has no finite mean
   */
  public double expectedShortfall(double alpha) {
    if (shape >= 1) {
      throw new EstimationException("GPD tail has shape xi = " + shape + " >= 1: its expected shortfall is infinite");
    }
    return valueAtRisk(alpha) / (1 - shape) + (scale - shape * threshold) / (1 - shape);
  }
}
