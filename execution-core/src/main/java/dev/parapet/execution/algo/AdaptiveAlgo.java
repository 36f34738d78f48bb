package dev.parapet.execution.algo;

import dev.parapet.api.Checks;
import dev.parapet.api.execution.Aggression;
import dev.parapet.api.execution.ExecutionAlgo;
import dev.parapet.api.execution.MarketState;
import dev.parapet.api.execution.ParentOrderView;
import dev.parapet.api.execution.SliceDecision;
import java.time.Instant;

/**
 * The Adaptive algorithm: a participation strategy whose rate is re-chosen at every decision.
 * <p>
 * The target grows by {@code rho * dV} at each decision, where {@code dV} is the market volume
 * traded since the previous decision, so the order follows the actual volume. The rate is
 * <pre>
 *   rho = base(urgency) * spread factor * volatility factor * drift factor,
 *   then at least what completion by the end time needs, within [minRate, maxRate]
 * </pre>
 * <ul>
 *   <li>spread: {@code sqrt(typical / current spread)} in [0.5, 1.5]: trade less when liquidity is
 *       expensive;</li>
 *   <li>volatility regime: {@code sqrt(realised / long-run volatility)} in [0.75, 1.5]: trade faster
 *       when timing risk is high (the optimal urgency of Almgren and Chriss 2000 grows with
 *       sigma);</li>
 *   <li>drift: the move of the mid since arrival in units of {@code sigma sqrt(elapsed days)};
 *       an adverse move of {@code z} standard deviations scales the rate by {@code 1 + 0.2 min(z, 2.5)},
 *       a favourable one by {@code 1 - 0.1 min(|z|, 2)};</li>
 *   <li>realised versus expected volume: the remaining volume expected from the profile is scaled by
 *       the ratio of the volume seen since arrival to the volume the profile expected (in [0.5, 2]),
 *       and the rate is raised to 1.1 times what finishing on that volume requires.</li>
 * </ul>
 * Pricing is passive first: the order rests at the near touch, where it pays neither the spread nor
 * temporary impact. Only when the fills lag the previous decision's target by more than the slack (what
 * the rate would trade over the passive slack, default 5 minutes) is part of the lag taken
 * aggressively: at most two decision intervals' worth at the current rate, once per interval, back to
 * half the slack, so that catching up does not come in bursts (temporary impact is concave in size but
 * the cost, size times impact, is convex). Everything left in the final window (six decision intervals,
 * at most a tenth of the horizon) is taken aggressively. The parent's limit price is applied by
 * the engine. Confined to one parent.
 */
final class AdaptiveAlgo implements ExecutionAlgo {

  /** The completion rate is raised by this margin so that the order does not finish in the final window. */
  static final double COMPLETION_MARGIN = 1.1;
  /**
   * The final window, in decision intervals (at most a tenth of the horizon): long enough for a partly
   * filled aggressive child to be retried before the end.
   */
  static final int FINAL_WINDOW_DECISIONS = 6;

  private final AdaptiveParameters parameters;
  private boolean started;
  private long lastVolume;
  private double target;
  private long previousTarget;
  private double lastRate;
  private Instant lastCross;

  AdaptiveAlgo(AdaptiveParameters parameters) {
    this.parameters = Checks.notNull(parameters, "parameters");
  }

  @Override
  public String name() {
    return "ADAPTIVE";
  }

  /** Returns the participation rate chosen at the last decision (0 before the first). */
  double lastRate() {
    return lastRate;
  }

