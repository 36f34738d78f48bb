package dev.parapet.execution.impact;

import dev.parapet.api.Checks;

/**
 * The equity impact model of Almgren, Thum, Hauptmann and Li (2005), "Direct Estimation of Equity
 * Market Impact", Risk 18(7), sections 3 and 4, as fractions of the arrival price:
 * <pre>
 *   permanent  I = gamma * sigma * (X / V) * (Theta / V)^(1/4)
 *   temporary  K = eta * sigma * |X / (V T)|^(3/5)
 *   realised   J = I / 2 + K
 * </pre>
 * where {@code X} is the order size, {@code V} the daily volume, {@code Theta} the shares outstanding,
 * {@code T} the execution time in days and {@code sigma} the daily volatility. The paper's fitted
 * coefficients are {@code gamma = 0.314} and {@code eta = 0.142} ({@link #paperCoefficients()}).
 * <p>
 * For a schedule of trades {@code n_k} in intervals of {@code tau} days the expected cost is
 * {@code S0 * (I X / 2 + sum n_k eta sigma (n_k / (V tau))^(3/5))}: the permanent part is that of
 * continuous trading (half the final impact on average), and the temporary part is paid interval by
 * interval at that interval's rate; for a constant rate it is {@code J * X * S0}.
 * <p>
 * This class is immutable and thread-safe.
 */
public final class AlmgrenThumImpactModel implements ImpactModel {

  /** The exponent of the temporary impact in the trading rate, 3/5 (section 4.2). */
  public static final double TEMPORARY_EXPONENT = 0.6;
  /** The exponent of the turnover factor {@code Theta / V} in the permanent impact, 1/4 (section 4.2). */
  public static final double TURNOVER_EXPONENT = 0.25;

  private final double gamma;
  private final double eta;

  private AlmgrenThumImpactModel(double gamma, double eta) {
    this.gamma = Checks.nonNegative(gamma, "gamma");
    this.eta = Checks.nonNegative(eta, "eta");
  }

  /** Creates the model with the given dimensionless coefficients. */
  public static AlmgrenThumImpactModel of(double gamma, double eta) {
    return new AlmgrenThumImpactModel(gamma, eta);
  }

  /** Creates the model with the paper's coefficients {@code gamma = 0.314}, {@code eta = 0.142}. */
  public static AlmgrenThumImpactModel paperCoefficients() {
    return new AlmgrenThumImpactModel(0.314, 0.142);
  }

  @Override
  public String name() {
    return "almgren-thum-hauptmann-li-2005";
  }

  /** Returns the permanent coefficient gamma. */
  public double gamma() {
    return gamma;
  }

  /** Returns the temporary coefficient eta. */
  public double eta() {
    return eta;
  }

  /**
   * Returns the permanent impact {@code I} of an order of {@code quantity} shares, a fraction of price.
   *
   * @throws dev.parapet.api.InvalidValueException if the shares outstanding are not given
   */
  public double permanentImpact(double quantity, MarketConditions market) {
    Checks.nonNegative(quantity, "quantity");
    Checks.notNull(market, "market");
    Checks.check(market.sharesOutstanding().isPresent(), "sharesOutstanding", "empty",
        "present for the Almgren-Thum-Hauptmann-Li model");
    double v = market.averageDailyVolume();
    return gamma * market.dailyVolatility() * (quantity / v)
        * Math.pow(market.sharesOutstanding().getAsDouble() / v, TURNOVER_EXPONENT);
  }

  /**
   * Returns the temporary impact {@code K} of trading {@code quantity} shares at a constant rate over
   * {@code durationDays}, a fraction of price.
   */
  public double temporaryImpact(double quantity, double durationDays, MarketConditions market) {
    Checks.nonNegative(quantity, "quantity");
    Checks.positive(durationDays, "durationDays");
    Checks.notNull(market, "market");
    return eta * market.dailyVolatility()
        * Math.pow(quantity / (market.averageDailyVolume() * durationDays), TEMPORARY_EXPONENT);
  }

  /** Returns the realised cost {@code J = I / 2 + K} of a constant-rate execution, a fraction of price. */
  public double realizedCost(double quantity, double durationDays, MarketConditions market) {
    return 0.5 * permanentImpact(quantity, market) + temporaryImpact(quantity, durationDays, market);
  }

  @Override
  public double expectedCost(TradeSchedule schedule, MarketConditions market) {
    Checks.notNull(schedule, "schedule");
    double x = schedule.quantity();
    double tau = schedule.intervalDays();
    double temporary = 0;
    for (int k = 1; k <= schedule.intervals(); k++) {
      double n = Math.abs(schedule.trade(k));
      if (n > 0) {
        temporary += n * temporaryImpact(n, tau, market);
      }
    }
    return market.price() * (0.5 * permanentImpact(x, market) * x + temporary);
  }

  @Override
  public String toString() {
    return "AlmgrenThumImpactModel{gamma " + gamma + ", eta " + eta + "}";
  }
}
