package dev.parapet.monitoring.alert;

import dev.parapet.api.Checks;
import dev.parapet.api.calendar.MarketCalendar;
import java.time.Instant;

/**
 * A context condition on a {@link Route}: the route matches only while the condition holds, for example
 * "outside market hours" to send non-critical alerts to a digest at night.
 * <p>
 * The alert system samples every condition on each {@link AlertSystem#tick()} (and once when built); alerts
 * are routed with the values of the last sample, and firing alerts are re-routed when a value changes.
 * Implementations must be thread-safe and cheap.
 */
@FunctionalInterface
public interface RouteCondition {

  /** Returns true if the condition holds at the instant. */
  boolean test(Instant now);

  /** Returns the negation of this condition. */
  default RouteCondition negate() {
    RouteCondition self = this;
    return now -> !self.test(now);
  }

  /** Returns a condition that holds while the market is in a regular session. */
  static RouteCondition marketOpen(MarketCalendar calendar) {
    Checks.notNull(calendar, "calendar");
    return calendar::isOpen;
  }

  /** Returns a condition that holds outside the market's regular sessions (nights, weekends, holidays). */
  static RouteCondition marketClosed(MarketCalendar calendar) {
    Checks.notNull(calendar, "calendar");
    return now -> !calendar.isOpen(now);
  }
}
