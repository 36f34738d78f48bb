package dev.parapet.simulator.venue;

import dev.parapet.api.Checks;
import dev.parapet.api.model.Fill;
import dev.parapet.api.model.OrderEvent;
import java.util.function.Consumer;

/**
 * Receives what the {@link SimulatedVenue} reports about child orders: fills and order events
 * (acknowledged, rejected, cancelled, expired). The host or orchestrator provides it, exactly as it would
 * wire a real broker adapter's callbacks.
 * <p>
 * Callbacks run on the simulation thread during {@code SimulatedMarket.step()}; they may send or cancel
 * orders again (those are queued and obey the venue's latency). For a child order the venue reports
 * {@code ACKNOWLEDGED} or {@code REJECTED} first, then any fills, then at most one of {@code CANCELLED} or
 * {@code EXPIRED} when it stops working without being fully filled.
 */
public interface VenueListener {

  /** Called for every execution. */
  void onFill(Fill fill);

  /** Called for every non-fill event on a child order. */
  void onOrderEvent(OrderEvent event);

  /**
   * Returns a listener built from two callbacks.
   *
   * @param onFill called with each fill
   * @param onOrderEvent called with each order event
   * @return the listener
   */
  static VenueListener of(Consumer<Fill> onFill, Consumer<OrderEvent> onOrderEvent) {
    Checks.notNull(onFill, "onFill");
    Checks.notNull(onOrderEvent, "onOrderEvent");
    return new VenueListener() {
      @Override
      public void onFill(Fill fill) {
        onFill.accept(fill);
      }

      @Override
      public void onOrderEvent(OrderEvent event) {
        onOrderEvent.accept(event);
      }
    };
  }
}
