package dev.parapet.risk.crowding;

import dev.parapet.api.Checks;

/**
 * Concentration of a set of exposures, measured on absolute weights {@code w_i = |x_i| / sum_j |x_j|}.
 * Immutable and thread-safe.
 *
 * @param count the number of non-zero exposures
 * @param hhi the Herfindahl–Hirschman index {@code sum w_i^2}, in [1/count, 1] (0 for an empty book)
 * @param effectiveN the effective number of positions {@code 1 / hhi} (0 for an empty book)
 * @param gini the Gini coefficient of the absolute weights of the non-zero exposures, in [0, 1)
 * @param topN the N of the top-N share
 * @param topNShare the share of the N largest absolute weights, in [0, 1]
 */
public record ConcentrationMetrics(int count, double hhi, double effectiveN, double gini, int topN, double topNShare) {

  /** Validates the fields. */
  public ConcentrationMetrics {
    Checks.check(count >= 0, "count", count, ">= 0");
    Checks.inRange(hhi, 0, 1 + 1e-12, "hhi");
    Checks.nonNegative(effectiveN, "effectiveN");
    Checks.inRange(gini, 0, 1, "gini");
    Checks.positive(topN, "topN");
    Checks.inRange(topNShare, 0, 1 + 1e-12, "topNShare");
  }
}
