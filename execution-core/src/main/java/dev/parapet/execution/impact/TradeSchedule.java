package dev.parapet.execution.impact;

import dev.parapet.api.Checks;
import java.util.Arrays;

/**
 * A trade schedule in the notation of Almgren and Chriss (2000, section 1.1): holdings
 * {@code x_0 = X, x_1, ..., x_N = 0} still to trade at the times {@code t_k = k * tau}, and the trade
 * in interval {@code k} is {@code n_k = x_(k-1) - x_k}.
 * <p>
 * Quantities are unsigned shares still to trade (the side does not change costs, which are positive
 * numbers); {@code tau} is in trading days. Holdings need not be monotone.
 * <p>
 * This class is immutable and thread-safe.
 */
public final class TradeSchedule {

  private final double intervalDays;
  private final double[] holdings;

  private TradeSchedule(double intervalDays, double[] holdings) {
    this.intervalDays = Checks.positive(intervalDays, "intervalDays");
    Checks.check(holdings.length >= 2, "holdings.length", holdings.length, ">= 2 (x_0 and x_N)");
    for (int k = 0; k < holdings.length; k++) {
      Checks.finite(holdings[k], "holdings[" + k + "]");
    }
    Checks.positive(holdings[0], "holdings[0]");
    Checks.check(holdings[holdings.length - 1] == 0.0, "holdings[N]", holdings[holdings.length - 1],
        "0 (the schedule completes)");
    this.holdings = holdings;
  }

  /**
   * Creates a schedule from holdings {@code x_0..x_N}.
   *
   * @param intervalDays the interval length tau in trading days, &gt; 0
   * @param holdings the holdings, {@code x_0 > 0} first and {@code x_N = 0} last; copied
   * @return the schedule
   */
  public static TradeSchedule ofHoldings(double intervalDays, double[] holdings) {
    Checks.notNull(holdings, "holdings");
    return new TradeSchedule(intervalDays, holdings.clone());
  }

  /**
   * Creates a schedule from trades {@code n_1..n_N}; holdings are {@code X} minus the cumulative trades.
   *
   * @param intervalDays the interval length tau in trading days, &gt; 0
   * @param trades the trade in each interval; their sum {@code X} must be &gt; 0
   * @return the schedule
   */
  public static TradeSchedule ofTrades(double intervalDays, double[] trades) {
    Checks.notNull(trades, "trades");
    Checks.check(trades.length >= 1, "trades.length", trades.length, ">= 1");
    double total = 0;
    for (int k = 0; k < trades.length; k++) {
      total += Checks.finite(trades[k], "trades[" + k + "]");
    }
    double[] x = new double[trades.length + 1];
    x[0] = total;
    double remaining = total;
    for (int k = 0; k < trades.length; k++) {
      remaining -= trades[k];
      x[k + 1] = remaining;
    }
    x[trades.length] = 0.0;
    return new TradeSchedule(intervalDays, x);
  }

  /**
   * Creates the straight-line (TWAP) schedule: {@code X / N} shares in each of {@code N} intervals over
   * {@code T} days, Almgren and Chriss (2000, section 2.1, "minimum impact" strategy).
   */
  public static TradeSchedule linear(double shares, double horizonDays, int intervals) {
    Checks.positive(shares, "shares");
    Checks.positive(horizonDays, "horizonDays");
    Checks.positive(intervals, "intervals");
    double[] x = new double[intervals + 1];
    for (int k = 0; k <= intervals; k++) {
      x[k] = shares * (intervals - k) / intervals;
    }
    return new TradeSchedule(horizonDays / intervals, x);
  }

  /** Returns the interval length tau in trading days. */
  public double intervalDays() {
    return intervalDays;
  }

  /** Returns the number of intervals N. */
  public int intervals() {
    return holdings.length - 1;
  }

  /** Returns the horizon {@code T = N * tau} in trading days. */
  public double horizonDays() {
    return intervalDays * intervals();
  }

  /** Returns the total quantity {@code X = x_0}. */
  public double quantity() {
    return holdings[0];
  }

  /** Returns the holding {@code x_k}, for {@code k} in {@code [0, N]}. */
  public double holding(int k) {
    return holdings[k];
  }

  /** Returns the trade {@code n_k = x_(k-1) - x_k}, for {@code k} in {@code [1, N]}. */
  public double trade(int k) {
    Checks.check(k >= 1 && k <= intervals(), "k", k, "in [1, " + intervals() + "]");
    return holdings[k - 1] - holdings[k];
  }

  /** Returns a copy of the holdings {@code x_0..x_N}. */
  public double[] holdings() {
    return holdings.clone();
  }

  /** Returns a copy of the trades {@code n_1..n_N}. */
  public double[] trades() {
    double[] n = new double[intervals()];
    for (int k = 1; k <= n.length; k++) {
      n[k - 1] = holdings[k - 1] - holdings[k];
    }
    return n;
  }

  /**
   * Returns {@code tau * sum_(k=1..N) x_k^2}, in share&sup2;&middot;days: times the price variance per
   * day it is the variance of the cost (Almgren and Chriss 2000, section 1.4, equation for V[x]).
   */
  public double holdingsSquaredTime() {
    double s = 0;
    for (int k = 1; k < holdings.length; k++) {
      s += holdings[k] * holdings[k];
    }
    return s * intervalDays;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TradeSchedule && ((TradeSchedule) o).intervalDays == intervalDays
        && Arrays.equals(((TradeSchedule) o).holdings, holdings);
  }

  @Override
  public int hashCode() {
    return Double.hashCode(intervalDays) * 31 + Arrays.hashCode(holdings);
  }

  @Override
  public String toString() {
    return "TradeSchedule{tau " + intervalDays + " d, holdings " + Arrays.toString(holdings) + "}";
  }
}
