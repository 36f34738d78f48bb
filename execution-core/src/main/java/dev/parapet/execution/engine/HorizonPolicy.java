package dev.parapet.execution.engine;

import dev.parapet.api.Checks;
import dev.parapet.api.execution.MarketState;
import dev.parapet.api.model.OrderRequest;
import java.time.Duration;
import java.time.Instant;

/**
 * Sets a parent order's end time when it is submitted: the algorithm plans to finish by then, and
 * the engine expires the order at that time. Implementations must be thread-safe.
 */
@FunctionalInterface
public interface HorizonPolicy {

  /**
   * Returns the end time of an order submitted now.
   *
   * @param order the order
   * @param arrival the market state at submission
   * @param now the submission time
   * @return an end time after {@code now}
   */
  Instant endTime(OrderRequest order, MarketState arrival, Instant now);

  /**
   * Returns a policy giving each urgency a horizon, cut at the session close when the order arrives
   * before it (but never shorter than one minute).
   */
  static HorizonPolicy byUrgency(Duration low, Duration medium, Duration high) {
    Checks.notNull(low, "low");
    Checks.notNull(medium, "medium");
    Checks.notNull(high, "high");
    for (Duration d : new Duration[] {low, medium, high}) {
      Checks.check(!d.isNegative() && !d.isZero(), "horizon", d, "> 0");
    }
    return (order, arrival, now) -> {
      Duration d;
      switch (order.urgency()) {
        case LOW:
          d = low;
          break;
        case HIGH:
          d = high;
          break;
        default:
          d = medium;
      }
      Instant end = now.plus(d);
      Instant close = arrival.sessionClose();
      if (now.isBefore(close) && end.isAfter(close)) {
        end = close;
      }
      Instant earliest = now.plus(Duration.ofMinutes(1));
      return end.isBefore(earliest) ? earliest : end;
    };
  }

  /** Returns the default policy: 4 hours for LOW urgency, 2 hours for MEDIUM, 30 minutes for HIGH. */
  static HorizonPolicy defaults() {
    return byUrgency(Duration.ofHours(4), Duration.ofHours(2), Duration.ofMinutes(30));
  }

  /** Returns a policy with the same horizon for every order, cut at the session close. */
  static HorizonPolicy fixed(Duration horizon) {
    return byUrgency(horizon, horizon, horizon);
  }
}
