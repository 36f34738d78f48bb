package dev.parapet.risk.tail;

import dev.parapet.api.Checks;

/**
 * Empirical lower and upper tail dependence of two series at a quantile. Immutable and thread-safe.
 *
 * @param lower the share of one series' {@code k} lowest observations that are also among the other's
 *     {@code k} lowest, in [0, 1]
 * @param upper the same for the {@code k} highest observations, in [0, 1]
 * @param quantile the quantile {@code q} in (0, 0.5]
 * @param tailCount {@code k = floor(q n)}, the observations in each marginal tail
 * @param observations {@code n}
 */
public record TailDependenceEstimate(double lower, double upper, double quantile, int tailCount, int observations) {

  /** Validates the fields. */
  public TailDependenceEstimate {
    Checks.inRange(lower, 0, 1, "lower");
    Checks.inRange(upper, 0, 1, "upper");
    Checks.inRange(quantile, Double.MIN_VALUE, 0.5, "quantile");
    Checks.positive(tailCount, "tailCount");
    Checks.check(observations >= tailCount, "observations", observations, ">= tailCount " + tailCount);
  }

  /** Returns the larger of the lower and upper coefficients. */
  public double max() {
    return Math.max(lower, upper);
  }
}
