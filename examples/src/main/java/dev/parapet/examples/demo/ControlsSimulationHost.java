package dev.parapet.examples.demo;

import dev.parapet.api.Checks;
import dev.parapet.api.gate.GateDecision;
import dev.parapet.api.model.Bar;
import dev.parapet.api.model.Fill;
import dev.parapet.api.model.OrderEvent;
import dev.parapet.api.model.OrderRequest;
import dev.parapet.api.model.Quote;
import dev.parapet.orchestrator.TradingControls;
import dev.parapet.orchestrator.task.TaskHealth;
import java.time.Instant;
import java.util.Optional;

/** The simulation's view of a {@link TradingControls}: every call goes straight through. */
final class ControlsSimulationHost implements SimulationHost {

  private final TradingControls controls;

  ControlsSimulationHost(TradingControls controls) {
    this.controls = Checks.notNull(controls, "controls");
  }

  @Override
  public GateDecision submit(OrderRequest order) {
    return controls.submit(order);
  }

  @Override
  public void onQuote(Quote quote) {
    controls.onQuote(quote);
  }

  @Override
  public void onBar(Bar bar) {
    controls.onBar(bar);
  }

  @Override
  public void onFill(Fill fill) {
    controls.onFill(fill);
  }

  @Override
  public void onOrderEvent(OrderEvent event) {
    controls.onOrderEvent(event);
  }

  @Override
  public void tick() {
    controls.tick();
  }

  @Override
  public Optional<Instant> nextDueTime() {
    Instant next = null;
    for (TaskHealth h : controls.taskHealth()) {
      if (h.nextRun().isPresent() && (next == null || h.nextRun().get().isBefore(next))) {
        next = h.nextRun().get();
      }
    }
    return Optional.ofNullable(next);
  }
}
