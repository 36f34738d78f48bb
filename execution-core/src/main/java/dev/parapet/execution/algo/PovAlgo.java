package dev.parapet.execution.algo;

import dev.parapet.api.Checks;
import dev.parapet.api.execution.MarketState;
import dev.parapet.api.execution.ParentOrderView;
import java.time.Duration;
import java.time.Instant;

/**
 * Percentage of volume: releases a fixed share {@code rho} of the market volume traded since the
 * start, {@code target = rho (V_now - V_start)}, capped at the order quantity. The market volume
 * includes the order's own fills, so {@code rho} is the share of the total tape. POV does not force
 * completion: what is left at the end time expires. Confined to one parent.
 */
final class PovAlgo extends ScheduledAlgo {

  private final double rate;

  PovAlgo(double rate, Duration recheck) {
    super(recheck);
    this.rate = Checks.inRange(rate, 1e-6, 1.0, "participationRate");
  }

  @Override
  public String name() {
    return "POV";
  }

  @Override
  boolean mustComplete() {
    return false;
  }

  @Override
  double scheduledQuantity(Instant now, ParentOrderView parent, MarketState market) {
    long traded = Math.max(0, market.sessionVolume() - parent.marketVolumeAtStart());
    return Math.min(parent.order().quantity(), rate * traded);
  }
}
