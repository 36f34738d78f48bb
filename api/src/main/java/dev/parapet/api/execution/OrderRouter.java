package dev.parapet.api.execution;

import dev.parapet.api.model.ChildOrder;

/**
 * The host's broker or venue adapter: Parapet hands it child orders and cancel requests; the host
 * reports fills and order events back through the orchestrator.
 * <p>
 * Contract: implementations are thread-safe and do not block for long (queue the message and return).
 * An exception from {@link #send} is treated as an immediate reject of that child order.
 */
public interface OrderRouter {

  /** Sends a child order to the market. */
  void send(ChildOrder childOrder);

  /** Asks the market to cancel a working child order; the outcome arrives as an order event. */
  void cancel(String childOrderId);
}
