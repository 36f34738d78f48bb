package dev.parapet.execution.impact;

import dev.parapet.api.Checks;

/**
 * A market impact model: the expected cost of executing a trade schedule.
 * <p>
 * Costs are positive numbers in currency (a loss against the arrival price). The timing risk of a
 * schedule is model-independent: with an arithmetic random walk of price volatility
 * {@code sigma = dailyVolatility * price}, the cost variance is {@code sigma^2 * tau * sum x_k^2}
 * (Almgren and Chriss 2000, section 1.4), which {@link #estimate} adds to the model's expected cost.
 * <p>
 * Implementations are immutable and thread-safe.
 */
public interface ImpactModel {

  /** Returns a short name, e.g. {@code almgren-chriss-linear}. */
  String name();

  /**
   * Returns the expected cost of a schedule, in currency.
   *
   * @param schedule the schedule of holdings
   * @param market the arrival price, volatility and volume
   * @return the expected cost, positive for a loss
   */
  double expectedCost(TradeSchedule schedule, MarketConditions market);

  /**
   * Returns the pre-trade estimate of a schedule: the expected cost and the standard deviation of the
   * cost from price risk while the schedule is worked, in currency and basis points.
   */
  default CostEstimate estimate(TradeSchedule schedule, MarketConditions market) {
    Checks.notNull(schedule, "schedule");
    Checks.notNull(market, "market");
    double sigma = market.priceVolatility();
    double variance = sigma * sigma * schedule.holdingsSquaredTime();
    return new CostEstimate(schedule.quantity() * market.price(), expectedCost(schedule, market),
        Math.sqrt(variance));
  }
}
