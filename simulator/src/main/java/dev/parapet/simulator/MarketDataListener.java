package dev.parapet.simulator;

import dev.parapet.api.calendar.TradingSession;
import dev.parapet.api.model.Bar;
import dev.parapet.api.model.Quote;
import java.time.Instant;

/**
 * Receives the market data a {@link SimulatedMarket} produces as it steps through time. Every method has
 * an empty default, so a listener overrides only what it needs.
 * <p>
 * Callbacks run on the simulation thread, inside {@link SimulatedMarket#step()}, in this order for a step
 * that ends at {@code t}: {@link #onSessionOpen} (only when the step opens a session;
 * none is sent for the first session, which is already open when the market is built), one
 * {@link #onQuote} per instrument, one {@link #onBar} per instrument for the minute that ended at
 * {@code t} (minus any bar a fault drops), then at the close one daily {@link #onBar} per instrument and
 * {@link #onSessionClose}, and finally {@link #onStep}. Instruments come in the market's instrument order.
 * An exception thrown by a callback does not stop the step; it is rethrown from {@code step()} afterwards
 * as a {@link SimulationListenerException}.
 */
public interface MarketDataListener {

  /** Called when a session opens, before the opening quotes. */
  default void onSessionOpen(TradingSession session) {
  }

  /** Called with each instrument's quote after every step. */
  default void onQuote(Quote quote) {
  }

  /** Called with each one-minute bar as its minute ends, and with each daily bar at the close. */
  default void onBar(Bar bar) {
  }

  /** Called when a session closes, after its daily bars. */
  default void onSessionClose(TradingSession session) {
  }

  /** Called once at the end of every step, after everything else, with the market time. */
  default void onStep(Instant now) {
  }
}
