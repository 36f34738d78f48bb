package dev.parapet.compliance.killswitch;

import dev.parapet.api.Checks;
import java.time.Instant;

/**
 * The state of the kill switch: whether it is engaged and, if so, since when, by which trigger, by whom
 * and why. Immutable and thread-safe.
 *
 * @param engaged true while engaged
 * @param since when it was engaged (or last reset, when not engaged; the epoch if never)
 * @param trigger {@code manual}, {@code daily-loss-limit}, {@code rejection-rate}, or the reset's
 *     {@code reset}; {@code none} if never engaged
 * @param by the operator or the component
 * @param reason why
 * @param cancelledOrders child orders asked to cancel when it engaged (0 when not engaged)
 */
public record KillSwitchState(boolean engaged, Instant since, String trigger, String by, String reason,
    int cancelledOrders) {

  /** Validates the fields. */
  public KillSwitchState {
    Checks.notNull(since, "since");
    Checks.notBlank(trigger, "trigger");
    Checks.notNull(by, "by");
    Checks.notNull(reason, "reason");
  }
}
