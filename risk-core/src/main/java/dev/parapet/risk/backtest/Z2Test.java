package dev.parapet.risk.backtest;

import dev.parapet.api.Checks;

/**
 * The outcome of the Acerbi–Szekely Z2 test of expected shortfall: the statistic (0 in expectation when
 * the ES forecasts are right, negative when risk was underestimated) and its one-sided p-value
 * {@code P(Z2 <= observed)} under the null, estimated by simulation. Immutable and thread-safe.
 *
 * @param statistic the Z2 statistic
 * @param pValue the simulated p-value in (0, 1]
 * @param simulations the number of simulated histories behind the p-value
 * @param seed the seed of the simulation
 */
public record Z2Test(double statistic, double pValue, int simulations, long seed) {

  /**
   * The 5% critical value of Z2, about -0.70, stable across the distributions Acerbi and Szekely studied
   * (Acerbi and Szekely 2014, "Backtesting expected shortfall", Risk, December, Table 2).
   */
  public static final double CRITICAL_VALUE_5_PERCENT = -0.70;
  /** The 0.01% critical value of Z2, about -1.8 (Acerbi and Szekely 2014, Table 2). */
  public static final double CRITICAL_VALUE_0_01_PERCENT = -1.8;

  /** Validates the fields. */
  public Z2Test {
    Checks.finite(statistic, "statistic");
    Checks.inRange(pValue, 0, 1, "pValue");
    Checks.positive(simulations, "simulations");
  }

  /** Returns true when the null hypothesis is rejected at significance level {@code significance}. */
  public boolean rejects(double significance) {
    return pValue < significance;
  }
}
