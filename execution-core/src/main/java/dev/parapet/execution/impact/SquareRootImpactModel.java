package dev.parapet.execution.impact;

import dev.parapet.api.Checks;

/**
 * The square-root law of market impact: a metaorder of {@code Q} shares moves the price, on average,
 * by {@code Y * sigma * sqrt(Q / V)} as a fraction of the price, where {@code sigma} is the daily
 * volatility, {@code V} the daily volume and {@code Y} a constant of order one (Torre 1997, BARRA
 * Market Impact Model Handbook; Almgren et al. 2005; T&oacute;th et al. 2011, "Anomalous price impact
 * and the critical nature of liquidity", Phys. Rev. X 1).
 * <p>
 * The law describes a whole metaorder executed over a reasonable horizon: the expected cost of a
 * schedule is {@code X * S0 * Y * sigma * sqrt(X / V)} whatever the pace; the schedule enters the
 * estimate only through its timing risk.
 * <p>
 * This class is immutable and thread-safe.
 */
public final class SquareRootImpactModel implements ImpactModel {

  private final double y;

  private SquareRootImpactModel(double y) {
    this.y = Checks.positive(y, "Y");
  }

  /** Creates the model with the prefactor {@code Y > 0}. */
  public static SquareRootImpactModel of(double y) {
    return new SquareRootImpactModel(y);
  }

  @Override
  public String name() {
    return "square-root";
  }

  /** Returns the prefactor Y. */
  public double y() {
    return y;
  }

  /**
   * Returns the impact {@code Y * sigma * sqrt(Q / V)} as a fraction of the price.
   *
   * @param quantity the order size Q in shares, &gt;= 0
   * @param market the volatility and daily volume
   * @return the impact, a fraction (0.001 = 10 bps)
   */
  public double impact(double quantity, MarketConditions market) {
    Checks.nonNegative(quantity, "quantity");
    Checks.notNull(market, "market");
    return y * market.dailyVolatility() * Math.sqrt(quantity / market.averageDailyVolume());
  }

  /** Returns the impact in basis points. */
  public double impactBps(double quantity, MarketConditions market) {
    return impact(quantity, market) * 10_000.0;
  }

  @Override
  public double expectedCost(TradeSchedule schedule, MarketConditions market) {
    Checks.notNull(schedule, "schedule");
    double x = schedule.quantity();
    return x * market.price() * impact(x, market);
  }

  @Override
  public String toString() {
    return "SquareRootImpactModel{Y " + y + "}";
  }
}
