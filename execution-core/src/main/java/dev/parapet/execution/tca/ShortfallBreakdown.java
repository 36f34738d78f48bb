package dev.parapet.execution.tca;

/**
 * Perold's (1988) decomposition of implementation shortfall, shared by one order's {@link TcaResult}
 * and a day's {@link TcaSummary}: the parts in currency, and each in basis points of the paper notional.
 * Costs are positive; a negative part is a gain.
 */
public interface ShortfallBreakdown {

  /** Returns the paper portfolio's notional, {@code quantity * decision price * multiplier}. */
  double paperNotional();

  /** Returns the delay cost (decision to arrival), in currency. */
  double delayCost();

  /** Returns the timing cost (the market's drift while working), in currency. */
  double timingCost();

  /** Returns the impact cost (the executions against the market), in currency. */
  double impactCost();

  /** Returns the opportunity cost of the unfilled quantity, in currency. */
  double opportunityCost();

  /** Returns the fees, in currency. */
  double fees();

  /** Returns the implementation shortfall, the sum of the parts, in currency. */
  default double implementationShortfall() {
    return delayCost() + timingCost() + impactCost() + opportunityCost() + fees();
  }

  /** Returns the implementation shortfall in bps of the paper notional. */
  default double implementationShortfallBps() {
    return toBps(implementationShortfall());
  }

  /** Returns the delay cost in bps of the paper notional. */
  default double delayCostBps() {
    return toBps(delayCost());
  }

  /** Returns the timing cost in bps of the paper notional. */
  default double timingCostBps() {
    return toBps(timingCost());
  }

  /** Returns the impact cost in bps of the paper notional. */
  default double impactCostBps() {
    return toBps(impactCost());
  }

  /** Returns the opportunity cost in bps of the paper notional. */
  default double opportunityCostBps() {
    return toBps(opportunityCost());
  }

  /** Returns the fees in bps of the paper notional. */
  default double feesBps() {
    return toBps(fees());
  }

  /** Returns an amount in bps of the paper notional. */
  default double toBps(double amount) {
    return amount / paperNotional() * 10_000.0;
  }
}
