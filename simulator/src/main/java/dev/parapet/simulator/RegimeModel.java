package dev.parapet.simulator;

import dev.parapet.api.Checks;

/**
 * The market-wide volatility regime: a two-state Markov chain switching between {@link Regime#CALM} and
 * {@link Regime#STRESSED}, after Hamilton, "A New Approach to the Economic Analysis of Nonstationary Time
 * Series and the Business Cycle", Econometrica 57(2), 1989, §2.
 * <p>
 * Transition probabilities are given per trading day. Intraday, the chain moves once a minute with the
 * per-minute probability {@code 1 - (1 - p)^(1/390)}, which compounds to {@code p} over a 390-minute
 * session; it does not move overnight. In the stressed regime every instrument's volatility is multiplied
 * by {@link #stressedVolatilityRatio()} (so its spread widens by the same factor, see
 * {@link SimulatedMarket}) and its expected volume by {@link #stressedVolumeRatio()}. An instrument's
 * {@link InstrumentProfile#annualVolatility()} is its calm volatility; its long-run volatility is
 * {@code annualVolatility * sqrt(1 - pi + pi * ratio^2)} with {@code pi} the
 * {@linkplain #stationaryStressedProbability() stationary stressed probability}.
 * <p>
 * This class is immutable and thread-safe.
 *
 * @param calmToStressedPerDay probability per trading day of moving from calm to stressed, in [0, 1]
 * @param stressedToCalmPerDay probability per trading day of moving from stressed to calm, in [0, 1]
 * @param stressedVolatilityRatio volatility in the stressed regime over calm volatility, finite and &gt;= 1
 * @param stressedVolumeRatio expected volume in the stressed regime over calm volume, finite and &gt;= 1
 * @param initialRegime the regime at the start of a simulation
 */
public record RegimeModel(
    double calmToStressedPerDay,
    double stressedToCalmPerDay,
    double stressedVolatilityRatio,
    double stressedVolumeRatio,
    Regime initialRegime) {

  /** Validates every field. */
  public RegimeModel {
    Checks.inRange(calmToStressedPerDay, 0.0, 1.0, "calmToStressedPerDay");
    Checks.inRange(stressedToCalmPerDay, 0.0, 1.0, "stressedToCalmPerDay");
    Checks.finite(stressedVolatilityRatio, "stressedVolatilityRatio");
    Checks.check(stressedVolatilityRatio >= 1.0, "stressedVolatilityRatio", stressedVolatilityRatio, ">= 1");
    Checks.finite(stressedVolumeRatio, "stressedVolumeRatio");
    Checks.check(stressedVolumeRatio >= 1.0, "stressedVolumeRatio", stressedVolumeRatio, ">= 1");
    Checks.notNull(initialRegime, "initialRegime");
  }

  /**
   * Returns the default model: 1% a day from calm to stressed, 5% a day back (mean stays of 100 and 20
   * trading days, one day in six stressed in the long run), volatility doubled and volume up 50% under
   * stress, starting calm. The numbers are illustrative, of the order seen for equity indices.
   */
  public static RegimeModel defaults() {
    return new RegimeModel(0.01, 0.05, 2.0, 1.5, Regime.CALM);
  }

  /** Returns a model that stays calm forever (no switching), with the default ratios. */
  public static RegimeModel calmOnly() {
    return new RegimeModel(0.0, 0.0, 2.0, 1.5, Regime.CALM);
  }

  /** Returns a model that stays stressed forever (no switching), with the default ratios. */
  public static RegimeModel stressedOnly() {
    return new RegimeModel(0.0, 0.0, 2.0, 1.5, Regime.STRESSED);
  }

  /** Returns a copy with another initial regime. */
  public RegimeModel withInitialRegime(Regime regime) {
    return new RegimeModel(calmToStressedPerDay, stressedToCalmPerDay, stressedVolatilityRatio, stressedVolumeRatio,
        regime);
  }

  /** Returns the volatility multiplier of a regime: 1 when calm, {@link #stressedVolatilityRatio()} when stressed. */
  public double volatilityMultiplier(Regime regime) {
    return regime == Regime.STRESSED ? stressedVolatilityRatio : 1.0;
  }

  /** Returns the volume multiplier of a regime: 1 when calm, {@link #stressedVolumeRatio()} when stressed. */
  public double volumeMultiplier(Regime regime) {
    return regime == Regime.STRESSED ? stressedVolumeRatio : 1.0;
  }

  /** Returns true if the chain can leave its initial state. */
  public boolean switches() {
    return calmToStressedPerDay > 0 || stressedToCalmPerDay > 0;
  }

  /**
   * Returns the long-run probability of the stressed regime, {@code p / (p + q)} with {@code p} the
   * calm-to-stressed and {@code q} the stressed-to-calm probability; when neither switches, 1 for a
   * chain that starts stressed and 0 otherwise.
   */
  public double stationaryStressedProbability() {
    double sum = calmToStressedPerDay + stressedToCalmPerDay;
    if (sum == 0) {
      return initialRegime == Regime.STRESSED ? 1.0 : 0.0;
    }
    return calmToStressedPerDay / sum;
  }
}
