package dev.parapet.simulator.venue;

import dev.parapet.api.execution.OrderRouter;
import dev.parapet.api.model.ChildOrder;

/**
 * The simulated market's trading venue: an {@link OrderRouter} that fills child orders against the
 * simulated quotes with latency, partial fills, rejects, cancels, expiries and a hidden
 * {@link TrueImpactModel}, and reports back to {@link VenueListener}s. Behaviour is set by a
 * {@link VenueConfig}; faults are injected through {@code SimulatedMarket.faults()}.
 * <p>
 * <b>Order handling.</b> Validation at arrival, in order: a duplicate child order id, an instrument the
 * market does not list, an arrival outside the current session ("market closed"), a reject burst, a
 * random reject: each is a {@code REJECTED} event. Otherwise the order is {@code ACKNOWLEDGED} and tries to
 * fill at once. {@code IOC} remainders and unfillable {@code FOK} orders are {@code CANCELLED} right after;
 * {@code DAY} orders still working at the session close are {@code EXPIRED}; {@code GTC} orders work on
 * across sessions. A cancel of a working order answers {@code CANCELLED}; a cancel of an order that is not
 * working (unknown, filled, already done) is ignored, as the API has no cancel-reject event, and counted in
 * {@link VenueStatistics#ignoredCancels()}. Fills are whole lots and never exceed the child's quantity;
 * limit orders never fill beyond their limit.
 * <p>
 * <b>Threading.</b> {@link #send} and {@link #cancel} are thread-safe and never block: they enqueue the
 * message, stamped with the clock's time. The venue processes its queue on the simulation thread during
 * {@code SimulatedMarket.step()}, where listeners are called. With a single sending thread (or one
 * deterministic interleaving) the same seed gives the same fills; with several threads, the order of
 * messages in the queue is whatever the threads made it. Listener registration is thread-safe.
 */
public interface SimulatedVenue extends OrderRouter {

  /** Queues a child order; the answer arrives as order events and fills. Thread-safe, never blocks. */
  @Override
  void send(ChildOrder childOrder);

  /** Queues a cancel request; the answer arrives as a {@code CANCELLED} event. Thread-safe, never blocks. */
  @Override
  void cancel(String childOrderId);

  /** Adds a listener; listeners are called in the order they were added. */
  void addListener(VenueListener listener);

  /** Removes a listener; returns true if it was registered. */
  boolean removeListener(VenueListener listener);

  /** Returns the venue's configuration. */
  VenueConfig config();

  /** Returns the venue's counters as of the end of the last step. Thread-safe. */
  VenueStatistics statistics();
}
