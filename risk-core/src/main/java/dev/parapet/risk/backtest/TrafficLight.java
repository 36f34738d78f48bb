package dev.parapet.risk.backtest;

import dev.parapet.api.Checks;
import java.util.OptionalDouble;

/**
 * The Basel traffic-light classification of a VaR backtest. With {@code n} days and coverage
 * {@code p = 1 - confidence}, the cumulative binomial probability {@code P(X <= exceptions)} decides the zone:
 * green below 95%, yellow below 99.99%, red otherwise (BCBS 1996, "Supervisory framework for the use of
 * backtesting in conjunction with the internal models approach to market risk capital requirements",
 * Section IV and Table 2). On the standard 250 days at 99% this gives green for 0–4 exceptions, yellow for
 * 5–9 and red for 10 or more, and the plus factor to the capital multiplier is that table's. Immutable and
 * thread-safe.
 *
 * @param zone the zone
 * @param exceptions the number of days the loss exceeded VaR
 * @param observations the number of days
 * @param confidence the VaR confidence level
 * @param cumulativeProbability {@code P(X <= exceptions)} for {@code X ~ Binomial(observations, 1 - confidence)}
 * @param plusFactor the Table 2 plus factor, present only for 250 days at 99%
 */
public record TrafficLight(TrafficLightZone zone, int exceptions, int observations, double confidence,
    double cumulativeProbability, OptionalDouble plusFactor) {

  /** Validates the fields. */
  public TrafficLight {
    Checks.notNull(zone, "zone");
    Checks.check(exceptions >= 0 && exceptions <= observations, "exceptions", exceptions,
        "in [0, observations = " + observations + "]");
    Checks.openUnitInterval(confidence, "confidence");
    Checks.inRange(cumulativeProbability, 0, 1, "cumulativeProbability");
    Checks.notNull(plusFactor, "plusFactor");
  }
}
