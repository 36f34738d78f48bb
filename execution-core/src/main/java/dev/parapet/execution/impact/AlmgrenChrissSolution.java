package dev.parapet.execution.impact;

import dev.parapet.api.Checks;

/**
 * An Almgren–Chriss optimal trajectory with its figures, see {@link AlmgrenChriss}.
 * <p>
 * This class is immutable and thread-safe.
 *
 * @param schedule the holdings {@code x_0..x_N} and trades
 * @param kappa the urgency kappa, per day
 * @param etaTilde {@code eta - gamma tau / 2}
 * @param lambda the risk aversion, per currency unit
 * @param expectedCost E[x], in currency
 * @param variance V[x], in currency squared
 */
public record AlmgrenChrissSolution(TradeSchedule schedule, double kappa, double etaTilde, double lambda,
    double expectedCost, double variance) {

  /** Validates the fields. */
  public AlmgrenChrissSolution {
    Checks.notNull(schedule, "schedule");
    Checks.nonNegative(kappa, "kappa");
    Checks.positive(etaTilde, "etaTilde");
    Checks.nonNegative(lambda, "lambda");
    Checks.finite(expectedCost, "expectedCost");
    Checks.nonNegative(variance, "variance");
  }

  /** Returns the half-life {@code 1 / kappa} of the trade in days (section 2.3); infinite when kappa is 0. */
  public double halfLifeDays() {
    return kappa == 0 ? Double.POSITIVE_INFINITY : 1.0 / kappa;
  }

  /** Returns the objective {@code E[x] + lambda V[x]}. */
  public double objective() {
    return expectedCost + lambda * variance;
  }
}
