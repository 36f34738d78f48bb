package dev.parapet.execution.algo;

import dev.parapet.api.Checks;
import dev.parapet.api.execution.MarketState;
import dev.parapet.api.execution.ParentOrderView;
import java.time.Duration;
import java.time.Instant;

/**
 * Volume-weighted average price: releases the order in proportion to the volume the historical
 * profile expects between the start and now, relative to that between the start and the end:
 * {@code target(t) = X (C(f(t)) - C(f(start))) / (C(f(end)) - C(f(start)))}, with {@code C} the
 * cumulative profile and {@code f} the session fraction. Falls back to time weighting when the
 * profile expects no volume in the window. Confined to one parent.
 */
final class VwapAlgo extends ScheduledAlgo {

  private final VolumeProfile profile;

  VwapAlgo(VolumeProfile profile, Duration recheck) {
    super(recheck);
    this.profile = Checks.notNull(profile, "profile");
  }

  @Override
  public String name() {
    return "VWAP";
  }

  @Override
  double scheduledQuantity(Instant now, ParentOrderView parent, MarketState market) {
    double f0 = market.sessionFraction(parent.startTime());
    double f1 = market.sessionFraction(parent.endTime());
    double window = profile.between(f0, f1);
    double fraction;
    if (window > 1e-12) {
      double f = market.sessionFraction(now.isAfter(parent.endTime()) ? parent.endTime() : now);
      fraction = profile.between(f0, f) / window;
    } else {
      fraction = elapsedFraction(now, parent);
    }
    return parent.order().quantity() * Math.min(1, Math.max(0, fraction));
  }
}
