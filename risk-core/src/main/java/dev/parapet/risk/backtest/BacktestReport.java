package dev.parapet.risk.backtest;

import dev.parapet.api.Checks;

/**
 * Every backtest of one VaR/ES forecast history against realised P&amp;L. Immutable and thread-safe.
 *
 * @param observations the number of days
 * @param confidence the confidence level of the VaR and ES forecasts
 * @param exceptions the number of days the loss exceeded VaR
 * @param kupiec Kupiec's proportion-of-failures test (unconditional coverage)
 * @param independence Christoffersen's independence test
 * @param conditionalCoverage Christoffersen's conditional-coverage test (Kupiec plus independence)
 * @param z2 the Acerbi–Szekely Z2 test of ES
 * @param trafficLight the Basel traffic light
 */
public record BacktestReport(int observations, double confidence, int exceptions, LikelihoodRatioTest kupiec,
    LikelihoodRatioTest independence, LikelihoodRatioTest conditionalCoverage, Z2Test z2,
    TrafficLight trafficLight) {

  /** Validates the fields. */
  public BacktestReport {
    Checks.positive(observations, "observations");
    Checks.openUnitInterval(confidence, "confidence");
    Checks.notNull(kupiec, "kupiec");
    Checks.notNull(independence, "independence");
    Checks.notNull(conditionalCoverage, "conditionalCoverage");
    Checks.notNull(z2, "z2");
    Checks.notNull(trafficLight, "trafficLight");
  }

  /** Returns the observed exception rate, exceptions over observations. */
  public double exceptionRate() {
    return (double) exceptions / observations;
  }
}
