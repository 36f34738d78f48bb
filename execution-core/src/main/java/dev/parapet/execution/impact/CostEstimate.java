package dev.parapet.execution.impact;

import dev.parapet.api.Checks;

/**
 * A pre-trade cost estimate: the expected implementation shortfall of a schedule and its standard
 * deviation, in currency and in basis points of the order's arrival notional.
 * <p>
 * Sign convention: a positive cost is a loss against the arrival price (a buy paid more, a sell
 * received less).
 * <p>
 * This class is immutable and thread-safe.
 *
 * @param notional the arrival notional {@code X * S0}, in currency, &gt; 0
 * @param expectedCost the expected cost E[x], in currency
 * @param standardDeviation the standard deviation sqrt(V[x]) of the cost, in currency, &gt;= 0
 */
public record CostEstimate(double notional, double expectedCost, double standardDeviation) {

  /** Validates the fields. */
  public CostEstimate {
    Checks.positive(notional, "notional");
    Checks.finite(expectedCost, "expectedCost");
    Checks.nonNegative(standardDeviation, "standardDeviation");
  }

  /** Returns the variance V[x], in currency squared. */
  public double variance() {
    return standardDeviation * standardDeviation;
  }

  /** Returns the expected cost in basis points of the notional. */
  public double expectedCostBps() {
    return expectedCost / notional * 10_000.0;
  }

  /** Returns the standard deviation in basis points of the notional. */
  public double standardDeviationBps() {
    return standardDeviation / notional * 10_000.0;
  }
}