  @Override
  public SliceDecision decide(Instant now, ParentOrderView parent, MarketState market) {
    long quantity = parent.order().quantity();
    if (!started) {
      started = true;
      lastVolume = parent.marketVolumeAtStart();
    }
    long volume = market.sessionVolume();
    long traded = Math.max(0, volume - lastVolume);
    lastVolume = Math.max(lastVolume, volume);
    double rate = rate(now, parent, market);
    lastRate = rate;
    target = Math.min(quantity, target + rate * traded);
    long rounded = (long) Math.ceil(target - 1e-6);
    long filled = parent.filledQuantity();
    if (ScheduledAlgo.inFinalWindow(now, parent, parameters.recheck().multipliedBy(FINAL_WINDOW_DECISIONS))) {
      previousTarget = quantity;
      return SliceDecision.of(quantity, Aggression.AGGRESSIVE, parameters.recheck());
    }
    double slack = expectedVolume(now, market, parameters.passiveSlack()) * rate;
    long lag = previousTarget - filled;
    previousTarget = Math.max(previousTarget, rounded);
    boolean mayCross = lastCross == null || !now.isBefore(lastCross.plus(parameters.recheck()));
    if (lag > Math.max(1, slack) && mayCross) {
      // cross part of the lag, at most two intervals' worth at the current rate, back to half the slack
      double perInterval = expectedVolume(now, market, parameters.recheck()) * rate;
      long catchUp = (long) Math.ceil(Math.min(lag - 0.5 * slack, Math.max(1, 2 * perInterval)));
      lastCross = now;
      // the engine cancels the resting passive children, which stay counted as open until confirmed:
      // ask for the catch-up on top of them so that it is sent now; the passive rest is re-posted at the
      // next decision (the engine decides again as soon as the cancels are confirmed)
      long open = parent.openQuantity();
      return SliceDecision.of(Math.min(quantity, filled + open + catchUp), Aggression.AGGRESSIVE,
          parameters.recheck());
    }
    return SliceDecision.of(rounded, Aggression.PASSIVE, parameters.recheck());
  }

  /** Returns the market volume the profile expects from {@code now} over {@code span}. */
  private double expectedVolume(Instant now, MarketState market, java.time.Duration span) {
    double f = market.sessionFraction(now);
    double width = span.toNanos() / (double) market.sessionLength().toNanos();
    return market.averageDailyVolume() * parameters.profile().between(f, Math.min(1, f + width));
  }

  /** Returns the participation rate for this decision. */
  double rate(Instant now, ParentOrderView parent, MarketState market) {
    double rate = parameters.baseRate(parent.order().urgency());
    double spreadBps = Math.max(market.spreadBps(), 0.1);
    rate *= clamp(Math.sqrt(Math.max(market.typicalSpreadBps(), 0.1) / spreadBps), 0.5, 1.5);
    rate *= clamp(Math.sqrt(market.volatilityRatio()), 0.75, 1.5);

    double elapsedDays = Math.max(market.tradingDays(parent.startTime(), now), 1.0 / 390);
    double arrival = parent.arrivalPrice();
    double z = parent.order().side().sign() * (market.mid() - arrival)
        / (arrival * market.dailyVolatility() * Math.sqrt(elapsedDays));
    rate *= z > 0 ? 1 + 0.2 * Math.min(z, 2.5) : 1 - 0.1 * Math.min(-z, 2.0);

    double f0 = market.sessionFraction(parent.startTime());
    double fNow = market.sessionFraction(now);
    double fEnd = market.sessionFraction(parent.endTime());
    double expectedSoFar = market.averageDailyVolume() * parameters.profile().between(f0, fNow);
    double realizedSoFar = Math.max(0, market.sessionVolume() - parent.marketVolumeAtStart());
    double volumeRatio = expectedSoFar > 0 ? clamp(realizedSoFar / expectedSoFar, 0.5, 2.0) : 1.0;
    double expectedRemaining = market.averageDailyVolume() * parameters.profile().between(fNow, fEnd) * volumeRatio;
    double leaves = parent.order().quantity() - parent.filledQuantity();
    if (expectedRemaining > 0) {
      rate = Math.max(rate, COMPLETION_MARGIN * leaves / expectedRemaining);
    } else if (leaves > 0) {
      rate = parameters.maxRate();
    }
    return clamp(rate, parameters.minRate(), parameters.maxRate());
  }

  private static double clamp(double v, double lo, double hi) {
    return v < lo ? lo : Math.min(v, hi);
  }
}
