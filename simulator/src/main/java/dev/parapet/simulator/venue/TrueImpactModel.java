package dev.parapet.simulator.venue;

import dev.parapet.api.Checks;

/**
 * The simulated venue's true market impact: temporary and permanent, both square-root in size. Execution
 * code never sees it; it only sees the prices it gets.
 * <p>
 * <b>Temporary impact</b> (paid by the aggressive fill, gone at the next fill): a market-taking fill of
 * {@code q} units in a minute whose expected market volume is {@code V}, after {@code c} units already
 * taken in the same minute, is priced at {@code ask * (1 + I)} for a buy and {@code bid * (1 - I)} for a
 * sell, with the average price concession
 * <pre>  I = eta * sigma * ((c + q)^1.5 - c^1.5) / (q * sqrt(V))</pre>
 * which is {@code eta * sigma * sqrt(q / V)} for the first fill of the minute: the instantaneous cost
 * {@code eta * sigma * (v / V)^0.5} in the participation rate {@code v / V} of Almgren, Thum, Hauptmann &amp;
 * Li, "Direct Estimation of Equity Market Impact", Risk 18(7), 2005, §2 (with the exponent 1/2 of the
 * square-root law, Tóth et al., "Anomalous Price Impact and the Critical Nature of Liquidity in Financial
 * Markets", Phys. Rev. X 1, 021006, 2011), charged so that splitting a minute's trading into several
 * fills costs the same as one fill. {@code I} is capped at 0.5 as a guard against absurd configurations.
 * <p>
 * <b>Permanent impact</b> (moves the mid for good): with {@code Q} the net signed quantity the venue has
 * filled in the instrument during the session (buys positive; passive fills count too), each fill moves
 * the log mid by {@code gamma * sigma * (g(Q_after) - g(Q_before))} with
 * {@code g(x) = sign(x) sqrt(|x| / ADV)}, so a parent order of total size {@code Q} leaves a permanent
 * impact of {@code gamma * sigma * sqrt(Q / ADV)} however it was sliced. {@code Q} restarts at 0 each
 * session; the price moves it caused stay.
 * <p>
 * Here {@code sigma} is the instrument's daily volatility in the current regime
 * ({@code annualVolatility / sqrt(252)} times the regime's volatility multiplier), {@code ADV} its calm
 * average daily volume and {@code V} the expected market volume of the current minute,
 * {@code ADV * volume multiplier of the regime * intraday profile weight of the minute}.
 * <p>
 * This class is immutable and thread-safe.
 *
 * @param eta the temporary impact coefficient, finite and &gt;= 0
 * @param gamma the permanent impact coefficient, finite and &gt;= 0
 */
public record TrueImpactModel(double eta, double gamma) {

  private static final double MAX_CONCESSION = 0.5;

  /** Validates the coefficients. */
  public TrueImpactModel {
    Checks.nonNegative(eta, "eta");
    Checks.nonNegative(gamma, "gamma");
  }

  /**
   * Returns the default model, {@code eta = 0.15}, {@code gamma = 0.10}. Almgren et al. (2005) estimated
   * {@code eta = 0.142} for their 3/5 exponent; {@code gamma} is set well below their 0.314 (a linear
   * permanent term). An order worked over a day at a steady rate then costs about
   * {@code (eta + 2 gamma / 3) sigma sqrt(Q / ADV) = 0.22 sigma sqrt(Q / ADV)} in impact, below the
   * prefactor of order 1 that Tóth et al. (2011) report: a deliberately gentle market, in which orders of
   * a few percent of ADV worked patiently cost a few basis points. Raise both for a harsher one.
   */
  public static TrueImpactModel defaults() {
    return new TrueImpactModel(0.15, 0.10);
  }

  /** Returns a model without impact. */
  public static TrueImpactModel none() {
    return new TrueImpactModel(0.0, 0.0);
  }

  /**
   * Returns the temporary price concession {@code I} as a fraction of the touch price.
   *
   * @param dailyVolatility {@code sigma}, the daily volatility of log returns
   * @param alreadyTaken {@code c}, units already taken in the minute, &gt;= 0
   * @param quantity {@code q}, units of this fill, &gt; 0
   * @param minuteVolume {@code V}, the expected market volume of the minute, &gt; 0
   * @return the concession, in [0, 0.5]
   */
  public double temporaryImpact(double dailyVolatility, double alreadyTaken, double quantity, double minuteVolume) {
    double before = alreadyTaken * Math.sqrt(alreadyTaken);
    double after = (alreadyTaken + quantity) * Math.sqrt(alreadyTaken + quantity);
    double concession = eta * dailyVolatility * (after - before) / (quantity * Math.sqrt(minuteVolume));
    return Math.min(concession, MAX_CONCESSION);
  }

  /**
   * Returns the permanent move of the log mid caused by a fill that takes the session's net signed
   * quantity from {@code netBefore} to {@code netAfter}.
   *
   * @param dailyVolatility {@code sigma}
   * @param netBefore the net signed quantity before the fill
   * @param netAfter the net signed quantity after the fill
   * @param averageDailyVolume {@code ADV}, &gt; 0
   * @return the change of the log mid: positive for a buy, negative for a sell
   */
  public double permanentImpact(double dailyVolatility, double netBefore, double netAfter, double averageDailyVolume) {
    return gamma * dailyVolatility * (signedRoot(netAfter / averageDailyVolume) - signedRoot(netBefore / averageDailyVolume));
  }

  private static double signedRoot(double x) {
    return Math.signum(x) * Math.sqrt(Math.abs(x));
  }
}
