package dev.parapet.execution.algo;

import dev.parapet.api.execution.Aggression;
import dev.parapet.api.execution.ExecutionAlgo;
import dev.parapet.api.execution.MarketState;
import dev.parapet.api.execution.ParentOrderView;
import dev.parapet.api.execution.SliceDecision;
import java.time.Duration;
import java.time.Instant;

/** The baseline: releases the whole parent at once, aggressively. Stateless. */
final class ImmediateAlgo implements ExecutionAlgo {

  private static final Duration RECHECK = Duration.ofSeconds(5);

  @Override
  public String name() {
    return "IMMEDIATE";
  }

  @Override
  public SliceDecision decide(Instant now, ParentOrderView parent, MarketState market) {
    return SliceDecision.of(parent.order().quantity(), Aggression.AGGRESSIVE, RECHECK);
  }
}
