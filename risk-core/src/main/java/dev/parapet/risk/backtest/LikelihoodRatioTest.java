package dev.parapet.risk.backtest;

import dev.parapet.api.Checks;

/**
 * The outcome of a likelihood-ratio test: the statistic {@code -2 ln(L0 / L1)}, asymptotically chi-squared
 * with {@code degreesOfFreedom} under the null hypothesis, and its p-value. Immutable and thread-safe.
 *
 * @param name the test, e.g. {@code kupiec-pof}
 * @param statistic the LR statistic, &gt;= 0
 * @param degreesOfFreedom the chi-squared degrees of freedom
 * @param pValue the probability of a statistic at least this large under the null, in [0, 1]
 */
public record LikelihoodRatioTest(String name, double statistic, int degreesOfFreedom, double pValue) {

  /** Validates the fields. */
  public LikelihoodRatioTest {
    Checks.notBlank(name, "name");
    Checks.nonNegative(statistic, "statistic", name);
    Checks.positive(degreesOfFreedom, "degreesOfFreedom");
    Checks.inRange(pValue, 0, 1, "pValue", name);
  }

  /** Returns true when the null hypothesis is rejected at significance level {@code significance}. */
  public boolean rejects(double significance) {
    return pValue < significance;
  }
}
