package dev.parapet.execution.impact;

import dev.parapet.api.Checks;

/**
 * The linear impact model of Almgren and Chriss (2000, section 1.5): permanent impact
 * {@code g(v) = gamma * v} and temporary impact {@code h(n / tau) = epsilon * sgn(n) + (eta / tau) * n}.
 * <p>
 * Units (the paper's): {@code gamma} in currency per share per share, {@code eta} in currency per
 * share per (share per day), {@code epsilon} in currency per share (typically half the spread plus
 * fees). The expected cost of a schedule is (section 1.5)
 * <pre>
 *   E[x] = 1/2 gamma X^2 + epsilon sum |n_k| + (eta~ / tau) sum n_k^2,   eta~ = eta - gamma tau / 2
 * </pre>
 * which does not depend on the market conditions except through the schedule.
 * <p>
 * This class is immutable and thread-safe.
 */
public final class LinearImpactModel implements ImpactModel {

  private final double gamma;
  private final double eta;
  private final double epsilon;

  private LinearImpactModel(double gamma, double eta, double epsilon) {
    this.gamma = Checks.nonNegative(gamma, "gamma");
    this.eta = Checks.positive(eta, "eta");
    this.epsilon = Checks.nonNegative(epsilon, "epsilon");
  }

  /**
   * Creates the model.
   *
   * @param gamma permanent impact, currency per share per share, &gt;= 0
   * @param eta temporary impact, currency per share per (share per day), &gt; 0
   * @param epsilon fixed cost, currency per share, &gt;= 0
   * @return the model
   */
  public static LinearImpactModel of(double gamma, double eta, double epsilon) {
    return new LinearImpactModel(gamma, eta, epsilon);
  }

  /**
   * Creates the model from the rules of thumb of Almgren and Chriss (2000, section 3.4, the worked
   * example): the fixed cost is half the spread; trading 1% of the daily volume per day costs one
   * spread of temporary impact ({@code eta = spread / (0.01 V)}); trading 10% of the daily volume moves
   * the price permanently by one spread ({@code gamma = spread / (0.1 V)}).
   *
   * @param spread the bid-ask spread in currency, &gt; 0
   * @param averageDailyVolume the daily volume V in shares, &gt; 0
   * @return the model
   */
  public static LinearImpactModel ruleOfThumb(double spread, double averageDailyVolume) {
    Checks.positive(spread, "spread");
    Checks.positive(averageDailyVolume, "averageDailyVolume");
    return new LinearImpactModel(spread / (0.1 * averageDailyVolume), spread / (0.01 * averageDailyVolume),
        0.5 * spread);
  }

  @Override
  public String name() {
    return "almgren-chriss-linear";
  }

  /** Returns the permanent impact coefficient gamma. */
  public double gamma() {
    return gamma;
  }

  /** Returns the temporary impact coefficient eta. */
  public double eta() {
    return eta;
  }

  /** Returns the fixed cost epsilon. */
  public double epsilon() {
    return epsilon;
  }

  /**
   * Returns {@code eta~ = eta - gamma * tau / 2} for an interval of {@code tau} days (Almgren and
   * Chriss 2000, section 1.5); it must be positive for the discrete model to be well posed.
   */
  public double etaTilde(double intervalDays) {
    return eta - 0.5 * gamma * intervalDays;
  }

  @Override
  public double expectedCost(TradeSchedule schedule, MarketConditions market) {
    return expectedCost(schedule);
  }

  /** Returns the expected cost E[x] of a schedule, in currency; the linear model needs no market figures. */
  public double expectedCost(TradeSchedule schedule) {
    Checks.notNull(schedule, "schedule");
    double tau = schedule.intervalDays();
    double x = schedule.quantity();
    double absTrades = 0;
    double squaredTrades = 0;
    for (int k = 1; k <= schedule.intervals(); k++) {
      double n = schedule.trade(k);
      absTrades += Math.abs(n);
      squaredTrades += n * n;
    }
    return 0.5 * gamma * x * x + epsilon * absTrades + etaTilde(tau) / tau * squaredTrades;
  }

  @Override
  public String toString() {
    return "LinearImpactModel{gamma " + gamma + ", eta " + eta + ", epsilon " + epsilon + "}";
  }
}
