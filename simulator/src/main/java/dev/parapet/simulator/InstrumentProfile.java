package dev.parapet.simulator;

import dev.parapet.api.Checks;
import dev.parapet.api.model.Instrument;

/**
 * The simulation parameters of one instrument: where its price starts, how much it moves, how much it
 * trades and how wide it is quoted.
 * <p>
 * Volatility and volume are those of the {@link Regime#CALM} regime; the {@link RegimeModel} scales them
 * under stress. With the default factor model the correlation of instruments {@code i} and {@code j} is
 * {@code m_i m_j + s_i s_j [same sector]} (the {@code marketLoading} {@code m} and {@code sectorLoading}
 * {@code s}); the idiosyncratic share of variance is {@code 1 - m^2 - s^2}. When the market is built with
 * an explicit correlation matrix the loadings are ignored.
 * <p>
 * This class is immutable and thread-safe.
 *
 * @param instrument the instrument
 * @param initialPrice the mid price when the simulation starts, on the tick grid and &gt; 0
 * @param annualVolatility the calm-regime volatility of log returns per year (252 sessions), &gt; 0;
 *     the daily volatility is {@code annualVolatility / sqrt(252)}
 * @param annualDrift the expected log return per year, finite
 * @param averageDailyVolume the calm-regime average daily volume in units (shares), &gt; 0
 * @param baseSpreadBps the quoted bid/ask spread in basis points of the mid at average calm volatility, &gt; 0
 * @param marketLoading the loading on the market factor, in [0, 1)
 * @param sectorLoading the loading on the sector factor, in [0, 1), with {@code m^2 + s^2 <= 0.99}
 */
public record InstrumentProfile(
    Instrument instrument,
    double initialPrice,
    double annualVolatility,
    double annualDrift,
    long averageDailyVolume,
    double baseSpreadBps,
    double marketLoading,
    double sectorLoading) {

  /** Trading sessions per year, the convention for annualising daily volatility. */
  public static final int SESSIONS_PER_YEAR = 252;

  /** Validates every field. */
  public InstrumentProfile {
    Checks.notNull(instrument, "instrument");
    String ctx = "profile of " + instrument.id();
    instrument.checkPrice(initialPrice, "initialPrice", ctx);
    Checks.positive(annualVolatility, "annualVolatility", ctx);
    Checks.finite(annualDrift, "annualDrift", ctx);
    Checks.positive(averageDailyVolume, "averageDailyVolume", ctx);
    Checks.positive(baseSpreadBps, "baseSpreadBps", ctx);
    Checks.check(marketLoading >= 0 && marketLoading < 1, "marketLoading", marketLoading, "in [0, 1)", ctx);
    Checks.check(sectorLoading >= 0 && sectorLoading < 1, "sectorLoading", sectorLoading, "in [0, 1)", ctx);
    double systematic = marketLoading * marketLoading + sectorLoading * sectorLoading;
    Checks.check(systematic <= 0.99, "marketLoading^2 + sectorLoading^2", systematic, "<= 0.99", ctx);
  }

  /**
   * Creates a profile with no drift, a market loading of 0.5 and a sector loading of 0.3.
   *
   * @param instrument the instrument
   * @param initialPrice the starting mid price, on the tick grid
   * @param annualVolatility the calm annual volatility
   * @param averageDailyVolume the calm average daily volume
   * @param baseSpreadBps the base spread in basis points
   * @return the profile
   */
  public static InstrumentProfile of(Instrument instrument, double initialPrice, double annualVolatility,
      long averageDailyVolume, double baseSpreadBps) {
    return new InstrumentProfile(instrument, initialPrice, annualVolatility, 0.0, averageDailyVolume, baseSpreadBps,
        0.5, 0.3);
  }

  /** Returns the calm daily volatility {@code annualVolatility / sqrt(252)}. */
  public double dailyVolatility() {
    return annualVolatility / Math.sqrt(SESSIONS_PER_YEAR);
  }
}
