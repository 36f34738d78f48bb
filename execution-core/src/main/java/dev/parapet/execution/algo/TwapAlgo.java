package dev.parapet.execution.algo;

import dev.parapet.api.execution.MarketState;
import dev.parapet.api.execution.ParentOrderView;
import java.time.Duration;
import java.time.Instant;

/**
 * Time-weighted average price: releases the order in proportion to elapsed time,
 * {@code target(t) = X (t - start) / (end - start)}. Confined to one parent.
 */
final class TwapAlgo extends ScheduledAlgo {

  TwapAlgo(Duration recheck) {
    super(recheck);
  }

  @Override
  public String name() {
    return "TWAP";
  }

  @Override
  double scheduledQuantity(Instant now, ParentOrderView parent, MarketState market) {
    return parent.order().quantity() * elapsedFraction(now, parent);
  }
}
