package dev.parapet.examples.demo;

import dev.parapet.api.gate.GateDecision;
import dev.parapet.api.model.Bar;
import dev.parapet.api.model.Fill;
import dev.parapet.api.model.OrderEvent;
import dev.parapet.api.model.OrderRequest;
import dev.parapet.api.model.Quote;
import java.time.Instant;
import java.util.Optional;

/**
 * What the {@link SimulationDriver} drives: the host's trading controls, seen from the simulation. The
 * example runner adapts {@code TradingControls} to it; tests use a recorder.
 * <p>
 * Contract: called from the simulation thread only.
 */
public interface SimulationHost {

  /** Decides on an order (and, when approved, starts working it). */
  GateDecision submit(OrderRequest order);

  /** Takes a quote. */
  void onQuote(Quote quote);

  /** Takes a one-minute or daily bar. */
  void onBar(Bar bar);

  /** Takes a fill from the venue. */
  void onFill(Fill fill);

  /** Takes an order event from the venue. */
  void onOrderEvent(OrderEvent event);

  /** Runs what is due at the clock's current instant: scheduled tasks, execution timers, alert timing. */
  void tick();

  /** Returns when the next scheduled task is due, if any is scheduled. */
  Optional<Instant> nextDueTime();
}
