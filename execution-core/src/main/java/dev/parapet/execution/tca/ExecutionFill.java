package dev.parapet.execution.tca;

import dev.parapet.api.Checks;
import dev.parapet.api.model.Fill;
import java.time.Instant;

/**
 * One fill of a parent order, as TCA needs it.
 * <p>
 * This class is immutable and thread-safe.
 *
 * @param timestamp when it executed
 * @param quantity the filled quantity, &gt; 0
 * @param price the execution price, &gt; 0
 * @param fees commissions and fees in currency, &gt;= 0
 */
public record ExecutionFill(Instant timestamp, long quantity, double price, double fees) {

  /** Validates the fields. */
  public ExecutionFill {
    Checks.notNull(timestamp, "timestamp");
    Checks.positive(quantity, "quantity", "fill at " + timestamp);
    Checks.positive(price, "price", "fill at " + timestamp);
    Checks.nonNegative(fees, "fees", "fill at " + timestamp);
  }

  /** Converts an api fill. */
  public static ExecutionFill of(Fill fill) {
    Checks.notNull(fill, "fill");
    return new ExecutionFill(fill.timestamp(), fill.quantity(), fill.price(), fill.fees());
  }
}
