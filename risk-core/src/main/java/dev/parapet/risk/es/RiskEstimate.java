package dev.parapet.risk.es;

import dev.parapet.api.Checks;

/**
 * Value at risk and expected shortfall of one series at one confidence level, as losses (positive
 * numbers; a negative figure means the tail is a gain). Both are in the unit of the series (currency for
 * P&amp;L, a fraction for returns). Immutable and thread-safe.
 *
 * @param method the estimation method
 * @param confidence the confidence level alpha in (0, 1), e.g. 0.975
 * @param observations the number of observations the estimate used
 * @param var the value at risk, the alpha-quantile of the loss
 * @param es the expected shortfall, the mean loss beyond the alpha-quantile
 */
public record RiskEstimate(EsMethod method, double confidence, int observations, double var, double es) {

  /** Validates the fields. */
  public RiskEstimate {
    Checks.notNull(method, "method");
    Checks.openUnitInterval(confidence, "confidence");
    Checks.positive(observations, "observations");
    Checks.finite(var, "var", method.label());
    Checks.finite(es, "es", method.label());
  }
}
