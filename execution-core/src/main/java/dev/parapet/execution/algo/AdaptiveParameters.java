package dev.parapet.execution.algo;

import dev.parapet.api.Checks;
import dev.parapet.api.model.Urgency;
import java.time.Duration;

/**
 * Parameters of the Adaptive algorithm, see {@link ExecutionAlgos#adaptive(AdaptiveParameters)}.
 * <p>
 * This class is immutable and thread-safe.
 *
 * @param lowRate the base participation rate for {@link Urgency#LOW}, in (0, 1]
 * @param mediumRate the base participation rate for {@link Urgency#MEDIUM}, in (0, 1]
 * @param highRate the base participation rate for {@link Urgency#HIGH}, in (0, 1]
 * @param minRate the participation floor, in (0, maxRate]
 * @param maxRate the participation cap, in [minRate, 1]
 * @param profile the historical intraday volume profile, for the expected volume
 * @param recheck the interval between decisions, &gt; 0
 * @param passiveSlack how far the fills may lag the target, in time at the current rate, before the lag
 *     is taken aggressively; &gt;= 0 (zero crosses any lag at the next decision)
 */
public record AdaptiveParameters(double lowRate, double mediumRate, double highRate, double minRate,
    double maxRate, VolumeProfile profile, Duration recheck, Duration passiveSlack) {

  /** Validates the fields. */
  public AdaptiveParameters {
    Checks.inRange(lowRate, 1e-6, 1, "lowRate");
    Checks.inRange(mediumRate, 1e-6, 1, "mediumRate");
    Checks.inRange(highRate, 1e-6, 1, "highRate");
    Checks.inRange(maxRate, 1e-6, 1, "maxRate");
    Checks.inRange(minRate, 1e-6, maxRate, "minRate");
    Checks.notNull(profile, "profile");
    Checks.notNull(recheck, "recheck");
    Checks.check(!recheck.isNegative() && !recheck.isZero(), "recheck", recheck, "> 0");
    Checks.notNull(passiveSlack, "passiveSlack");
    Checks.check(!passiveSlack.isNegative(), "passiveSlack", passiveSlack, ">= 0");
  }

  /**
   * Returns the defaults: base rates 5% / 10% / 20% by urgency, between 2% and 30%, a U-shaped
   * profile of 78 five-minute buckets with curvature 2, a decision every 30 seconds and a passive slack
   * of 5 minutes.
   */
  public static AdaptiveParameters defaults() {
    return new AdaptiveParameters(0.05, 0.10, 0.20, 0.02, 0.30, VolumeProfile.uShaped(78, 2.0),
        Duration.ofSeconds(30), Duration.ofMinutes(5));
  }

  /** Returns a copy with another volume profile. */
  public AdaptiveParameters withProfile(VolumeProfile profile) {
    return new AdaptiveParameters(lowRate, mediumRate, highRate, minRate, maxRate, profile, recheck, passiveSlack);
  }

  /** Returns a copy with other base rates. */
  public AdaptiveParameters withRates(double low, double medium, double high) {
    return new AdaptiveParameters(low, medium, high, minRate, maxRate, profile, recheck, passiveSlack);
  }

  /** Returns a copy with another floor and cap. */
  public AdaptiveParameters withBounds(double min, double max) {
    return new AdaptiveParameters(lowRate, mediumRate, highRate, min, max, profile, recheck, passiveSlack);
  }

  /** Returns a copy with another recheck interval. */
  public AdaptiveParameters withRecheck(Duration recheck) {
    return new AdaptiveParameters(lowRate, mediumRate, highRate, minRate, maxRate, profile, recheck, passiveSlack);
  }

  /** Returns a copy with another passive slack. */
  public AdaptiveParameters withPassiveSlack(Duration passiveSlack) {
    return new AdaptiveParameters(lowRate, mediumRate, highRate, minRate, maxRate, profile, recheck, passiveSlack);
  }

  /** Returns the base rate of an urgency. */
  public double baseRate(Urgency urgency) {
    switch (urgency) {
      case LOW:
        return lowRate;
      case HIGH:
        return highRate;
      default:
        return mediumRate;
    }
  }
}
