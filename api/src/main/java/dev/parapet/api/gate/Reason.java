package dev.parapet.api.gate;

import dev.parapet.api.Checks;

/**
 * One reason a gate gave about an order: a blocking breach or a non-blocking warning.
 * <p>
 * {@code limit} and {@code value} carry the figures of a limit breach (the limit and the value the
 * order would reach, in the rule's unit); they are {@code NaN} when a reason has no such figures, and
 * {@link #hasFigures()} says which. This class is immutable and thread-safe.
 *
 * @param code the reason code
 * @param source the gate or rule that gave the reason, e.g. {@code compliance/max-order-notional}
 * @param message a human-readable explanation naming the figures
 * @param blocking true for a hard breach that rejects the order, false for a warning
 * @param limit the limit that applies, or NaN
 * @param value the value the order reaches, or NaN
 */
public record Reason(ReasonCode code, String source, String message, boolean blocking, double limit, double value) {

  /** Validates the fields. */
  public Reason {
    Checks.notNull(code, "code");
    Checks.notBlank(source, "source");
    Checks.notNull(message, "message");
  }

  /** Creates a blocking reason without figures. */
  public static Reason block(ReasonCode code, String source, String message) {
    return new Reason(code, source, message, true, Double.NaN, Double.NaN);
  }

  /** Returns true when both the limit and the value are known. */
  public boolean hasFigures() {
    return !Double.isNaN(limit) && !Double.isNaN(value);
  }
}
